import { ruleTester } from "../../rule-tester.js";
import { unsubscribeByReply } from "../../../src/rules/list-hygiene/unsubscribe-by-reply.js";

ruleTester(unsubscribeByReply, {
  valid: [
    // List-Unsubscribe with an https URI: the reply is only an extra
    "fixtures/unsubscribe-by-reply/clean-one-click.eml",
    "fixtures/newsletter.eml",
    { html: '<p>News.</p><p>Reply with REMOVE in the subject line, or <a href="https://example.com/unsubscribe?u=1">unsubscribe</a>.</p>' },
    { name: "a personal note", eml: "From: a@example.org\nTo: b@example.org\nSubject: photos\n\nCould you remove the blurred one? Subject line of the album is fine.\n" },
  ],
  invalid: [
    {
      // windows-1252 QP: curly quotes =91 =92 around the keyword, a soft line break inside "line"
      input: "fixtures/unsubscribe-by-reply/fires-remove-subject.eml",
      findings: [{ evidence: "REMOVE’ in the subject line", location: { part: "text/plain", line: 3 } }],
    },
    { input: { html: '<p>Offer.</p><p>To end mail reply with the word - remove - in the e-mail subject line.</p>' }, findings: [{ evidence: "remove - in the e-mail subject line" }] },
    { input: { html: "<p>Angebot.</p><p>Bitte antworten Sie mit dem Betreff „abmelden“.</p>" }, findings: [{ evidence: "mit dem Betreff „abmelden" }] },
    { input: { html: "<p>Offerta.</p><p>Scrivi «cancellami» nell'oggetto.</p>" }, findings: [{ evidence: "cancellami» nell'oggetto" }] },
    { input: { html: "<p>新品上市。</p><p>如不願再收到，請回信並於主旨註明「刪除」。</p>" }, findings: [{ evidence: "主旨註明「刪除" }] },
    { input: { html: "<p>特売のお知らせ。</p><p>不要な方は件名に『配信停止』と書いて返信してください。</p>" }, findings: [{ evidence: "件名に『配信停止" }] },
  ],
});
