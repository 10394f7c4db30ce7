import { ruleTester } from "../../rule-tester.js";
import { urlShortener } from "../../../src/rules/content/url-shortener.js";

ruleTester(urlShortener, {
  valid: [
    "fixtures/url-shortener/clean-own-domain.eml",
    { html: '<a href="https://example.com/go/bit.ly">a path, not a host</a>' },
    { html: '<a href="https://bit.ly.example.com/x">a subdomain named like one</a>' },
  ],
  invalid: [
    {
      input: "fixtures/url-shortener/fires-bitly.eml",
      findings: [
        { evidence: "https://bit.ly/3xYzAbc", location: { part: "text/html", line: 5, column: 17 }, message: "Link goes through the public URL shortener bit.ly: https://bit.ly/3xYzAbc" },
        { evidence: "https://www.tinyurl.com/y6abc", location: { part: "text/html", line: 5, column: 68 } },
        { evidence: "https://bit.ly/3xYzAbc", location: { part: "text/plain", line: 1, column: 16 } },
      ],
    },
    { input: { html: '<a href="HTTPS://T.CO/abc">x</a>' }, findings: [{ message: /t\.co/ }] },
  ],
});
