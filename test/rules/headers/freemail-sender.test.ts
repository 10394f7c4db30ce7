import { ruleTester } from "../../rule-tester.js";
import { freemailSender } from "../../../src/rules/headers/freemail-sender.js";

const personal = "From: Ann <ann.lind@gmail.com>\nTo: bob@example.org\nSubject: Saturday\n\nShall we meet at ten?\n";

ruleTester(freemailSender, {
  valid: [
    "fixtures/freemail-sender/clean-own-domain.eml",
    // Gmail's own shape: HTML with its text alternative, one recipient, links in the text
    "fixtures/freemail-sender/clean-personal-html.eml",
    { name: "personal mail from a free-mail account", eml: personal },
    { name: "personal mail to four people", eml: personal.replace("bob@example.org", "bob@example.org, cy@example.org, di@example.org, ed@example.org") },
    { name: "a service on a subdomain of a provider", html: "<p>x</p>", from: "Group <news@groups.msn.com>" },
    {
      name: "a reply may be HTML alone and Bcc'd",
      eml: "From: ann.lind@gmail.com\nTo: undisclosed-recipients:;\nIn-Reply-To: <a1@example.org>\nSubject: Re: Saturday\nContent-Type: text/html\n\n<p>Yes, ten.</p>\n",
    },
    {
      name: "a post to a discussion list",
      eml: "From: ann.lind@gmail.com\nTo: ann.lind@gmail.com\nList-Post: <mailto:hikers@lists.example.org>\nSubject: Saturday walk\n\nWho is coming?\n",
    },
    { name: "a free-mail provider's own domain is matched exactly, not as a suffix", eml: "From: ann@notgmail.com\nTo: undisclosed-recipients:;\nSubject: x\n\nx\n" },
  ],
  invalid: [
    {
      // bulk by its List-Unsubscribe header; base64 HTML body
      input: "fixtures/freemail-sender/fires-gmail-newsletter.eml",
      findings: [{ evidence: "cornerbakery.news@gmail.com", message: /^Bulk mail From .*free-mail provider gmail\.com/, location: { header: "From", line: 1 } }],
    },
    { input: { html: "<p>Our news</p>", from: "Shop <Shop.News@Yahoo.co.uk>" }, findings: [{ message: /yahoo\.co\.uk/ }] },
    {
      // no list headers and one link: not bulk by its headers or links, a mailing by its quoted-printable HTML with no text part
      input: "fixtures/freemail-sender/fires-html-only-mailing.eml",
      findings: [
        {
          evidence: "mei.teahouse@yahoo.com.tw",
          message: "A mailing (HTML with no plain-text alternative) From mei.teahouse@yahoo.com.tw, an address at the free-mail provider yahoo.com.tw, which cannot be DMARC-aligned for mail sent from elsewhere.",
          location: { header: "From", line: 1 },
        },
      ],
    },
    {
      // To is the sender itself (encoded-word display names), the readers are in Bcc; quoted-printable Italian text
      input: "fixtures/freemail-sender/fires-bcc-blast.eml",
      findings: [{ evidence: "bottega.niccolo@hotmail.it", message: /^A mailing \(addressed to its own sender\) From bottega\.niccolo@hotmail\.it/, location: { header: "From", line: 1 } }],
    },
    {
      input: { eml: personal.replace("To: bob@example.org\n", "To: undisclosed-recipients:;\n") },
      findings: [{ message: /^A mailing \(no recipient in To or Cc\)/ }],
    },
    {
      input: { eml: personal.replace("To: bob@example.org\n", "To: Undisclosed Recipients <>\n") },
      findings: [{ message: /no recipient in To or Cc/ }],
    },
    {
      input: { eml: personal.replace("To: bob@example.org\n", "To: bob@example.org, cy@example.org\nCc: di@example.org, \"Ed, Jr\" <ed@example.org>, fay@example.org\n") },
      findings: [{ message: /^A mailing \(5 recipients in To and Cc\)/, location: { header: "From" } }],
    },
    { input: { eml: personal.replace("ann.lind@gmail.com", "ann.lind@Yandex.RU").replace("To: bob@example.org\n", "") }, findings: [{ evidence: "ann.lind@Yandex.RU", message: /provider yandex\.ru/ }] },
  ],
});
