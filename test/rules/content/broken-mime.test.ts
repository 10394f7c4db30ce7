import { ruleTester } from "../../rule-tester.js";
import { brokenMime } from "../../../src/rules/content/broken-mime.js";

ruleTester(brokenMime, {
  valid: ["fixtures/broken-mime/clean-nested-multipart.eml", { html: "<p>templates have no MIME</p>" }],
  invalid: [
    {
      input: "fixtures/broken-mime/fires-unclosed-multipart.eml",
      findings: [{ evidence: "--alt-7c1e--", location: { part: "message", line: 67 }, message: 'MIME structure problem: Multipart has no closing boundary "--alt-7c1e--".' }],
    },
    { input: { eml: "From: a@example.com\nSubject: x\nContent-Type: multipart/mixed\n\nno boundary at all\n" }, findings: [{ message: /without a boundary parameter/ }] },
  ],
});
