import { ruleTester } from "../../rule-tester.js";
import { tooManyLinkDomains } from "../../../src/rules/content/too-many-link-domains.js";

ruleTester(tooManyLinkDomains, {
  valid: ["fixtures/too-many-link-domains/clean-social.html"],
  invalid: [
    {
      input: "fixtures/too-many-link-domains/fires-affiliates.html",
      findings: [{ location: { part: "text/html", line: 21, column: 14 }, message: /^Links go to 19 different domains, more than 15: site1\.com/ }],
    },
    { input: "fixtures/too-many-link-domains/clean-social.html", options: { maxDomains: 3 }, findings: 1 },
  ],
});
