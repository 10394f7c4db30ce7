import { ruleTester } from "../../rule-tester.js";
import { hugeFont } from "../../../src/rules/content/huge-font.js";

ruleTester(hugeFont, {
  valid: [
    // a 36px headline of ten letters over body text at 16px
    "fixtures/huge-font/clean-headline.eml",
    "fixtures/newsletter.eml",
    { html: '<font size="5">A large but not huge line of text, well past forty letters long.</font>', name: "size 5 is 24px" },
    { html: '<p style="font-size:40px">SALE</p><p style="font-size:48px">NOW ON</p>', name: "a headline of a few words" },
    { html: '<div style="font-size:2em"><p style="font-size:12px">Small print inside a big block, long enough to count if it were big.</p></div>' },
    { input: { html: '<p style="font-size:40px">Forty pixels, but fewer letters than the option asks.</p>' }, options: { minLetters: 100 } },
  ],
  invalid: [
    {
      // quoted-printable; <font size="+4"> is size 7 (48px); the <br> inside keeps one element's text together
      input: "fixtures/huge-font/fires-font-size-qp.eml",
      findings: [{ evidence: "MAKE $5,000 A WEEK FROM HOME! NO EXPERIENCE NEEDED, START TODAY!", location: { part: "text/html", line: 2, column: 4 } }],
    },
    {
      // base64 UTF-8; 2.5em of the cell's 16px is 40px
      input: "fixtures/huge-font/fires-css-em-base64.eml",
      findings: [{ evidence: "Dernière chance : -70 % sur toute la boutique, seulement aujourd'hui !", location: { part: "text/html", line: 4, column: 1 } }],
    },
    { input: { html: '<font size="7">Earn money from home with no experience at all, start today</font>' }, findings: [{ evidence: "Earn money from home with no experience at all, start today" }] },
    { input: { html: '<span style="font-size:xx-large">Lowest mortgage rates in thirty years</span> <b style="font-size:30pt">apply now</b>' }, findings: 1 },
  ],
});
