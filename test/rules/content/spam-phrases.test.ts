import { ruleTester } from "../../rule-tester.js";
import { spamPhrases } from "../../../src/rules/content/spam-phrases.js";

ruleTester(spamPhrases, {
  valid: [
    "fixtures/newsletter.eml",
    "fixtures/newsletter-it.eml",
    "fixtures/newsletter-ru.eml",
    "fixtures/spam-phrases/clean-newsletter.eml",
    { html: "<p>Act now: the sale ends tonight.</p>", name: "one phrase alone is not enough" },
    { html: "<p>Please don't react nowhere near the risk-freedom line.</p>", name: "whole words only" },
    { html: "<p>Заработок без вложенийX и гарантированный доходы</p>", name: "Cyrillic word edges" },
    { html: "<p>Hier klicken: das Programm. Klicken Sie hier für die Anmeldung.</p>", name: "two wordings of one phrase count once" },
    { html: "<p>Risk-free trial, or risk free refund.</p>", name: "spelling variants count once" },
  ],
  invalid: [
    {
      input: "fixtures/spam-phrases/fires-en-ru.eml",
      findings: [
        { evidence: "Act now", location: { header: "Subject", line: 3 } },
        { evidence: "earn money fast", location: { header: "Subject", line: 3 } },
        { evidence: "Заработок без вложений", location: { part: "text/plain", line: 3, column: 1 } },
        { evidence: "Только сегодня", location: { part: "text/plain", line: 3, column: 37 } },
        { evidence: "гарантированный доход", location: { part: "text/plain", line: 3, column: 54 } },
        { evidence: "Жмите сюда", location: { part: "text/plain", line: 4, column: 1 } },
      ],
    },
    {
      input: { html: "<p>Clicca qui!</p>\n<p>Offerta   imperdibile, <b>soddisfatti o rimborsati</b>.</p>", subject: "Notizie" },
      findings: [
        { evidence: "Clicca qui", location: { part: "text/html", line: 1, column: 4 } },
        { evidence: "Offerta   imperdibile", location: { part: "text/html", line: 2, column: 4 } },
        { evidence: "soddisfatti o rimborsati" },
      ],
    },
    { input: { html: "<p>100% FREE. Risk free!</p>" }, options: { minPhrases: 2 }, findings: 2 },
    { input: { html: "<p>Act now.</p>" }, options: { minPhrases: 1 }, findings: 1 },
  ],
});
