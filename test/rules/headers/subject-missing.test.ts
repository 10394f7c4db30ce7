import { ruleTester } from "../../rule-tester.js";
import { subjectMissing } from "../../../src/rules/headers/subject-missing.js";

ruleTester(subjectMissing, {
  valid: ["fixtures/subject-missing/clean-newsletter.eml", { html: "<p>Hello</p>", subject: "Winter reading" }],
  invalid: [
    { input: "fixtures/subject-missing/fires-empty-subject.eml", findings: [{ message: "The Subject header is empty.", location: { header: "Subject", line: 8 } }] },
    { input: { eml: "From: a@example.com\nTo: b@example.org\n\nHello\n" }, findings: [{ message: "The message has no Subject header." }] },
    { input: { html: "<p>Hello</p>", subject: "  " }, findings: 1 },
  ],
});
