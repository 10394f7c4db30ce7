import { ruleTester } from "../../rule-tester.js";
import { fakeReplySubject } from "../../../src/rules/headers/fake-reply-subject.js";

const eml = (subject: string, extra = "") =>
  `From: "Tom" <tom@example.com>\nTo: marta@example.org\nSubject: ${subject}\n${extra}Date: Mon, 23 Nov 2026 09:00:00 +0000\n\nHello\n`;

ruleTester(fakeReplySubject, {
  valid: [
    "fixtures/fake-reply-subject/clean-real-reply.eml",
    { eml: eml("Fwd: photos from the launch"), name: "a person forwarding is not judged" },
    { eml: eml("RE: budget", "Thread-Index: AcJJ9p29v19nVAypRv25aSssWGeNQA==\n"), name: "Outlook threads by Thread-Index" },
    { eml: eml("Re: [ILUG] Solaris", "List-Post: <mailto:ilug@linux.ie>\n"), name: "discussion lists pass on what members wrote" },
    { eml: eml("Regarding: your order") },
  ],
  invalid: [
    { input: "fixtures/fake-reply-subject/fires-re-campaign.eml", findings: [{ evidence: "RE:", location: { header: "Subject", line: 8 } }] },
    { input: { eml: eml("AW: Ihre Bestellung") }, findings: [{ evidence: "AW:" }] },
    { input: { eml: eml("=?utf-8?B?0J7RgtCy0LXRgjog0LLQsNGIINC30LDQutCw0Lc=?=") }, findings: [{ evidence: "Ответ:" }] },
    { input: { eml: eml("[Offers] Re[2]: your order") }, findings: [{ evidence: "[Offers] Re[2]:" }] },
    { input: { html: "<p>x</p>", subject: "Fwd: 50% off winter books" }, findings: [{ message: /forwards nothing/ }] },
  ],
});
