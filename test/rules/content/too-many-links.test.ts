import { ruleTester } from "../../rule-tester.js";
import { tooManyLinks } from "../../../src/rules/content/too-many-links.js";

ruleTester(tooManyLinks, {
  valid: ["fixtures/too-many-links/clean-newsletter.html"],
  invalid: [
    {
      input: "fixtures/too-many-links/fires-catalogue.html",
      findings: [{ evidence: "161 links", location: { part: "text/html", line: 156, column: 14 } }],
    },
    { input: "fixtures/too-many-links/clean-newsletter.html", options: { maxLinks: 10 }, findings: [{ evidence: "31 links" }] },
  ],
});
