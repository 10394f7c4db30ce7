import { ruleTester } from "../../rule-tester.js";
import { replyToDomainMismatch } from "../../../src/rules/headers/reply-to-domain-mismatch.js";

ruleTester(replyToDomainMismatch, {
  valid: [
    "fixtures/reply-to-domain-mismatch/clean-subdomain-reply-to.eml",
    {
      eml: 'From: "Tom" <tom@harbourbooks.com>\nReply-To: tom.avery@gmail.com\nTo: marta@example.org\nSubject: Budget\n\nSee attached.\n',
      name: "a person's Reply-To is their business",
    },
  ],
  invalid: [
    {
      input: "fixtures/reply-to-domain-mismatch/fires-freemail-reply-to.eml",
      findings: [{ evidence: "harbourbooks.offers@gmail.com", location: { header: "Reply-To", line: 15 } }],
    },
  ],
});
