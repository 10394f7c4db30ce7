import { ruleTester } from "../../rule-tester.js";
import { multipleFrom } from "../../../src/rules/headers/multiple-from.js";

ruleTester(multipleFrom, {
  valid: ["fixtures/multiple-from/clean-newsletter.eml"],
  invalid: [
    {
      input: "fixtures/multiple-from/fires-two-from-headers.eml",
      findings: [{ evidence: '"Harbour Books Offers" <offers@harbourbooks.com>', location: { header: "From", line: 15 } }],
    },
    {
      input: { eml: "From: a@example.com, b@example.com\nSender: a@example.com\nSubject: Hi\n\nHello\n" },
      findings: [{ evidence: "a@example.com, b@example.com", location: { header: "From", line: 1 } }],
    },
  ],
});
