import { ruleTester } from "../../rule-tester.js";
import { undisclosedRecipients } from "../../../src/rules/headers/undisclosed-recipients.js";

ruleTester(undisclosedRecipients, {
  valid: [
    "fixtures/undisclosed-recipients/clean-addressed.eml",
    { html: "<p>templates get their To from the ESP</p>" },
    { name: "a named group with members", eml: "From: a@example.com\nTo: Board: ann@example.org, bob@example.org;\nSubject: x\n\nHello\n" },
    {
      name: "a discussion-list post",
      eml: "From: a@example.com\nTo: undisclosed-recipients:;\nList-Post: <mailto:talk@lists.example.net>\nSubject: x\n\nHello\n",
    },
  ],
  invalid: [
    { input: "fixtures/undisclosed-recipients/fires-bcc-only.eml", findings: [{ evidence: "undisclosed-recipients:;", location: { header: "To", line: 2 } }] },
    { input: { eml: "From: a@example.com\nTo: undisclosed-recipients: ;\nSubject: x\n\nHello\n" }, findings: 1 },
    { input: { eml: "From: a@example.com\nTo: Destinataires inconnus:;\nSubject: x\n\nBonjour\n" }, findings: [{ evidence: "Destinataires inconnus:;" }] },
    { input: { eml: "From: a@example.com\nTo: <Undisclosed-Recipient:;>\nSubject: x\n\nHello\n" }, findings: 1 },
  ],
});
