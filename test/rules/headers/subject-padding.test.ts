import { ruleTester } from "../../rule-tester.js";
import { subjectPadding } from "../../../src/rules/headers/subject-padding.js";

ruleTester(subjectPadding, {
  valid: [
    // folded over two lines with an indented continuation: unfolding leaves one blank
    "fixtures/subject-padding/clean-folded-subject.eml",
    { html: "<p>x</p>", subject: "Autumn news  –  three new titles" },
    { html: "<p>x</p>", subject: "Trailing blanks from a template    " },
  ],
  invalid: [
    {
      // an RFC 2047 Q-encoded subject whose underscores decode to the padding
      input: "fixtures/subject-padding/fires-hash-buster.eml",
      findings: [{ evidence: "Dépêchez-vous : offre spéciale          [k7x2q]", message: /run of 10 blanks before "\[k7x2q\]"/, location: { header: "Subject", line: 3 } }],
    },
    { input: { html: "<p>x</p>", subject: "Call me\t\t\t\t16540" }, findings: [{ message: /run of 4 blanks before "16540"/ }] },
    { input: { html: "<p>x</p>", subject: "Sale\u3000\u3000\u3000\u3000today" }, findings: 1 },
  ],
});
