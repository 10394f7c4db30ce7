import { ruleTester } from "../../rule-tester.js";
import { userinfoLink } from "../../../src/rules/content/userinfo-link.js";

ruleTester(userinfoLink, {
  valid: ["fixtures/userinfo-link/clean-ftp.eml"],
  invalid: [
    {
      input: "fixtures/userinfo-link/fires-bank.eml",
      findings: [
        { evidence: "http://www.bank.example.com@login.example.net/secure", location: { part: "text/html", line: 5, column: 13 }, message: /goes to login\.example\.net/ },
        { location: { part: "text/plain", line: 1, column: 10 } },
      ],
    },
    { input: { html: '<a href="https://paypal.com:secure@evil.example.net/">x</a>' }, findings: 1 },
  ],
});
