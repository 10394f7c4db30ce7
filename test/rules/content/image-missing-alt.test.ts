import { ruleTester } from "../../rule-tester.js";
import { imageMissingAlt } from "../../../src/rules/content/image-missing-alt.js";

ruleTester(imageMissingAlt, {
  valid: [
    "fixtures/image-missing-alt/clean-with-alt.eml",
    { html: '<img src="https://example.com/deco.png" alt="">' },
    { html: '<img src="https://t.example.com/open.gif" width="1" height="1"><img src="https://example.com/p.gif" style="display:none">' },
    { html: '<img src="https://example.com/images/spacer.gif" width="30" height="8"><img src="https://example.com/x.png" style="width:1px;height:1px">' },
  ],
  invalid: [
    {
      input: "fixtures/image-missing-alt/fires-product-grid.eml",
      findings: [{ evidence: "https://cdn.harbourbooks.example/covers/the-tide.jpg", location: { part: "text/html", line: 17, column: 48 } }],
    },
    { input: { html: Array.from({ length: 12 }, (_, i) => `<img src="https://example.com/${i}.jpg">`).join("") }, findings: 11 },
  ],
});
