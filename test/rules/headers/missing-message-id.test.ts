import { ruleTester } from "../../rule-tester.js";
import { missingMessageId } from "../../../src/rules/headers/missing-message-id.js";

ruleTester(missingMessageId, {
  valid: ["fixtures/missing-message-id/clean-personal.eml", { html: "<p>A template gets its Message-ID from the ESP</p>" }],
  invalid: [{ input: "fixtures/missing-message-id/fires-no-message-id.eml", findings: [{ location: { part: "headers" } }] }],
});
