import { ruleTester } from "../../rule-tester.js";
import { freemailReplyTo } from "../../../src/rules/headers/freemail-reply-to.js";

ruleTester(freemailReplyTo, {
  valid: [
    "fixtures/freemail-reply-to/clean-help-desk.eml",
    { name: "Reply-To is the From address", eml: "From: Ann <ann@gmail.com>\nReply-To: ANN@gmail.com\nTo: b@example.org\nSubject: x\n\nHi\n" },
    { name: "a list host under a provider's domain", eml: "From: a@example.com\nReply-To: talk@groups.msn.com\nTo: b@example.org\nSubject: x\n\nHi\n" },
  ],
  invalid: [
    {
      // base64 UTF-8 encoded-word subject, QP body
      input: "fixtures/freemail-reply-to/fires-yahoo-reply-to.eml",
      findings: [{ evidence: "okafor.private@yahoo.com", message: /not to the sender j\.okafor@ministry-finance\.example/, location: { header: "Reply-To", line: 2 } }],
    },
    {
      input: { eml: "From: Ann <ann@gmail.com>\nReply-To: payments.desk@hotmail.com\nTo: b@example.org\nSubject: x\n\nHi\n" },
      findings: [{ evidence: "payments.desk@hotmail.com" }],
    },
  ],
});
