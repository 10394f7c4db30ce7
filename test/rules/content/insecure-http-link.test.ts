import { ruleTester } from "../../rule-tester.js";
import { insecureHttpLink } from "../../../src/rules/content/insecure-http-link.js";

ruleTester(insecureHttpLink, {
  valid: [
    // http images and a text part's http URL are not judged
    "fixtures/insecure-http-link/clean-https.eml",
  ],
  invalid: [
    {
      input: "fixtures/insecure-http-link/fires-http.eml",
      findings: [
        { evidence: "http://www.example.com/news", location: { part: "text/html", line: 5, column: 13 }, message: /^2 links to www\.example\.com use plain http:\/\// },
        { evidence: "http://blog.example.org/", location: { part: "text/html", line: 7, column: 10 } },
      ],
    },
  ],
});
