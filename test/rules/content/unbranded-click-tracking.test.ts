import { ruleTester } from "../../rule-tester.js";
import { unbrandedClickTracking } from "../../../src/rules/content/unbranded-click-tracking.js";

ruleTester(unbrandedClickTracking, {
  valid: ["fixtures/unbranded-click-tracking/clean-branded.eml"],
  invalid: [
    {
      // one finding per tracking domain, not per link
      input: "fixtures/unbranded-click-tracking/fires-mailchimp.eml",
      findings: [
        { evidence: "https://example.us4.list-manage.com/track/click?u=abc&id=1", location: { part: "text/html", line: 5, column: 13 }, message: /list-manage\.com/ },
        { evidence: "https://u123.ct.sendgrid.net/ls/click?upn=xyz", location: { part: "text/html", line: 7, column: 12 } },
      ],
    },
  ],
});
