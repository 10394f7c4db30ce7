import { ruleTester } from "../../rule-tester.js";
import { invalidFrom } from "../../../src/rules/headers/invalid-from.js";

const eml = (from: string) => `From: ${from}\nTo: reader@example.org\nSubject: Hi\n\nHello\n`;

ruleTester(invalidFrom, {
  valid: [
    "fixtures/invalid-from/clean-idn-domain.eml",
    { eml: eml("Ops <ops@[192.0.2.1]>"), name: "an address literal is valid" },
    { eml: eml('"ann@home"@example.org'), name: "an @ inside a quoted local part is valid" },
    { eml: "To: reader@example.org\nSubject: Hi\n\nHello\n", name: "a missing From is missing-from's finding" },
  ],
  invalid: [
    {
      input: "fixtures/invalid-from/fires-unqualified-domain.eml",
      findings: [{ evidence: "news@mailhost", location: { header: "From", line: 6 }, message: /not a fully qualified name/ }],
    },
    { input: { eml: eml("Harbour Books") }, findings: [{ message: /holds no email address|has no @domain/ }] },
    { input: { eml: eml("<news@harbour_books.com>") }, findings: [{ message: /invalid domain/ }] },
    { input: { eml: eml("ann@news@harbour-books.com") }, findings: [{ evidence: "ann@news@harbour-books.com", message: 'From address "ann@news@harbour-books.com" has a second @ in it.', location: { header: "From", line: 1 } }] },
  ],
});
