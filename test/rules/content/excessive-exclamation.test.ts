import { ruleTester } from "../../rule-tester.js";
import { excessiveExclamation } from "../../../src/rules/content/excessive-exclamation.js";

const sentences = (exclaimed: number, plain: number) =>
  `<p>${Array.from({ length: exclaimed }, (_, i) => `Offer ${i} is here!`).join(" ")} ${Array.from({ length: plain }, (_, i) => `Note ${i} is plain.`).join(" ")}</p>`;

ruleTester(excessiveExclamation, {
  valid: [
    "fixtures/excessive-exclamation/clean-one-exclamation.eml",
    "fixtures/newsletter.eml",
    { html: "<p>Wow!!! That was a night. Thanks to all who came.</p>", name: "one run" },
    { html: sentences(9, 1), name: "nine exclamatory sentences: too few to judge" },
    { html: sentences(10, 31), name: "ten of 41 sentences (24%)" },
    { html: "<p>x != y and a!==b in code!= is not shouting.</p>" },
    { input: { html: "<p>Wow!!! Great!!!!</p>", name: "two runs under minRuns 3" }, options: { minRuns: 3 } },
    {
      name: "a reply on a discussion list",
      eml: "From: a@example.org\nTo: talk@lists.example.net\nList-Post: <mailto:talk@lists.example.net>\nIn-Reply-To: <1@example.org>\nSubject: Re: hard links\n\nIt deletes the data for each name of a hard link. ARRGGGHHHH!!!!! Fixed now!!!\n",
    },
  ],
  invalid: [
    {
      // multipart/mixed: the runs are in a text/plain part after the HTML (not its alternative)
      input: "fixtures/excessive-exclamation/fires-mixed-footer-part.eml",
      findings: [{ message: /3 runs of "!!!"/, evidence: "Act now!!!", location: { part: "text/plain", line: 2 } }],
    },
    {
      // base64 UTF-8 HTML, French spacing before "!"
      input: "fixtures/excessive-exclamation/fires-runs.eml",
      findings: [{ message: /2 runs of "!!!"/, evidence: "Incroyable !!!", location: { part: "text/html" } }],
    },
    { input: { html: sentences(10, 30) }, findings: [{ message: /10 of its 40 sentences end in "!" \(25%\)/, evidence: "Offer 0 is here!" }] },
  ],
});
