// Words of a text, for rules that count or compare them. Scripts written without spaces (Han, kana, Thai)
// have no word boundaries we can see, so each of their characters counts as a word.
import { LETTER, MARK, NUMBER, SPACELESS_SCRIPT } from "./unicode-classes.generated.js";

// [\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’_-]*, with
// the classes as ranges: every run parses it anew, and ICU's \p{…} made it the costliest pattern to
// build (4 ms of a start-up)
const WORD = new RegExp(`[${SPACELESS_SCRIPT}]|[${LETTER}${NUMBER}][${LETTER}${MARK}${NUMBER}'’_-]*`, "gu");
const URL_LIKE = /\b(?:https?|ftp|mailto):[^\s<>"]{0,2000}|\bwww\.[^\s<>"]{0,2000}/gi;
const SURROGATE = /[\ud800-\udfff]/;

/** Lower-cased words, in order; URLs are not words. */
export function wordsOf(text: string, limit = 100_000): string[] {
  // neither alternative of URL_LIKE can match without a ":" or "www."
  const withoutUrls = text.includes(":") || /www\./i.test(text) ? text.replace(URL_LIKE, " ") : text;
  // a text with characters past the BMP keeps the pattern; the table knows only single code units
  return SURROGATE.test(withoutUrls) ? wordsByPattern(withoutUrls, limit) : wordsByTable(withoutUrls, limit);
}

function wordsByPattern(text: string, limit: number): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(WORD)) {
    words.push(match[0].toLowerCase());
    if (words.length >= limit) break;
  }
  return words;
}

const SPACELESS = 1;
const STARTS = 2;
const CONTINUES = 4;
let kinds: Uint8Array | undefined;

/**
 * WORD read through a table of the BMP's code units (same classes, same leftmost alternative first):
 * matchAll built an array and an index per word, most of the cost on a long text.
 */
function wordsByTable(text: string, limit: number): string[] {
  kinds ??= kindTable();
  // lower-cased once for the whole text when that maps each code unit on its own, as it does for a
  // word: not when a character lower-cases to two units (İ) or Σ's final form depends on what follows
  const lower = text.toLowerCase();
  const whole = lower.length === text.length && !text.includes("\u03a3");
  const words: string[] = [];
  let index = 0;
  while (index < text.length) {
    const kind = kinds[text.charCodeAt(index)]!;
    if (kind & SPACELESS) {
      words.push(whole ? lower[index]! : text[index]!.toLowerCase());
      index++;
    } else if (kind & STARTS) {
      let end = index + 1;
      while (end < text.length && kinds[text.charCodeAt(end)]! & CONTINUES) end++;
      words.push(whole ? lower.slice(index, end) : text.slice(index, end).toLowerCase());
      index = end;
    } else {
      index++;
      continue;
    }
    if (words.length >= limit) break;
  }
  return words;
}

function kindTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const mark = (ranges: string, bit: number) => {
    for (const [, from, to] of ranges.matchAll(/\\u\{?([0-9a-f]+)\}?(?:-\\u\{?([0-9a-f]+)\}?)?/g)) {
      const first = parseInt(from!, 16);
      const last = Math.min(to === undefined ? first : parseInt(to, 16), 0xffff);
      for (let code = first; code <= last; code++) table[code]! |= bit;
    }
  };
  mark(SPACELESS_SCRIPT, SPACELESS);
  mark(LETTER, STARTS | CONTINUES);
  mark(NUMBER, STARTS | CONTINUES);
  mark(MARK, CONTINUES);
  for (const character of "'’_-") table[character.charCodeAt(0)]! |= CONTINUES;
  return table;
}
