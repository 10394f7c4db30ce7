import { ruleTester } from "../../rule-tester.js";
import { imageOnly } from "../../../src/rules/content/image-only.js";

const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(" ");

ruleTester(imageOnly, {
  valid: [
    "fixtures/image-only/clean-newsletter.eml",
    { html: `<p>${words(45)}</p><img src="https://example.com/hero.jpg" alt="x">` },
    { html: "<p>Short note, no images.</p>" },
    { html: '<p>Thanks!</p><img src="https://t.example.com/o.gif" width="1" height="1">' }, // a tracking pixel is not an image
    { html: '<img src="https://example.com/logo.png" width="160" alt="Shop"><p>Your order 1147 has shipped.</p><img src="https://example.com/fb.png" width="24" height="24">' },
  ],
  invalid: [
    {
      input: "fixtures/image-only/fires-banner.eml",
      findings: [
        {
          evidence: "https://cdn.harbourbooks.example/bf/banner-1.jpg",
          location: { part: "text/html", line: 3, column: 59 },
          message: "The HTML shows 2 images but only 4 words of text (alt text not counted; at least 40 expected).",
        },
      ],
    },
    // a long alt text does not make up for missing text
    { input: { html: `<img src="https://example.com/a.jpg" alt="${words(60)}">` }, findings: [{ message: /only 0 words/ }] },
    { input: { html: '<img src="https://example.com/logo.png" width="160"><img src="https://example.com/hero.jpg" width="100%">' }, findings: [{ message: /2 images but only 0 words/ }] },
    { input: { html: `<p>${words(20)}</p><img src="https://example.com/a.jpg">` }, options: { minWords: 10 }, findings: 0 },
  ],
});
