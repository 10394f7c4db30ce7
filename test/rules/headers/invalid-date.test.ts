import { ruleTester } from "../../rule-tester.js";
import { invalidDate } from "../../../src/rules/headers/invalid-date.js";

const eml = (date: string) => `From: a@example.com\nDate: ${date}\nSubject: Hi\n\nHello\n`;

ruleTester(invalidDate, {
  valid: [
    "fixtures/invalid-date/clean-obsolete-year.eml",
    { eml: eml("Mon, 23 Nov 2026 09:00:00 +0000") },
    { eml: eml("23 Nov 2026 09:00 EST") },
    { eml: eml("Mon,23 Nov 2026 09:00:00 -0800 (PST)") },
  ],
  invalid: [
    {
      input: "fixtures/invalid-date/fires-no-zone.eml",
      findings: [{ evidence: "Monday 23 November 2026 09:00", location: { header: "Date", line: 4 } }],
    },
    { input: { eml: eml("Mon, 23 Nov 2026 09:00:00") }, findings: [{ message: /not an RFC 5322 date-time/ }] },
    { input: { eml: eml("Tue, 31 Feb 2026 09:00:00 +0000") }, findings: [{ message: /does not exist/ }] },
    { input: { eml: eml("Mon, 23 Nov 2026 25:00:00 +0000") }, findings: [{ message: /impossible time of day/ }] },
    { input: { eml: eml("2026-11-23T09:00:00Z") }, findings: 1 },
  ],
});
