import { ruleTester } from "../../rule-tester.js";
import { qpLongLine } from "../../../src/rules/content/qp-long-line.js";

const LONG = "a".repeat(70) + "=3D" + "b".repeat(30); // 103 characters as sent

ruleTester(qpLongLine, {
  valid: [
    // the same HTML with soft line breaks every 76 characters at most
    "fixtures/qp-long-line/clean-soft-line-breaks.eml",
    "fixtures/newsletter.eml",
    { html: `<p>${"templates have no transfer encoding ".repeat(5)}</p>` },
    // a long line in a 7bit or 8bit part is not quoted-printable's business (RFC 5322 allows 998)
    { name: "long 7bit line", eml: `From: a@example.com\nSubject: x\nMIME-Version: 1.0\nContent-Type: text/plain\n\n${"word ".repeat(40)}\n` },
    // exactly 76 characters, CR not counted
    { name: "76-character QP line", eml: `From: a@example.com\nSubject: x\nMIME-Version: 1.0\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n${"c".repeat(73)}=3D\n` },
  ],
  invalid: [
    {
      input: "fixtures/qp-long-line/fires-unwrapped-html.eml",
      findings: [
        {
          evidence: "195 characters",
          location: { part: "message", line: 22, column: 77 },
          message: "The quoted-printable text/html part (MIME part 2) has an encoded line of 195 characters; RFC 2045 limits quoted-printable lines to 76.",
        },
      ],
    },
    {
      // a single-part message (decoded without MailParser's stream): the same scan measures it
      input: { eml: `From: a@example.com\nSubject: x\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nshort line\n${LONG}\n${LONG}b=\n` },
      findings: [
        {
          evidence: "105 characters",
          location: { part: "message", line: 8, column: 77 },
          message: "The quoted-printable text/plain part has 2 encoded lines longer than 76 characters (the longest 105); RFC 2045 limits quoted-printable lines to 76.",
        },
      ],
    },
  ],
});
