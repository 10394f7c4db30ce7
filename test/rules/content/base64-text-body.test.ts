import { ruleTester } from "../../rule-tester.js";
import { base64TextBody } from "../../../src/rules/content/base64-text-body.js";

ruleTester(base64TextBody, {
  valid: [
    "fixtures/base64-text-body/clean-koi8r-text.eml",
    { html: "<p>templates have no transfer encoding</p>" },
    { eml: "From: a@example.com\nSubject: x\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\nHello=20world\n" },
  ],
  invalid: [
    {
      input: "fixtures/base64-text-body/fires-base64-ascii.eml",
      findings: [
        { evidence: "Content-Transfer-Encoding: base64", location: { part: "text/plain" } },
        { evidence: "Content-Transfer-Encoding: base64", location: { part: "text/html" } },
      ],
    },
  ],
});
