import { ruleTester } from "../../rule-tester.js";
import { bodyAllCaps } from "../../../src/rules/content/body-all-caps.js";

const sentence = "Our autumn catalogue is out with new walking boots and warm jackets for the season. ";
const shout = "ORDER YOUR FREE SAMPLE TODAY BEFORE THE OFFER ENDS. ";

ruleTester(bodyAllCaps, {
  valid: [
    "fixtures/body-all-caps/clean-acronyms.eml",
    "fixtures/body-all-caps/clean-zh-base64.eml",
    "fixtures/newsletter.eml",
    { name: "a short all-capitals note is under minWords", html: "<p>SALE ENDS TONIGHT AT MIDNIGHT. EVERYTHING MUST GO. DON'T MISS IT.</p>" },
    { name: "two shouted lines in a long body stay under a quarter (18 of 74 words)", html: `<p>${sentence.repeat(4)}</p><p>${shout.repeat(2)}</p>` },
    { name: "a quarter in capitals but under minCapsWords (9 of 23 words)", html: `<p>${sentence}</p><p>${shout}</p>` },
    {
      // SpamAssassin corpus spam-2/00276: Chinese text with Latin acronyms in it (no space between them)
      name: "acronyms inside caseless text are a few words, not the text",
      html: `<p>${"有意识地培养国际MBA学生的领导才能，EMBA课程和IT管理。".repeat(12)}</p><p>${sentence}</p>`,
    },
    { name: "capitals in a style element are not read", html: `<style>P { FONT-FAMILY: ARIAL, HELVETICA, SANS-SERIF; COLOR: BLACK; MARGIN: NONE; PADDING: NONE }</style><p>${sentence.repeat(2)}</p>` },
  ],
  invalid: [
    {
      // multipart/mixed: the HTML and its text alternative are calm, a text/plain part after them shouts
      input: "fixtures/body-all-caps/fires-mixed-footer-part.eml",
      findings: [{ message: /26 of its 40 words/, evidence: "ORDER YOUR FREE SAMPLE TODAY BEFORE THE OFFER ENDS. CALL OUR SALES TEAM NOW AND", location: { part: "text/plain", line: 2 } }],
    },
    {
      // multipart/alternative: the HTML part (windows-1252 QP, accented capitals) is read, not the iso-8859-1 text part
      input: "fixtures/body-all-caps/fires-fr-html.eml",
      findings: [
        {
          message: /^The body shouts: 24 of its 38 words \(63%\) are in capitals\.$/,
          evidence: "GAGNEZ DE L'ARGENT DEPUIS CHEZ VOUS, SANS EXPÉRIENCE NI DIPLÔME ! DES MILLIERS",
          location: { part: "text/html" },
        },
      ],
    },
    {
      // windows-1251 base64: Cyrillic capitals are capitals
      input: "fixtures/body-all-caps/fires-ru-base64.eml",
      findings: [{ evidence: "ЗАРАБОТОК БЕЗ ВЛОЖЕНИЙ И БЕЗ ОПЫТА РАБОТЫ. ВЫ ПОЛУЧАЕТЕ ДЕНЬГИ КАЖДУЮ НЕДЕЛЮ", location: { part: "text/plain" } }],
    },
    { input: { html: `<p>${sentence}</p><p>${shout.repeat(2)}</p>` }, findings: [{ message: /18 of its 32 words \(56%\)/, evidence: "ORDER YOUR FREE SAMPLE TODAY BEFORE THE OFFER ENDS. ORDER YOUR FREE SAMPLE TODAY" }] },
    { input: { html: `<p>${sentence.repeat(4)}</p><p>${shout.repeat(2)}</p>` }, options: { minShare: 0.2 }, findings: 1 },
  ],
});
