import { ruleTester } from "../../rule-tester.js";
import { linkTextMismatch } from "../../../src/rules/content/link-text-mismatch.js";

ruleTester(linkTextMismatch, {
  valid: [
    // same organisation, ESP click tracking, a redirect whose query names the shown domain, a brand name
    "fixtures/link-text-mismatch/clean-tracked.eml",
    { html: '<a href="https://example.com/">Node.js</a> <a href="https://example.com/">3.99</a> <a href="mailto:a@example.org">a@example.org</a>' },
    { html: '<a href="https://nam12.safelinks.protection.outlook.com/?url=x">www.example.org</a>' },
    { html: '<a href="https://www.example.com/">http://example.com</a>' },
  ],
  invalid: [
    {
      input: "fixtures/link-text-mismatch/fires-paypal.eml",
      findings: [
        {
          evidence: "https://www.paypal.com/signin",
          location: { part: "text/html", line: 5, column: 23 },
          message: 'Link text shows www.paypal.com but the link goes to secure-login.example.net: "https://www.paypal.com/signin" → http://secure-login.example.net/pp/signin',
        },
        { evidence: "paypal.com", location: { part: "text/html", line: 6, column: 41 } },
      ],
    },
    { input: { html: '<a href="http://64.174.94.10/">www.example.com</a>' }, findings: 1 },
    { input: { html: '<a href="https://evil.example.net/?x=1">example.com/login</a>' }, findings: [{ evidence: "example.com/login" }] },
  ],
});
