import { ruleTester } from "../../rule-tester.js";
import { missingPostalAddress } from "../../../src/rules/list-hygiene/missing-postal-address.js";

const footer = (address: string) => ({ html: `<p>Our winter books are here.</p><p>${address}</p>`, name: address });

ruleTester(missingPostalAddress, {
  valid: [
    "fixtures/newsletter.eml",
    "fixtures/newsletter-it.eml",
    "fixtures/newsletter-ru.eml",
    "fixtures/missing-postal-address/clean-po-box.eml",
    // the address is in a text/plain part after the HTML (multipart/mixed), which clients show too
    "fixtures/missing-postal-address/clean-address-in-footer-part.eml",
    "fixtures/missing-unsubscribe-link/clean-personal.eml",
    { name: "a plain-text note to one person", eml: "From: Ann <ann@example.org>\nTo: bob@example.org\nSubject: Saturday\n\nShall we meet at the station at ten?\n" },
    footer("Acme Inc., 1600 Amphitheatre Parkway, Mountain View, CA 94043"),
    footer("Acme GmbH · Hauptstraße 5 · Berlin"),
    footer("Acme GmbH, Postfach 10 20 30, Berlin"),
    footer("Acme B.V., 1012 AB Amsterdam"),
    footer("Acme SL, Calle Mayor, 5, Madrid"),
    footer("Acme SARL, 10 rue de Rivoli, Paris"),
    footer("Acme Lda, 1100-148 Lisboa"),
    footer("Acme SA, Carrer de Balmes 12, Barcelona"),
    footer("Acme Sp. z o.o., ul. Marszałkowska 10, 00-590 Warszawa"),
    footer("ООО «Акме», а/я 15, Москва"),
    footer("Acme AG, Bahnhofplatz 1, 8001 Zürich"),
    // Chinese, Japanese and Korean: rules/postal-address.json addressPatterns
    "fixtures/missing-postal-address/clean-zh-address.eml",
    "fixtures/missing-postal-address/clean-ja-address.eml",
    "fixtures/missing-postal-address/clean-ko-address.eml",
    footer("星河有限公司 北京市朝阳区建国路88号"),
    footer("星河有限公司 台北市信義區信義路五段7號"),
    footer("星河有限公司 郵遞區號 110"),
    footer("ほしぞら商店 〒530-0001"),
    footer("ほしぞら商店 京都府京都市下京区四条通3番地"),
    footer("ほしぞら商店 大阪市北区梅田3-1-1"),
    footer("별빛상사 서울 중구 세종대로 110"),
    footer("별빛상사 역삼동 123-45번지"),
    footer("별빛상사 (우) 06236"),
  ],
  invalid: [
    {
      // the removal instructions are in a text/plain part after the HTML: they still make it list mail
      input: "fixtures/missing-postal-address/fires-opt-out-in-footer-part.eml",
      findings: [{ location: { part: "text/html" } }],
    },
    { input: "fixtures/missing-postal-address/fires-no-address.eml", findings: [{ location: { part: "text/html" } }] },
    { input: footer("Call us on 0800 123 456 any time in 2026."), findings: 1 },
    // a date (23号), a phone number and a company name are not an address
    { input: "fixtures/missing-postal-address/fires-zh-no-address.eml", findings: [{ location: { part: "text/html" } }] },
    { input: footer("ほしぞら商店　お問い合わせ 03-1234-5678（平日10時〜18時）"), findings: 1 },
    { input: footer("별빛상사 고객센터 1588-1234, 11월 30일까지"), findings: 1 },
    {
      // no list headers and no HTML: the removal instructions alone say it went to a list
      input: {
        name: "plain-text bulk mail that says how to leave the list",
        eml: "From: Deals <deals@example.com>\nTo: ann@example.org\nSubject: Merchant accounts\n\nAccept credit cards today.\n\nTo be removed from our mailing list, reply with the word REMOVE in the subject line.\n",
      },
      findings: [{ location: { part: "text/plain" } }],
    },
  ],
});
