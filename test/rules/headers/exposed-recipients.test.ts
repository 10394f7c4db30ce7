import { ruleTester } from "../../rule-tester.js";
import { exposedRecipients } from "../../../src/rules/headers/exposed-recipients.js";

const cc = (count: number) => Array.from({ length: count }, (_, i) => `reader${i}@example.org`).join(", ");

ruleTester(exposedRecipients, {
  valid: [
    "fixtures/exposed-recipients/clean-one-reader.eml",
    { html: "<p>templates have no recipients</p>" },
    { name: "four recipients", eml: `From: a@example.com\nTo: ${cc(4)}\nSubject: x\n\nHello\n` },
    {
      name: "a reply keeps the thread's recipients",
      eml: `From: a@example.com\nTo: ${cc(8)}\nIn-Reply-To: <1@example.com>\nSubject: Re: plan\n\nAgreed.\n`,
    },
    {
      name: "quoted display names with commas and @ are not addresses",
      eml: 'From: a@example.com\nTo: "Ruiz, Marta (marta@home)" <marta@example.org>, "Lind, Sara" <sara@example.org>\nSubject: x\n\nHello\n',
    },
    { name: "an address in both To and Cc counts once", eml: `From: a@example.com\nTo: ${cc(3)}\nCc: ${cc(3)}, extra@example.net\nSubject: x\n\nHello\n` },
    { input: { name: "nine under maxRecipients 10", eml: `From: a@example.com\nTo: ${cc(9)}\nSubject: x\n\nHello\n` }, options: { maxRecipients: 10 } },
  ],
  invalid: [
    {
      // folded Cc with quoted "Last, First" names and an RFC 2047 encoded name
      input: "fixtures/exposed-recipients/fires-cc-list.eml",
      findings: [{ message: /show 7 recipients/, evidence: "marta.ruiz@example.org, ada.okafor@example.net, tom@example.com, joerg.mueller@example.de, sara.lind@example.se", location: { header: "To", line: 2 } }],
    },
    { input: { eml: `From: a@example.com\nTo: ${cc(3)}\nCc: extra1@example.net, extra2@example.net\nSubject: x\n\nHello\n` }, findings: [{ message: /show 5 recipients/ }] },
  ],
});
