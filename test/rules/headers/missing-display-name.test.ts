import { ruleTester } from "../../rule-tester.js";
import { missingDisplayName } from "../../../src/rules/headers/missing-display-name.js";

ruleTester(missingDisplayName, {
  valid: [
    "fixtures/missing-display-name/clean-personal-bare-address.eml",
    "fixtures/newsletter.eml",
    { html: "<p>Hello</p>", from: "Harbour Books <news@harbourbooks.com>" },
  ],
  invalid: [
    {
      input: "fixtures/missing-display-name/fires-bare-address.eml",
      findings: [{ evidence: "news@harbourbooks.com", location: { header: "From", line: 6 } }],
    },
    { input: { html: "<p>Hello</p>", from: "news@harbourbooks.com" }, findings: [{ evidence: "news@harbourbooks.com", location: { header: "From" } }] },
  ],
});
