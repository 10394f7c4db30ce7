import { ruleTester } from "../../rule-tester.js";
import { missingTextPart } from "../../../src/rules/content/missing-text-part.js";

ruleTester(missingTextPart, {
  valid: [
    "fixtures/missing-text-part/clean-alternative.eml",
    { html: "<p>A template: the ESP generates the text part.</p>" },
    { eml: "From: a@example.com\nSubject: plain\nContent-Type: text/plain\n\nJust text.\n" },
  ],
  invalid: [
    {
      input: "fixtures/missing-text-part/fires-html-only.eml",
      findings: [{ evidence: 'text/html; charset="iso-8859-1"', location: { header: "Content-Type", line: 10 }, message: "The message has an HTML part but no text/plain alternative." }],
    },
    { input: "fixtures/missing-text-part/fires-empty-text-part.eml", findings: [{ location: { part: "text/plain" }, message: /empty/ }] },
    {
      // an attached .txt file is not an alternative
      input: {
        eml: 'From: a@example.com\nSubject: x\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/html\n\n<p>Hello</p>\n--b\nContent-Type: text/plain\nContent-Disposition: attachment; filename="notes.txt"\n\nnotes\n--b--\n',
      },
      findings: 1,
    },
  ],
});
