import { ruleTester } from "../../rule-tester.js";
import { missingPermissionReminder } from "../../../src/rules/list-hygiene/missing-permission-reminder.js";

ruleTester(missingPermissionReminder, {
  valid: [
    "fixtures/newsletter.eml",
    "fixtures/newsletter-it.eml",
    "fixtures/newsletter-ru.eml",
    "fixtures/missing-permission-reminder/clean-french-reminder.eml",
    "fixtures/missing-unsubscribe-link/clean-personal.eml",
    { html: "<p>Sie erhalten diesen Newsletter, weil Sie sich auf example.de angemeldet haben.</p>" },
    { html: "<p>You\u2019re receiving this email because you bought a ticket.</p>", name: "typographic apostrophe" },
  ],
  invalid: [
    { input: "fixtures/missing-permission-reminder/fires-no-reminder.eml", findings: [{ location: { part: "text/html" } }] },
    { input: { html: "<p>Our winter books are here.</p>" }, findings: 1 },
  ],
});
