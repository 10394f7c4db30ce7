import { ruleTester } from "../../rule-tester.js";
import { limitExceeded } from "../../../src/rules/content/limit-exceeded.js";

ruleTester(limitExceeded, {
  valid: ["fixtures/limit-exceeded/clean-newsletter.eml", { html: "<p>A short template</p>" }],
  invalid: [
    {
      input: "fixtures/limit-exceeded/fires-mime-depth.eml",
      findings: [
        {
          evidence: "maxMimeDepth",
          location: { part: "message", line: 88 },
          message: "MIME nesting deeper than 20 levels; deeper parts not analysed (limit maxMimeDepth).",
        },
      ],
    },
  ],
});
