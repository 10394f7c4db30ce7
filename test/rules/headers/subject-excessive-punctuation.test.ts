import { ruleTester } from "../../rule-tester.js";
import { subjectExcessivePunctuation } from "../../../src/rules/headers/subject-excessive-punctuation.js";

ruleTester(subjectExcessivePunctuation, {
  valid: [
    "fixtures/subject-excessive-punctuation/clean-one-pling.eml",
    { html: "<p>x</p>", subject: "Really?! Our prices for 2027" },
    { html: "<p>x</p>", subject: "Save 20% on C# books" },
  ],
  invalid: [
    {
      input: "fixtures/subject-excessive-punctuation/fires-pling-and-dollars.eml",
      findings: [
        { evidence: "!!!", location: { header: "Subject", line: 8 } },
        { evidence: "$$$" },
        { evidence: "📚📚📚📚", message: /4 emoji/ },
      ],
    },
    { input: { html: "<p>x</p>", subject: "¿¿¿Todavía no??? Rebajas" }, findings: [{ evidence: "¿¿¿" }] },
    { input: { html: "<p>x</p>", subject: "Big! Bold! Bargains!" }, findings: [{ message: /3 exclamation marks/ }] },
    { input: { html: "<p>x</p>", subject: "*** Winter sale ***" }, findings: [{ evidence: "***" }] },
  ],
});
