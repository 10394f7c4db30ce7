import { ruleTester } from "../../rule-tester.js";
import { messageTooLarge } from "../../../src/rules/content/message-too-large.js";

const message = `From: a@example.com\nSubject: x\nContent-Type: text/plain\n\n${"All the news that fits.\n".repeat(100)}`;

ruleTester(messageTooLarge, {
  valid: ["fixtures/message-too-large/clean-newsletter.eml", { html: `<p>${"x".repeat(2_000_000)}</p>` }],
  invalid: [
    {
      input: "fixtures/message-too-large/fires-attached-brochure.eml",
      findings: [{ evidence: "1554762 bytes", severity: "warning", message: /1\.5 MB \(1554762 bytes\)/ }],
    },
    { input: { eml: message }, options: { maxBytes: 1000, rejectBytes: 2000 }, findings: [{ severity: "error", message: /reject/ }] },
  ],
});
