import { ruleTester } from "../../rule-tester.js";
import { noreplySender } from "../../../src/rules/headers/noreply-sender.js";

const eml = (from: string, replyTo?: string) =>
  `From: ${from}\n${replyTo ? `Reply-To: ${replyTo}\n` : ""}To: reader@example.org\nSubject: Your order has shipped\nDate: Mon, 23 Nov 2026 09:00:00 +0000\nMessage-ID: <n1@example.com>\n\nIt is on its way.\n`;

ruleTester(noreplySender, {
  valid: [
    "fixtures/noreply-sender/clean-newsletter.eml",
    { eml: eml("Ops <noreplyneeded@example.com>"), name: "noreply inside one token is not a no-reply form" },
    { eml: eml("Ops <replies@example.com>") },
  ],
  invalid: [
    {
      input: "fixtures/noreply-sender/fires-noreply-from.eml",
      findings: [{ evidence: "no-reply@harbourbooks.com", location: { header: "From", line: 6 }, severity: "warning" }],
    },
    { input: { eml: eml("Shop <do_not_reply@example.com>") }, findings: [{ evidence: "do_not_reply@example.com" }] },
    { input: { eml: eml("Shop <noreply-billing@example.com>") }, findings: [{ evidence: "noreply-billing@example.com" }] },
    { input: { eml: eml("Boutique <ne.pas.repondre@example.fr>") }, findings: [{ evidence: "ne.pas.repondre@example.fr" }] },
    { input: { eml: eml("Negozio <non-rispondere2@example.it>") }, findings: [{ evidence: "non-rispondere2@example.it" }] },
    {
      input: { eml: eml("Shop <noreply@example.com>", "Help <help@example.com>"), name: "a working Reply-To makes it info" },
      findings: [{ evidence: "noreply@example.com", severity: "info", message: /replies go to the Reply-To/ }],
    },
    {
      input: { eml: eml("Shop <shop@example.com>", "DoNotReply@example.com") },
      findings: [{ evidence: "DoNotReply@example.com", location: { header: "Reply-To", line: 2 } }],
    },
  ],
});
