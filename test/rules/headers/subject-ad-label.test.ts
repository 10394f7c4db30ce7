import { ruleTester } from "../../rule-tester.js";
import { subjectAdLabel } from "../../../src/rules/headers/subject-ad-label.js";

ruleTester(subjectAdLabel, {
  valid: [
    "fixtures/subject-ad-label/clean-advent.eml",
    { html: "<p>x</p>", subject: "Advertising week: what we learnt" },
    { html: "<p>x</p>", subject: "Our new ads are out" },
    { html: "<p>x</p>", subject: "(광고) 겨울 세일" },
  ],
  invalid: [
    {
      // Q-encoded "ADV:" (the colon as =3A)
      input: "fixtures/subject-ad-label/fires-adv.eml",
      findings: [{ evidence: "ADV", location: { header: "Subject", line: 3 } }],
    },
    { input: { html: "<p>x</p>", subject: "[ILUG] adv: Put your resume back to work" }, findings: [{ evidence: "adv" }] },
    { input: { html: "<p>x</p>", subject: "*ADVERT* Cheap printer ink" }, findings: [{ evidence: "ADVERT" }] },
  ],
});
