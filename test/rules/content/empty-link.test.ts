import { ruleTester } from "../../rule-tester.js";
import { emptyLink } from "../../../src/rules/content/empty-link.js";

ruleTester(emptyLink, {
  valid: ["fixtures/empty-link/clean-anchors.eml", { html: "<a></a><a href='#top'>Top</a>" }],
  invalid: [
    {
      input: "fixtures/empty-link/fires-unfilled.eml",
      findings: [
        { evidence: '<a href="#">', location: { part: "text/html", line: 5, column: 13 } },
        { evidence: '<a href="">', location: { part: "text/html", line: 6, column: 13 } },
        { evidence: '<a href="https://">', location: { part: "text/html", line: 6, column: 40 } },
        { evidence: '<a class="button">', location: { part: "text/html", line: 6, column: 65 }, message: 'Link has no href, so it goes nowhere: <a class="button">' },
      ],
    },
    { input: { html: '<a href="  ">x</a><a><img src="https://example.com/b.png" alt="Buy"></a>' }, findings: 2 },
  ],
});
