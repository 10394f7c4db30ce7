import { ruleTester } from "../../rule-tester.js";
import { spamPhrases } from "../../../src/rules/content/spam-phrases.js";

ruleTester(spamPhrases, {
  valid: [
    "fixtures/newsletter.eml",
    "fixtures/newsletter-it.eml",
    "fixtures/newsletter-ru.eml",
    "fixtures/spam-phrases/clean-newsletter.eml",
    "fixtures/spam-phrases/clean-zh-newsletter.eml",
    // "without a prescription" (over-the-counter remedies) and "life insurance" are honest wording, left out of
    // the list; "free consultation" is one phrase alone
    "fixtures/spam-phrases/clean-pharmacy-newsletter.eml",
    { html: "<p>Act now!</p><p><b>Act</b> now, we said.</p>", name: "a phrase in a text node and split by markup counts once" },
    { html: "<p>名额有限，请提前报名。</p>", name: "one Chinese phrase alone is not enough" },
    { html: "<p>如有打扰，如有打擾。</p>", name: "Simplified and Traditional spellings count once" },
    { html: "<p>Act now: the sale ends tonight.</p>", name: "one phrase alone is not enough" },
    { html: "<p>Please don't react nowhere near; we order nowhere.</p>", name: "whole words only" },
    { html: "<p>Заработок без вложенийX и гарантированный доходы</p>", name: "Cyrillic word edges" },
    { html: "<p>Herzlichen Glückwunsch, Sie haben gewonnen! Ja, Sie haben gewonnen.</p>", name: "two wordings of one phrase count once" },
    { html: "<p>Money-back guarantee; a money back guarantee.</p>", name: "spelling variants count once" },
    { html: "<p>Hier klicken, lowest price, free gift, risk-free trial.</p>", name: "shop wording honest newsletters use is not listed" },
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
    {
      input: "fixtures/spam-phrases/fires-zh-gb2312.eml",
      findings: [
        { evidence: "邮件地址库", location: { header: "Subject", line: 3 } },
        { evidence: "冒昧打扰", location: { part: "text/plain", line: 3, column: 1 } },
        { evidence: "敬请谅解", location: { part: "text/plain", line: 3, column: 6 } },
        { evidence: "潜在客户群", location: { part: "text/plain", line: 4, column: 3 } },
        { evidence: "免费试用", location: { part: "text/plain", line: 4, column: 16 } },
      ],
    },
    {
      input: "fixtures/spam-phrases/fires-zh-big5.eml",
      findings: [
        { evidence: "廣告公司代發", location: { part: "text/html", line: 2, column: 9 } },
        { evidence: "翻身機會", location: { part: "text/html", line: 3, column: 6 } },
        { evidence: "改 變 你 的\n一生", location: { part: "text/html", line: 3, column: 22 } },
        { evidence: "如有打擾", location: { part: "text/html", line: 5, column: 4 } },
        { evidence: "請見諒", location: { part: "text/html", line: 5, column: 8 } },
      ],
    },
    {
      // Traditional Chinese in Big5, base64 body and encoded-word Subject
      input: "fixtures/spam-phrases/fires-zh-traditional-base64.eml",
      findings: [
        { evidence: "威而鋼", location: { header: "Subject", line: 3 } },
        { evidence: "不好意思打擾", location: { part: "text/plain", line: 1, column: 1 } },
        { evidence: "壯陽", location: { part: "text/plain", line: 2, column: 9 } },
        { evidence: "欲購從速", location: { part: "text/plain", line: 2, column: 19 } },
      ],
    },
    {
      // Spanish in a base64 UTF-8 body and an ISO-8859-1 encoded-word Subject; the Subject's phrase is not counted again in the body
      input: "fixtures/spam-phrases/fires-es-base64.eml",
      findings: [
        { evidence: "aunque esté en ASNEF", location: { header: "Subject", line: 3 } },
        { evidence: "ingresos extra", location: { part: "text/plain", line: 2, column: 13 } },
        { evidence: "gane dinero desde casa", message: /one of 3 in this message/, location: { part: "text/plain", line: 2, column: 29 } },
      ],
    },
    {
      // quoted-printable HTML: "<b>Lose</b> weight while you sleep" is read in the rendered text, which has no line
      input: "fixtures/spam-phrases/fires-en-split-markup.eml",
      findings: [
        { evidence: "Melt away fat", location: { header: "Subject", line: 3 } },
        { evidence: "no more dieting", location: { header: "Subject", line: 3 } },
        { evidence: "No prescription needed", location: { part: "text/html", line: 4, column: 4 } },
        { evidence: "Don't delay", location: { part: "text/html", line: 5, column: 4 } },
        { evidence: "Lose weight while you sleep", message: 'Spam trigger phrase "Lose weight while you sleep" (one of 5 in this message).', location: { part: "text/html" } },
      ],
    },
    {
      input: { html: "<p><b>Act</b> now and <font color=red>get rich</font> quick!</p>" },
      findings: [
        { evidence: "get rich", location: { part: "text/html", line: 1, column: 39 } },
        { evidence: "Act now", location: { part: "text/html" } },
      ],
    },
    {
      input: "fixtures/spam-phrases/fires-ko-euc-kr.eml",
      findings: [
        { evidence: "이메일 리스트 판매", location: { header: "Subject", line: 3 } },
        { evidence: "웹서핑 중 알게", location: { part: "text/plain", line: 1, column: 19 } },
        { evidence: "사전 동의 없이", location: { part: "text/plain", line: 2, column: 1 } },
        { evidence: "이멜리스트", location: { part: "text/plain", line: 3, column: 1 } },
        { evidence: "한번만 발송", location: { part: "text/plain", line: 5, column: 7 } },
        { evidence: "수신거부가 필요없", location: { part: "text/plain", line: 5, column: 17 } },
      ],
    },
    {
      // an offer named only in the Subject (RFC 2047 encoded word): the findings point at the header
      input: "fixtures/spam-phrases/fires-subject-offer.eml",
      findings: [
        { evidence: "Penis Enlargement", location: { header: "Subject", line: 3 } },
        { evidence: "100% Guarantee", location: { header: "Subject", line: 3 } },
        { evidence: "Or Money Back", location: { header: "Subject", line: 3 } },
      ],
    },
    {
      input: { html: "<p>To be removed from our mailing list, write to us. We don't want anyone to receive our mailings who does not wish to.</p>" },
      findings: [{ evidence: "be removed from our mailing list" }, { evidence: "don't want anyone to receive" }],
    },
    { input: { html: "<p>100% FREE. No obligation!</p>" }, options: { minPhrases: 2 }, findings: 2 },
    { input: { html: "<p>Act now.</p>" }, options: { minPhrases: 1 }, findings: 1 },
  ],
});
