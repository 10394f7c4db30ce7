import { ruleTester } from "../../rule-tester.js";
import { missingOneClickUnsubscribe } from "../../../src/rules/list-hygiene/missing-one-click-unsubscribe.js";

const eml = (headers: string) => `From: News <news@example.com>\nSubject: News\n${headers}\nOur news.\n`;

ruleTester(missingOneClickUnsubscribe, {
  valid: [
    "fixtures/missing-one-click-unsubscribe/clean-newsletter.eml",
    "fixtures/newsletter-it.eml",
    { eml: eml(""), name: "no List-Unsubscribe at all is the other rule's finding" },
    { eml: eml("List-Unsubscribe: <https://example.com/u>\nList-Unsubscribe-Post: List-Unsubscribe = One-Click\n") },
    {
      eml: eml("List-Unsubscribe: <mailto:fork-request@xent.com?subject=unsubscribe>\nList-Post: <mailto:fork@xent.com>\n"),
      name: "discussion lists are the list server's business",
    },
    { html: "<p>x</p>" },
  ],
  invalid: [
    {
      input: "fixtures/missing-one-click-unsubscribe/fires-mailto-only.eml",
      findings: [{ evidence: "<mailto:unsubscribe@harbourbooks.com?subject=unsubscribe-8f3a2c>", location: { header: "List-Unsubscribe", line: 12 } }],
    },
    {
      input: "fixtures/missing-one-click-unsubscribe/fires-no-post-header.eml",
      findings: [{ message: /no List-Unsubscribe-Post/, location: { header: "List-Unsubscribe", line: 12 } }],
    },
    { input: { eml: eml("List-Unsubscribe: <http://example.com/u>\n") }, findings: [{ message: /no https URL/ }] },
    {
      input: { eml: eml("List-Unsubscribe: <https://example.com/u>\nList-Unsubscribe-Post: One-Click\n") },
      findings: [{ evidence: "One-Click", location: { header: "List-Unsubscribe-Post", line: 4 } }],
    },
  ],
});
