import { ruleTester } from "../../rule-tester.js";
import { mimeCharsetMissing } from "../../../src/rules/content/mime-charset-missing.js";

ruleTester(mimeCharsetMissing, {
  valid: [
    "fixtures/mime-charset-missing/clean-declared-latin1.eml",
    { eml: "From: a@example.com\nSubject: x\nContent-Type: text/plain\n\nplain ASCII needs no charset\n" },
    { eml: 'From: a@example.com\nSubject: x\nContent-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n<meta charset=3D"utf-8"><p>caf=C3=A9</p>\n' },
    { html: "<p>café — templates are read as UTF-8</p>" },
    "fixtures/charsets/clean-gb2312-declared-base64.eml",
    "fixtures/charsets/clean-koi8-r-declared-8bit.eml",
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
    {
      // Big5 with no charset: the parser read it as Big5, and the finding says so
      input: "fixtures/charsets/big5-undeclared-qp.eml",
      findings: [{ location: { part: "text/plain", line: 1, column: 1 }, message: /non-ASCII text \("本店週年慶，.*declares no charset; its bytes read as big5\./ }],
    },
    {
      // GBK labelled ISO-8859-1 (SpamAssassin corpus spam-2/01104): Latin-1 would show it as mojibake
      input: "fixtures/charsets/gbk-labelled-latin1-base64.eml",
      findings: [{ location: { part: "text/plain", line: 1 }, evidence: "charset=iso-8859-1", message: /declares charset=iso-8859-1, but its bytes are not text in that charset: they read as gb18030\./ }],
    },
    {
      // a charset name no decoder knows (spam-2/00395 declares "default_charset")
      input: "fixtures/charsets/euc-kr-unknown-label-qp.eml",
      findings: [{ message: /declares charset=default_charset, .* read as euc-kr\./ }],
    },
  ],
});
