import { ruleTester } from "../../rule-tester.js";
import { missingDate } from "../../../src/rules/headers/missing-date.js";

ruleTester(missingDate, {
  valid: ["fixtures/missing-date/clean-personal.eml", { html: "<p>A template gets its Date from the ESP</p>" }],
  invalid: [{ input: "fixtures/missing-date/fires-no-date.eml", findings: [{ location: { part: "headers" } }] }],
});
