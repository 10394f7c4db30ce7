import { ruleTester } from "../../rule-tester.js";
import { textHtmlMismatch } from "../../../src/rules/content/text-html-mismatch.js";

const prose = "Autumn is here and so are the new titles we have been waiting for all year long. Our booksellers picked twelve novels, three cookbooks and a handful of children's books that made us laugh out loud on a rainy afternoon by the harbour.";
const alternative = (text: string, html: string) => ({
  eml: `From: a@example.com\nSubject: x\nContent-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/plain\n\n${text}\n--b\nContent-Type: text/html\n\n${html}\n--b--\n`,
});

ruleTester(textHtmlMismatch, {
  valid: [
    "fixtures/text-html-mismatch/clean-esp-generated.eml",
    alternative(prose.toUpperCase(), `<p>${prose}</p>`),
    alternative("Short note.", "<p>Short note with a few more words in the HTML.</p>"), // too little HTML to judge
    {
      // text and HTML in a multipart/mixed are not alternatives
      eml: `From: a@example.com\nSubject: x\nContent-Type: multipart/mixed; boundary="m"\n\n--m\nContent-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/plain\n\nSee below.\n--b--\n--m\nContent-Type: text/html\nContent-Disposition: attachment; filename="page.html"\n\n<p>${prose}</p>\n--m--\n`,
    },
  ],
  invalid: [
    {
      input: "fixtures/text-html-mismatch/fires-view-online-stub.eml",
      findings: [{ evidence: "This message is in HTML format. If you cannot read it, view it online: https://harbourbooks.example/…", location: { part: "text/plain", line: 1 }, message: /carries only 6% of the HTML part's 70 distinct words/ }],
    },
    {
      input: alternative(`Limited offer on watches, pharmacy, loans and casino credit for every new member who signs up today without any questions asked at all, guaranteed.`, `<p>${prose}</p>`),
      findings: [{ message: /carries only/ }],
    },
  ],
});
