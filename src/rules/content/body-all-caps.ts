import type { MessageRule } from "../types.js";
import { bodyText } from "../list-hygiene/shared/readable-text.js";
import { CASED_LETTER, MARK, OTHER_LETTER } from "../../message/unicode-classes.generated.js";

// A body written largely in capitals ("EARN MONEY FROM HOME. NO EXPERIENCE NEEDED.") shouts, and filters
// score it: SpamAssassin's UPPERCASE_50_75 / UPPERCASE_75_100 (20_meta_tests.cf, check_for_uppercase) count
// the capital share of the body's letters. We count words instead, so a few acronyms (HTML, USA, SQL) weigh
// as little as they read: the rule wants at least minCapsWords words of three or more cased letters in
// capitals, making at least minShare of the body's words, over a body of at least minWords such words.
// Scripts without case (Chinese, Japanese, Korean, Arabic…) have no such words, and a text mostly in
// them is not judged (its acronyms are its only capitals).
// Runs of cased letters (and their combining marks) only: "国际MBA学生" must give the word "MBA", not one
// eleven-letter word that is "in capitals" because its Han letters have no lower case.
// [\p{Lu}\p{Ll}\p{Lt}][\p{Lu}\p{Ll}\p{Lt}\p{M}]* and ([\p{Lu}\p{Ll}\p{Lt}]+)|\p{Lo}+, the classes as ranges:
// a run parses both anew, which took 6 ms with ICU's \p{…} (src/message/unicode-classes.generated.ts)
const WORD = new RegExp(`[${CASED_LETTER}][${CASED_LETTER}${MARK}]*`, "gu");
const LETTER_RUN = new RegExp(`([${CASED_LETTER}]+)|[${OTHER_LETTER}]+`, "gu");
const MIN_WORD_LETTERS = 3;
const MAX_TEXT_CHARS = 1_000_000;
const EVIDENCE_CHARS = 80;

interface Word {
  readonly start: number;
  readonly end: number;
  readonly capitals: boolean;
}

export const bodyAllCaps: MessageRule = {
  id: "body-all-caps",
  kind: "message",
  check(message, ctx) {
    const text = bodyText(message).slice(0, MAX_TEXT_CHARS);
    const minWords = Number(ctx.options.minWords ?? 20);
    const minCapsWords = Number(ctx.options.minCapsWords ?? 10);
    const minShare = Number(ctx.options.minShare ?? 0.25);
    // a text written mostly in a script without case has only its acronyms in capitals: not judged
    if (mostlyCaseless(text)) return [];
    const words = casedWords(text);
    const capsWords = words.filter((word) => word.capitals).length;
    if (words.length < minWords || capsWords < minCapsWords || capsWords / words.length < minShare) return [];
    const percent = Math.round((capsWords / words.length) * 100);
    return [
      {
        message: `The body shouts: ${capsWords} of its ${words.length} words (${percent}%) are in capitals.`,
        evidence: longestCapitalRun(text, words),
        location: { part: message.htmlBody ? "text/html" : "text/plain" },
      },
    ];
  },
};

/** Whether letters without case (Han, kana, Hangul, Arabic…) outnumber the cased ones. */
function mostlyCaseless(text: string): boolean {
  let cased = 0;
  let caseless = 0;
  for (const match of text.matchAll(LETTER_RUN)) {
    if (match[1] !== undefined) cased += match[1].length;
    else caseless += match[0].length;
  }
  return caseless > cased;
}

/** Words of at least MIN_WORD_LETTERS letters whose script has case; capitals when no letter is lower-case. */
function casedWords(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (word.length < MIN_WORD_LETTERS) continue;
    const lower = word.toLowerCase();
    const upper = word.toUpperCase();
    if (lower === upper) continue;
    words.push({ start: match.index, end: match.index + word.length, capitals: word === upper });
  }
  return words;
}

/** The longest stretch of consecutive capital words, cut after the last whole word within EVIDENCE_CHARS, blanks collapsed. */
function longestCapitalRun(text: string, words: readonly Word[]): string {
  let best = { first: 0, count: 0 };
  let run = { first: 0, count: 0 };
  words.forEach((word, index) => {
    run = !word.capitals ? { first: 0, count: 0 } : run.count === 0 ? { first: index, count: 1 } : { first: run.first, count: run.count + 1 };
    if (run.count > best.count) best = run;
  });
  const start = words[best.first]!.start;
  let end = words[best.first]!.end;
  for (const word of words.slice(best.first + 1, best.first + best.count)) {
    if (word.end - start > EVIDENCE_CHARS) break;
    end = word.end;
  }
  return text.slice(start, end).replace(/\s+/g, " ");
}
