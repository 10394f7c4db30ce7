import { ruleTester } from "../../rule-tester.js";
import { unencodedHeader } from "../../../src/rules/headers/unencoded-header.js";

ruleTester(unencodedHeader, {
  valid: [
    // the same GB2312 Subject in an RFC 2047 encoded word, and an encoded display name
    "fixtures/unencoded-header/clean-encoded-word-subject.eml",
    "fixtures/newsletter.eml",
    { name: "UTF-8 header text (RFC 6532)", eml: "From: Zoë <z@example.com>\nSubject: Café\nContent-Type: text/plain; charset=utf-8\n\nCafé\n" },
    // a UTF-8 From (RFC 6532), and a raw Latin-1 byte in X-Mailer, which no reader sees
    "fixtures/unencoded-header/clean-utf8-from-raw-x-mailer.eml",
  ],
  invalid: [
    {
      // SpamAssassin corpus spam-2/00853 and others: the Subject in the body's charset, unencoded
      input: "fixtures/unencoded-header/fires-raw-gb2312-subject.eml",
      findings: [{ location: { header: "Subject", line: 3 }, evidence: "本周特价：墨盒一律八折", message: /^The Subject header has 8-bit text \("本周特价：墨盒一律八折"\) that is neither UTF-8 nor an RFC 2047 encoded word; read as gb2312\.$/ }],
    },
    {
      // an ASCII body gives no charset: the Subject's own bytes are guessed (EUC-KR)
      input: "fixtures/unencoded-header/fires-raw-euc-kr-subject-ascii-body.eml",
      findings: [{ location: { header: "Subject" }, message: /read as euc-kr\.$/ }],
    },
    {
      // a Latin-1 display name, raw (SpamAssassin corpus easy-ham-2/01131 has one)
      input: "fixtures/unencoded-header/fires-raw-latin1-from.eml",
      findings: [{ location: { header: "From", line: 1 }, evidence: "Renée" }],
    },
  ],
});
