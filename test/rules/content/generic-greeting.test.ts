import { ruleTester } from "../../rule-tester.js";
import { genericGreeting } from "../../../src/rules/content/generic-greeting.js";

ruleTester(genericGreeting, {
  valid: [
    // quoted-printable ISO-8859-1: "Gentile Maria Rossi," names the reader
    "fixtures/generic-greeting/clean-personalised-it-qp.eml",
    // a person answering a stranger's support desk opens "Dear Sir" honestly
    "fixtures/generic-greeting/clean-reply.eml",
    "fixtures/newsletter.eml",
    "fixtures/newsletter-it.eml",
    "fixtures/newsletter-ru.eml",
    { html: "<p>Dear Customer Service team,</p><p>my order has not arrived.</p>", name: "a salutation that goes on is not the generic one" },
    { html: "<p>Dear Sir Alex,</p><p>thank you for the talk.</p>", name: "a title before a name" },
    { html: "<p>Hello,</p><p>our autumn catalogue is out.</p>", name: "a bare hello names nobody and is no tell" },
    { html: "<p>Bonjour !</p><p>Notre catalogue d'automne est sorti.</p>", name: "French typography: a space before the exclamation mark" },
    {
      html: "<h1>Autumn news</h1><p>One</p><p>Two</p><p>Three</p><p>Four</p><p>Five</p><p>Dear Friend, read on.</p>",
      name: "past the first lines",
    },
    { html: "<p>We thank every dear friend of the museum.</p>", name: "not at the start of its line" },
    {
      name: "a name that is also the mailbox name, written as a name",
      eml: "From: shop@shop.example\nTo: john@example.com\nSubject: Your order\n\nDear John,\n\nyour order has shipped.\n",
    },
    {
      name: "a member greets a discussion list by its name",
      eml: "From: a@example.net\nTo: fork@lists.example.org\nList-Post: <mailto:fork@lists.example.org>\nSubject: geek toys\n\nHello fork,\n\nlook at this.\n",
    },
  ],
  invalid: [
    {
      // multipart/alternative: the HTML (quoted-printable, a soft line break inside the salutation) is what is displayed
      input: "fixtures/generic-greeting/fires-valued-customer-qp.eml",
      findings: [{ evidence: "Dear Valued Customer", location: { part: "text/html", line: 3, column: 12 } }],
    },
    {
      // base64 UTF-8 text/plain
      input: "fixtures/generic-greeting/fires-ru-base64.eml",
      findings: [{ evidence: "Уважаемый клиент", location: { part: "text/plain", line: 1 } }],
    },
    {
      // the recipient's address, on the second line, after a comma
      input: "fixtures/generic-greeting/fires-recipient-address.eml",
      findings: [{ evidence: "Hello, jsmith@example.com", location: { part: "text/plain", line: 3 } }],
    },
    {
      input: { eml: "From: a@b.example\nTo: rsharp2@example.net\nSubject: offer\n\nDear rsharp2,\n\nan offer.\n" },
      findings: [{ evidence: "Dear rsharp2" }],
    },
    { input: { eml: "From: a@b.example\nTo: x@example.net\nSubject: offer\n\nDear ,\n\nan offer.\n" }, findings: [{ evidence: "Dear ," }] },
    { input: { html: "<p>DEAR SIR/MADAM,</p><p>We are a leading exporter.</p>" }, findings: [{ evidence: "DEAR SIR/MADAM" }] },
    { input: { html: "<p>Dear Friend</p><p>Do you need extra money?</p>" }, findings: [{ evidence: "Dear Friend" }] },
    { input: { html: "<p>Gentile cliente, il suo conto è sospeso.</p>" }, findings: [{ evidence: "Gentile cliente" }] },
    { input: { html: "<p>Benvolgut client:</p><p>el vostre compte</p>" }, findings: [{ evidence: "Benvolgut client" }] },
    { input: { html: "<p>Sehr geehrte Damen und Herren,</p><p>wir bieten</p>" }, findings: [{ evidence: "Sehr geehrte Damen und Herren" }] },
    { input: { html: "<p>尊敬的客户您好：您的账户已被冻结。</p>" }, findings: [{ evidence: "尊敬的客户" }] },
  ],
});
