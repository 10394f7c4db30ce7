import { ruleTester } from "../../rule-tester.js";
import { priorityHeader } from "../../../src/rules/headers/priority-header.js";

const eml = (field: string) => ({ eml: `From: a@example.com\nSubject: x\nMIME-Version: 1.0\n${field}\nContent-Type: text/plain\n\nhi\n` });

ruleTester(priorityHeader, {
  valid: [
    // normal priority written out in every header, as Outlook does
    "fixtures/priority-header/clean-normal-priority.eml",
    "fixtures/newsletter.eml",
    eml("X-Priority: 3"),
    eml("X-Priority: 5 (Lowest)"),
    eml("X-Priority: 10"),
    eml("X-MSMail-Priority: Low"),
    eml("Importance: low"),
    eml("Priority: non-urgent"),
  ],
  invalid: [
    {
      input: "fixtures/priority-header/fires-x-priority-highest.eml",
      findings: [
        {
          evidence: "X-Priority: 1 (Highest)",
          location: { header: "X-Priority", line: 7 },
          message: "The message is marked high priority (X-Priority: 1 (Highest)); bulk mail flagged as urgent is a spam signal.",
        },
        { evidence: "X-MSMail-Priority: High", location: { header: "X-MSMail-Priority", line: 8 } },
        { evidence: "Importance: High", location: { header: "Importance", line: 9 } },
      ],
    },
    { input: eml("X-Priority: 2"), findings: [{ evidence: "X-Priority: 2", location: { header: "X-Priority", line: 4 } }] },
    { input: eml("importance: HIGH"), findings: [{ evidence: "importance: HIGH" }] },
    { input: eml("Priority: urgent"), findings: [{ evidence: "Priority: urgent" }] },
  ],
});
