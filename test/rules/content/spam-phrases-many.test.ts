import { ruleTester } from "../../rule-tester.js";
import { spamPhrasesMany } from "../../../src/rules/content/spam-phrases-many.js";

ruleTester(spamPhrasesMany, {
  valid: [
    // an honest sale with three phrases ("Order now", "satisfaction guaranteed", "no questions asked"; "free
    // gift" is not listed): spam-phrases fires, this rule waits for a fourth
    "fixtures/spam-phrases-many/clean-three-phrases.eml",
    "fixtures/spam-phrases/clean-newsletter.eml",
    "fixtures/spam-phrases/clean-pharmacy-newsletter.eml",
    "fixtures/newsletter.eml",
    { html: "<p>Act now! ACT NOW! Act now, act now.</p>", name: "one phrase repeated counts once" },
    { html: "<p>Act now, no obligation, order now.</p>", name: "three phrases are not enough" },
  ],
  invalid: [
    {
      // quoted-printable plain text with soft line breaks; one finding, at the first phrase
      input: "fixtures/spam-phrases-many/fires-en-mortgage-qp.eml",
      findings: [
        {
          message:
            '8 distinct spam trigger phrases in one message ("Dear Homeowner", "cut your monthly payments", "Even with bad credit", "lenders compete", "no upfront fees", "no obligation", "approval in minutes", "be removed from our mailing list").',
          evidence: "Dear Homeowner; cut your monthly payments; Even with bad credit; lenders compete; no upfront fees; no obligation; approval in minutes; be removed from our mailing list",
          location: { part: "text/plain", line: 1, column: 1 },
        },
      ],
    },
    {
      // Traditional Chinese in base64 Big5; the first phrase is in the encoded-word Subject
      input: "fixtures/spam-phrases/fires-zh-traditional-base64.eml",
      findings: [{ evidence: "威而鋼; 不好意思打擾; 壯陽; 欲購從速", location: { header: "Subject", line: 3 } }],
    },
    {
      // the rendered HTML counts: "<b>Lose</b> weight while you sleep" is the fifth phrase
      input: "fixtures/spam-phrases/fires-en-split-markup.eml",
      findings: [{ evidence: "Melt away fat; no more dieting; No prescription needed; Don't delay; Lose weight while you sleep" }],
    },
    { input: { html: "<p>Act now, no obligation, order now.</p>" }, options: { minPhrases: 3 }, findings: 1 },
  ],
});
