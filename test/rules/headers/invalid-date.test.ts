import { ruleTester } from "../../rule-tester.js";
import { invalidDate } from "../../../src/rules/headers/invalid-date.js";

const eml = (date: string) => `From: a@example.com\nDate: ${date}\nSubject: Hi\n\nHello\n`;

ruleTester(invalidDate, {
  valid: [
    "fixtures/invalid-date/clean-obsolete-year.eml",
    { eml: eml("Mon, 23 Nov 2026 09:00:00 +0000") },
    { eml: eml("23 Nov 2026 09:00 EST") },
    { eml: eml("Mon,23 Nov 2026 09:00:00 -0800 (PST)") },
    // RFC 5322 §4.3: a three-digit year is 1900 + it
    { eml: eml("Sat, 23 Nov 102 09:00:00 +0000") },
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
    // the year 2002 written as years since 1900 in four digits (SpamAssassin corpus spam-2/00212)
    { input: { eml: eml("Wed, 01 May 0102 17:51:08 -0100") }, findings: [{ message: /year before 1900 \(0102\)/ }] },
  ],
});
