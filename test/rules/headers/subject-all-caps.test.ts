import { ruleTester } from "../../rule-tester.js";
import { subjectAllCaps } from "../../../src/rules/headers/subject-all-caps.js";

ruleTester(subjectAllCaps, {
  valid: [
    "fixtures/subject-all-caps/clean-sentence-case.eml",
    { html: "<p>hi</p>", subject: "NEW: VAT rules" }, // too few letters to judge
  ],
  invalid: [
    {
      input: "fixtures/subject-all-caps/fires-shouting.eml",
      findings: [{ evidence: "LAST CHANCE – HUGE SAVINGS TODAY", location: { header: "Subject", line: 3 } }],
    },
  ],
});
