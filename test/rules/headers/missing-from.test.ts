import { ruleTester } from "../../rule-tester.js";
import { missingFrom } from "../../../src/rules/headers/missing-from.js";

ruleTester(missingFrom, {
  valid: ["fixtures/missing-from/clean-newsletter.eml", { html: "<p>Hello</p>" }],
  invalid: [
    { input: "fixtures/missing-from/fires-no-from.eml", findings: [{ message: /no From header/, location: { part: "headers" } }] },
    { input: { eml: "To: reader@example.org\nSubject: Hi\n\nHello\n" }, findings: 1 },
  ],
});
