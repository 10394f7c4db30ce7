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
  ],
  invalid: [
    {
      // the removal instructions are in a text/plain part after the HTML: they still make it list mail
      input: "fixtures/missing-postal-address/fires-opt-out-in-footer-part.eml",
      findings: [{ location: { part: "text/html" } }],
    },
    { input: "fixtures/missing-postal-address/fires-no-address.eml", findings: [{ location: { part: "text/html" } }] },
    { input: footer("Call us on 0800 123 456 any time in 2026."), findings: 1 },
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
