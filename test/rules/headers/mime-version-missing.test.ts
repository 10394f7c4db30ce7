import { ruleTester } from "../../rule-tester.js";
import { mimeVersionMissing } from "../../../src/rules/headers/mime-version-missing.js";

ruleTester(mimeVersionMissing, {
  valid: [
    // "MIME-Version: 1.0" with a comment after it, as some mailers write it
    "fixtures/mime-version-missing/clean-mime-version-1-0.eml",
    "fixtures/newsletter.eml",
    // a plain RFC 5322 message with no MIME field at all needs no MIME-Version
    { name: "no MIME fields", eml: "From: a@example.com\nSubject: x\nDate: Fri, 07 Nov 2025 17:02:00 +0100\n\nplain text\n" },
    // templates get their header from the ESP
    { html: "<p>templates have no header block</p>" },
    // body parts need no MIME-Version of their own
    {
      name: "MIME-Version only in the message header",
      eml: 'From: a@example.com\nSubject: x\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nhi\n--b--\n',
    },
  ],
  invalid: [
    {
      input: "fixtures/mime-version-missing/fires-html-without-mime-version.eml",
      findings: [
        {
          evidence: 'Content-Type: text/html; charset="iso-8859-1"',
          location: { header: "Content-Type", line: 6 },
          message: "The message has a Content-Type header but no MIME-Version header, so a reader may ignore its MIME structure.",
        },
      ],
    },
    {
      input: { name: "Content-Transfer-Encoding alone", eml: "From: a@example.com\nSubject: x\nContent-Transfer-Encoding: quoted-printable\n\nCaf=E9\n" },
      findings: [{ evidence: "Content-Transfer-Encoding: quoted-printable", location: { header: "Content-Transfer-Encoding", line: 3 } }],
    },
  ],
});
