import { ruleTester } from "../../rule-tester.js";
import { subjectTooLong } from "../../../src/rules/headers/subject-too-long.js";

ruleTester(subjectTooLong, {
  valid: [
    "fixtures/subject-too-long/clean-newsletter.eml",
    { html: "<p>x</p>", subject: "👩‍👩‍👧‍👦".repeat(70), name: "graphemes, not code units, are counted" },
  ],
  invalid: [
    {
      input: "fixtures/subject-too-long/fires-long-subject.eml",
      findings: [
        {
          evidence: "Five new novels for your winter reading list – smugglers, orchards, silent valleys and a lighthouse",
          message: /99 characters/,
          location: { header: "Subject", line: 8 },
        },
      ],
    },
    { input: { html: "<p>x</p>", subject: "word ".repeat(20) }, options: { maxLength: 40 }, findings: 1 },
    { input: { html: "<p>x</p>", subject: "x".repeat(8_000_000) }, findings: [{ message: /over 312 characters/ }] },
  ],
});
