import { ruleTester } from "../../rule-tester.js";
import { unsubscribeLinkPosition } from "../../../src/rules/list-hygiene/unsubscribe-link-position.js";

const filler = "<p>" + "Our booksellers read the new arrivals and write a note on each one. ".repeat(60) + "</p>";
const unsubscribe = '<a href="https://example.com/unsubscribe">Unsubscribe</a>';

ruleTester(unsubscribeLinkPosition, {
  valid: [
    "fixtures/newsletter.eml",
    "fixtures/unsubscribe-link-position/clean-top-and-footer.eml",
    { html: `<body>${filler}<p>${unsubscribe}</p></body>`, name: "footer only is the convention" },
    { html: `<body><p>${unsubscribe}</p><p>Short note.</p></body>`, name: "too short to have a top and a bottom" },
  ],
  invalid: [
    {
      input: "fixtures/unsubscribe-link-position/fires-top-only.eml",
      findings: [{ evidence: "https://harbourbooks.com/unsubscribe?u=8f3a2c", location: { part: "text/html", line: 13, column: 135 } }],
    },
    {
      input: { html: `<body>${"<p>" + "x".repeat(110 * 1024) + "</p>"}<p>${unsubscribe}</p></body>`, name: "past Gmail's clip point" },
      findings: [{ severity: "warning", message: /102 KB/ }],
    },
  ],
});
