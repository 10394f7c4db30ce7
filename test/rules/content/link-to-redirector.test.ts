import { ruleTester } from "../../rule-tester.js";
import { linkToRedirector } from "../../../src/rules/content/link-to-redirector.js";

ruleTester(linkToRedirector, {
  valid: ["fixtures/link-to-redirector/clean-direct.eml"],
  invalid: [
    {
      input: "fixtures/link-to-redirector/fires-google.eml",
      findings: [
        { evidence: "https://www.google.com/url?q=https://example.net/offer&sa=D", location: { part: "text/html", line: 5, column: 13 }, message: /to https:\/\/example\.net\/offer/ },
        { evidence: "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.net%2Fwin", location: { part: "text/html", line: 6, column: 12 } },
        { location: { part: "text/plain", line: 1, column: 12 } },
      ],
    },
  ],
});
