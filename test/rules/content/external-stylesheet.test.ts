import { ruleTester } from "../../rule-tester.js";
import { externalStylesheet } from "../../../src/rules/content/external-stylesheet.js";

ruleTester(externalStylesheet, {
  valid: [
    "fixtures/external-stylesheet/clean-web-fonts.eml",
    { html: "<style>p { color: red }</style><link rel=\"icon\" href=\"/favicon.ico\">" },
    { html: '<link rel="stylesheet" href="https://use.typekit.net/abc1234.css">' },
  ],
  invalid: [
    {
      input: "fixtures/external-stylesheet/fires-link-and-import.eml",
      findings: [
        { evidence: "https://harbourbooks.example/css/email.css", location: { part: "text/html", line: 6, column: 30 } },
        { evidence: "https://cdn.harbourbooks.example/theme.css", location: { part: "text/html", line: 8, column: 14 } },
      ],
    },
    { input: { html: "<style>@import 'theme.css';</style>" }, findings: [{ evidence: "theme.css" }] },
  ],
});
