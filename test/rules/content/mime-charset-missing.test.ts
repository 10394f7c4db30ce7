import { ruleTester } from "../../rule-tester.js";
import { mimeCharsetMissing } from "../../../src/rules/content/mime-charset-missing.js";

ruleTester(mimeCharsetMissing, {
  valid: [
    "fixtures/mime-charset-missing/clean-declared-latin1.eml",
    { eml: "From: a@example.com\nSubject: x\nContent-Type: text/plain\n\nplain ASCII needs no charset\n" },
    { eml: 'From: a@example.com\nSubject: x\nContent-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n<meta charset=3D"utf-8"><p>caf=C3=A9</p>\n' },
    { html: "<p>café — templates are read as UTF-8</p>" },
  ],
  invalid: [
    {
      input: "fixtures/mime-charset-missing/fires-undeclared-latin1.eml",
      findings: [{ location: { part: "text/plain", line: 1, column: 13 }, message: /non-ASCII text \("nouveaut.s"\)/ }],
    },
    {
      // declaring US-ASCII over 8-bit text is declaring nothing (SpamAssassin corpus spam-2/00239)
      input: { eml: "From: a@example.com\nSubject: x\nContent-Type: text/plain; charset=US-ASCII\nContent-Transfer-Encoding: 8bit\n\nLes nouveaut\u00e9s\n" },
      findings: [{ message: /declares charset=us-ascii\./ }],
    },
  ],
});
