import { ruleTester } from "../../rule-tester.js";
import { freemailSender } from "../../../src/rules/headers/freemail-sender.js";

ruleTester(freemailSender, {
  valid: [
    "fixtures/freemail-sender/clean-own-domain.eml",
    { name: "personal mail from a free-mail account", eml: "From: Ann <ann.lind@gmail.com>\nTo: bob@example.org\nSubject: Saturday\n\nShall we meet at ten?\n" },
    { name: "a service on a subdomain of a provider", html: "<p>x</p>", from: "Group <news@groups.msn.com>" },
  ],
  invalid: [
    {
      // bulk by its List-Unsubscribe header; base64 HTML body
      input: "fixtures/freemail-sender/fires-gmail-newsletter.eml",
      findings: [{ evidence: "cornerbakery.news@gmail.com", message: /free-mail provider gmail\.com/, location: { header: "From", line: 1 } }],
    },
    { input: { html: "<p>Our news</p>", from: "Shop <Shop.News@Yahoo.co.uk>" }, findings: [{ message: /yahoo\.co\.uk/ }] },
  ],
});
