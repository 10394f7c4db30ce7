import { ruleTester } from "../../rule-tester.js";
import { missingListUnsubscribe } from "../../../src/rules/list-hygiene/missing-list-unsubscribe.js";

ruleTester(missingListUnsubscribe, {
  valid: [
    "fixtures/newsletter.eml",
    "fixtures/missing-list-unsubscribe/clean-personal.eml",
    { html: '<p>Winter books</p><a href="https://example.com/u">Unsubscribe</a>', name: "templates get the header from the ESP" },
    {
      eml: "From: a@example.com\nTo: b@example.org\nSubject: Re: launch\nIn-Reply-To: <x@example.org>\nPrecedence: normal\n\nSee you there.\n",
      name: "a personal reply",
    },
  ],
  invalid: [
    { input: "fixtures/missing-list-unsubscribe/fires-newsletter-without-header.eml", findings: [{ location: { part: "headers" } }] },
    {
      input: {
        eml: "From: News <news@example.com>\nTo: b@example.org\nSubject: News\n\nOur news.\nTo unsubscribe visit https://example.com/u?id=1\n",
        name: "an unsubscribe link in the body shows it is bulk mail",
      },
      findings: 1,
    },
    { input: { eml: "From: News <news@example.com>\nPrecedence: bulk\nSubject: News\n\nOur news.\n" }, findings: 1 },
  ],
});
