// Words of a text, for rules that count or compare them. Scripts written without spaces (Han, kana, Thai)
// have no word boundaries we can see, so each of their characters counts as a word.
import { LETTER, MARK, NUMBER, SPACELESS_SCRIPT } from "./unicode-classes.generated.js";

// [\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’_-]*, with
// the classes as ranges: every run parses it anew, and ICU's \p{…} made it the costliest pattern to
// build (4 ms of a start-up)
const WORD = new RegExp(`[${SPACELESS_SCRIPT}]|[${LETTER}${NUMBER}][${LETTER}${MARK}${NUMBER}'’_-]*`, "gu");

/** Lower-cased words, in order; URLs are not words. */
export function wordsOf(text: string, limit = 100_000): string[] {
  const words: string[] = [];
  const withoutUrls = text.replace(/\b(?:https?|ftp|mailto):[^\s<>"]{0,2000}|\bwww\.[^\s<>"]{0,2000}/gi, " ");
  for (const match of withoutUrls.matchAll(WORD)) {
    words.push(match[0].toLowerCase());
    if (words.length >= limit) break;
  }
  return words;
}
