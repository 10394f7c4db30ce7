import { ruleTester } from "../../rule-tester.js";
import { notSpamClaim } from "../../../src/rules/content/not-spam-claim.js";

ruleTester(notSpamClaim, {
  valid: [
    "fixtures/not-spam-claim/clean-permission-reminder.eml",
    "fixtures/newsletter.eml",
    { html: "<p>Our filter caught your message as spam; we fixed it.</p>" },
    {
      name: "a discussion-list post about a filter",
      eml: "From: a@example.com\nTo: razor-users@lists.example.net\nList-Post: <mailto:razor-users@lists.example.net>\nSubject: Re: false positive\n\nRazor flagged it, but this is NOT\n spam: it is our own newsletter.\n",
    },
  ],
  invalid: [
    {
      // multipart/alternative: the HTML (iso-8859-1 QP, &nbsp; inside "S. 1618") is read before the text part
      input: "fixtures/not-spam-claim/fires-s1618.eml",
      findings: [{ evidence: "sent in compliance with", location: { part: "text/html" } }],
    },
    {
      input: "fixtures/not-spam-claim/fires-de-kein-spam.eml",
      findings: [{ evidence: "Diese E-Mail ist kein Spam", location: { part: "text/plain", line: 5, column: 1 } }],
    },
    { input: { html: "<p>Bill S.1618 Title III</p>" }, findings: [{ evidence: "Bill S.1618" }] },
    { input: { html: "<p>Это письмо не является спамом.</p>" }, findings: [{ evidence: "Это письмо не является спамом" }] },
  ],
});
