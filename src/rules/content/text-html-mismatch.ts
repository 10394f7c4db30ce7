import type { MimePart } from "../../message/model.js";
import type { MessageRule } from "../types.js";
import { wordsOf } from "../../message/words.js";

// The text/plain and text/html parts of a multipart/alternative must say the same thing (RFC 2046 §5.1.4).
// A text part that is a stub ("view this email in your browser") or a different message entirely is a
// spam tell (SpamAssassin MPART_ALT_DIFF) and fails readers who see plain text. We compare the sets of
// distinct words: an ESP-generated text part shares nearly all of them; we fire only far below that.
export const textHtmlMismatch: MessageRule = {
  id: "text-html-mismatch",
  kind: "message",
  check(message, ctx) {
    if (message.kind !== "eml" || !message.text || !message.htmlBody) return [];
    if (!areAlternatives(message.mime)) return [];
    const minWords = Number(ctx.options.minWords ?? 30);
    const minShared = Number(ctx.options.minSharedRatio ?? 0.2);
    const htmlWords = new Set(wordsOf(message.htmlBody.visibleText));
    const textWords = new Set(wordsOf(message.text.content));
    if (htmlWords.size < minWords) return [];
    let shared = 0;
    for (const word of textWords) if (htmlWords.has(word)) shared++;
    const htmlCovered = shared / htmlWords.size;
    const textCovered = textWords.size === 0 ? 0 : shared / textWords.size;
    const stub = htmlCovered < minShared;
    const different = textWords.size >= minWords && textCovered < minShared;
    if (!stub && !different) return [];
    const preview = message.text.content.replace(/\s+/g, " ").trim();
    const evidence = preview.length > 100 ? `${preview.slice(0, 100)}…` : preview;
    const what = stub
      ? `The text/plain part carries only ${Math.round(htmlCovered * 100)}% of the HTML part's ${htmlWords.size} distinct words`
      : `Only ${Math.round(textCovered * 100)}% of the text/plain part's ${textWords.size} distinct words appear in the HTML part`;
    return [{ message: `${what}: the two alternatives say different things.`, evidence, location: { part: "text/plain", line: 1 } }];
  },
};

/** The first text/plain and text/html body leaves are in one subtree (multipart/alternative, maybe with the HTML in a multipart/related). */
function areAlternatives(mime: readonly MimePart[]): boolean {
  const body = (type: string) => mime.find((part) => part.contentType === type && part.disposition !== "attachment");
  const text = body("text/plain");
  const html = body("text/html");
  if (!text || !html || text.path === "") return false;
  const parent = text.path.includes(".") ? text.path.slice(0, text.path.lastIndexOf(".")) : "";
  return parent === "" || html.path.startsWith(`${parent}.`);
}
