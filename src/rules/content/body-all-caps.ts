import type { MessageRule } from "../types.js";
import { bodyText, locateInBody } from "../list-hygiene/shared/readable-text.js";
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
// A word is a cased letter (\p{Lu}\p{Ll}\p{Lt}), then cased letters and combining marks (\p{M}); "caseless"
// letters are \p{Lo}. The classes as ranges (src/message/unicode-classes.generated.ts): ICU's \p{…} is
// parsed anew by every run.
const CASED = new RegExp(`^[${CASED_LETTER}]$`, "u");
const COMBINING = new RegExp(`^[${MARK}]$`, "u");
const CASELESS = new RegExp(`^[${OTHER_LETTER}]$`, "u");
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
    const { words, mostlyCaseless } = letters(text);
    // a text written mostly in a script without case has only its acronyms in capitals: not judged
    if (mostlyCaseless) return [];
    const capsWords = words.filter((word) => word.capitals).length;
    if (words.length < minWords || capsWords < minCapsWords || capsWords / words.length < minShare) return [];
    const percent = Math.round((capsWords / words.length) * 100);
    const run = longestCapitalRun(text, words);
    return [
      {
        message: `The body shouts: ${capsWords} of its ${words.length} words (${percent}%) are in capitals.`,
        evidence: run.evidence,
        location: locateInBody(message, run.start),
      },
    ];
  },
};

/**
 * In one pass: the words of at least MIN_WORD_LETTERS letters whose script has case (capitals when no
 * letter is lower-case), and whether letters without case (Han, kana, Hangul, Arabic…) outnumber the
 * cased ones, in UTF-16 units.
 */
function letters(text: string): { words: Word[]; mostlyCaseless: boolean } {
  const words: Word[] = [];
  let cased = 0;
  let caseless = 0;
  for (let at = 0; at < text.length; ) {
    let width = codeWidth(text, at);
    let kind = letterKind(text, at, width);
    if (kind !== KIND_CASED) {
      if (kind === KIND_CASELESS) caseless += width;
      at += width;
      continue;
    }
    const start = at;
    let ascii = true;
    let lowerSeen = false;
    do {
      if (kind === KIND_CASED) cased += width;
      const code = text.charCodeAt(at);
      if (code >= 0x80) ascii = false;
      else if (code >= 0x61) lowerSeen = true;
      at += width;
      if (at >= text.length) break;
      width = codeWidth(text, at);
      kind = letterKind(text, at, width);
    } while (kind === KIND_CASED || kind === KIND_MARK);
    if (at - start < MIN_WORD_LETTERS) continue;
    // ASCII letters all have case: no need to build the word's lower and upper case to know
    if (ascii) {
      words.push({ start, end: at, capitals: !lowerSeen });
      continue;
    }
    const word = text.slice(start, at);
    const upper = word.toUpperCase();
    if (word.toLowerCase() === upper) continue;
    words.push({ start, end: at, capitals: word === upper });
  }
  return { words, mostlyCaseless: caseless > cased };
}

const KIND_OTHER = 0;
const KIND_CASED = 1;
const KIND_MARK = 2;
const KIND_CASELESS = 3;
// each BMP code unit's kind + 1, learnt on first sight (0: not yet asked): one regex test per distinct character
const bmpKinds = new Uint8Array(0x10000);

function letterKind(text: string, at: number, width: number): number {
  if (width === 2) return kindOf(text.slice(at, at + 2));
  const code = text.charCodeAt(at);
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? KIND_CASED : KIND_OTHER;
  let known = bmpKinds[code]!;
  if (known === 0) bmpKinds[code] = known = kindOf(String.fromCharCode(code)) + 1;
  return known - 1;
}

function kindOf(char: string): number {
  if (CASED.test(char)) return KIND_CASED;
  if (COMBINING.test(char)) return KIND_MARK;
  return CASELESS.test(char) ? KIND_CASELESS : KIND_OTHER;
}

/** 2 for a surrogate pair, else 1 (a lone surrogate is one unit that no class matches, as in a /u regex). */
function codeWidth(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const next = text.charCodeAt(at + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** The longest stretch of consecutive capital words, cut after the last whole word within EVIDENCE_CHARS, blanks collapsed. */
function longestCapitalRun(text: string, words: readonly Word[]): { evidence: string; start: number } {
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
  return { evidence: text.slice(start, end).replace(/\s+/g, " "), start };
}
