import { ruleTester } from "../../rule-tester.js";
import { missingUnsubscribeLink } from "../../../src/rules/list-hygiene/missing-unsubscribe-link.js";

const page = (footer: string) => `<p>Our winter books are here.</p><p>${footer}</p>`;

ruleTester(missingUnsubscribeLink, {
  valid: [
    "fixtures/newsletter.eml",
    "fixtures/newsletter-it.eml",
    "fixtures/newsletter-ru.eml",
    "fixtures/missing-unsubscribe-link/clean-newsletter.eml",
    "fixtures/missing-unsubscribe-link/clean-german-abmelden.eml",
    "fixtures/missing-unsubscribe-link/clean-personal.eml",
    { html: page('Non vuoi più ricevere queste email? <a href="https://example.it/x">Clicca qui</a>'), name: "words beside the link (it)" },
    { html: page('<a href="https://example.com/email/manage-preferences?id=1">Manage</a>'), name: "the URL names it" },
    { html: page('<a href="https://example.es/baja">Darse de baja</a>') },
    { html: page('<a href="https://example.cat/b">Dona\u2019t de baixa</a>') },
    { html: page('<a href="https://example.nl/a">Afmelden</a>') },
    { html: page('<a href="https://example.pt/c">Cancelar a subscrição</a>') },
    { html: page('<a href="https://example.fr/d">Se désabonner</a>') },
    { html: page('<a href="https://example.pl/w">Wypisz się</a>') },
    { html: page('如不想再收到本刊，<a href="https://example.cn/x">请点击这里</a>'), name: "words beside the link (zh)" },
    { html: page('<a href="https://example.kr/r">수신거부</a>를 누르시면 처리됩니다.') },
    { html: page('<a href="https://example.jp/s">メール配信停止</a>') },
    {
      eml: "From: News <news@example.com>\nList-Id: News <news.example.com>\nSubject: News\n\nOur news.\n\nTo unsubscribe, write to leave@example.com.\n",
      name: "text-only: words next to an address",
    },
  ],
  invalid: [
    { input: "fixtures/missing-unsubscribe-link/fires-footer-without-link.eml", findings: [{ location: { part: "text/html" } }] },
    { input: { html: page('<span style="display: none"><a href="https://example.com/unsubscribe">Unsubscribe</a></span>') }, findings: 1 },
    { input: { html: page('<div style="font-size:0"><a href="https://example.com/unsubscribe">Unsubscribe</a></div>') }, findings: 1 },
    {
      input: {
        eml: "From: News <news@example.com>\nList-Id: News <news.example.com>\nSubject: News\n\nOur news: https://example.com/news\n",
      },
      findings: [{ location: { part: "text/plain" } }],
    },
  ],
});
