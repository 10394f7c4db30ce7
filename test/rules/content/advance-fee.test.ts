import { ruleTester } from "../../rule-tester.js";
import { advanceFee } from "../../../src/rules/content/advance-fee.js";

ruleTester(advanceFee, {
  valid: [
    // a bank's payment alert ("Dear Sir", a new beneficiary, "this transaction", "your assistance"): bank
    // wording is left out of the list, so two of the genre's phrases, two short of the threshold
    "fixtures/advance-fee/clean-bank-notice.eml",
    "fixtures/newsletter.eml",
    "fixtures/newsletter-it.eml",
    "fixtures/newsletter-ru.eml",
    "fixtures/spam-phrases/clean-newsletter.eml",
    { html: "<p>Next of kin, next-of-kin, NEXT OF KIN: the form asks for your next of kin.</p>", name: "one phrase repeated counts once" },
    {
      input: { html: "<p>Dear Sir, I am contacting you about the next of kin of a client; your assistance is needed.</p>" },
      options: { minPhrases: 5 },
    },
    {
      html: "<p>Our charity's beneficiaries thank you for your assistance; this transaction is tax-deductible.</p>",
      name: "three phrases are not enough",
    },
  ],
  invalid: [
    {
      // quoted-printable with soft line breaks inside the phrases; the subject holds the first two
      input: "fixtures/advance-fee/fires-en-qp.eml",
      findings: [
        {
          evidence:
            "Urgent business; your assistance; Dear Sir; I am Dr; my country; I am contacting you; mutual benefit; strictly confidential; plane crash; Million United States Dollars; dormant account; next of kin; as the beneficiary; transfer the funds; foreign account; of the total sum; your urgent reply; your private telephone",
          location: { header: "Subject", line: 4 },
        },
      ],
    },
    {
      // base64 UTF-8: accented phrases, "feu" (late) and a formal address
      input: "fixtures/advance-fee/fires-fr-base64.eml",
      findings: [
        {
          evidence:
            "Cher Monsieur; Je suis Mme; veuve de feu; Mon défunt mari; déposé la somme; partenaire étranger; honnête et digne de confiance; investir dans votre pays; strictement confidentielle; votre aide; de la somme totale; réponse urgente",
          location: { part: "text/plain", line: 1, column: 1 },
        },
      ],
    },
    { input: { html: "<p>Dear Sir, I am contacting you about the next of kin of a client; your assistance is needed.</p>" }, options: { minPhrases: 4 }, findings: 1 },
  ],
});
