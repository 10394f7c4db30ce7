import { ruleTester } from "../../rule-tester.js";
import { messageClipped } from "../../../src/rules/content/message-clipped.js";

ruleTester(messageClipped, {
  valid: ["fixtures/message-clipped/clean-newsletter.eml", { html: "<p>small</p>" }],
  invalid: [
    {
      input: "fixtures/message-clipped/fires-catalogue.eml",
      findings: [{ evidence: "127182 bytes", location: { part: "text/html", line: 1 }, message: /124\.2 KB \(127182 bytes as sent, quoted-printable\); Gmail clips HTML over 102 KB/ }],
    },
    { input: { html: `<p>${"x".repeat(2000)}</p>` }, options: { maxBytes: 1024 }, findings: [{ message: /as a UTF-8 file/ }] },
  ],
});
