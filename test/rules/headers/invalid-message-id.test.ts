import { ruleTester } from "../../rule-tester.js";
import { invalidMessageId } from "../../../src/rules/headers/invalid-message-id.js";

const eml = (id: string) => `From: a@example.com\nMessage-ID: ${id}\nSubject: Hi\n\nHello\n`;

ruleTester(invalidMessageId, {
  valid: [
    "fixtures/invalid-message-id/clean-newsletter.eml",
    { eml: eml("<CAF=x+q_9@mail.gmail.com>") },
    { eml: eml("<1234@[192.0.2.7]>") },
    { eml: eml('<"odd id"@example.com> (obsolete quoted left part)') },
  ],
  invalid: [
    {
      input: "fixtures/invalid-message-id/fires-no-domain.eml",
      findings: [{ evidence: "<20261123090000.4f2a9c>", location: { header: "Message-ID", line: 10 } }],
    },
    { input: { eml: eml("1234@example.com") }, findings: [{ evidence: "1234@example.com" }] },
    { input: { eml: eml("<.starts.with.dot@example.com>") }, findings: 1 },
    { input: { eml: eml("<a@b@example.com>") }, findings: 1 },
  ],
});
