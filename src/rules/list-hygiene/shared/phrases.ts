// Phrase lists (rules/words/<lang>.json) → one matcher that is case-insensitive and Unicode-aware.
// JavaScript's \b only knows ASCII letters, so it would split "заработок" or "iscrizione"; a word edge
// here is "no letter, digit or underscore of any script on that side".
//
// The text is cut into words once and each phrase is looked up by its first word in a Map, so a scan is
// linear in the text whatever the number of phrases and languages. (One case-insensitive Unicode
// alternation of all ~900 phrases cost ~135 ms to compile and tried every phrase at every position:
// 23 % of a batch run's CPU, bench/ANALYSIS.md.)
//
// Chinese and Japanese put no space between words, and Korean glues particles onto them ("수신거부를"),
// so a whole sentence is one "word" here. A phrase that starts with a letter of such a script (Han,
// Hiragana, Katakana, Hangul, Bopomofo) is matched character by character instead, anywhere inside the
// words that hold non-ASCII letters, with any whitespace (none, a space a spammer slipped in, a line
// break of wrapped text) allowed between its characters. Only those words are looked at, one typed-array
// load a character, so ASCII text and the other scripts take the word path as before.
export interface PhraseMatch {
  /** The list entry that matched, as written in the data file. */
  readonly phrase: string;
  /** The text as it appears in the message. */
  readonly text: string;
  readonly index: number;
}

export interface PhraseMatcher {
  /** Every non-overlapping match, leftmost-longest, up to `limit`; with `cache`, the text's words are cut once for every list. */
  find(text: string, limit?: number, cache?: WordCache): PhraseMatch[];
  test(text: string, cache?: WordCache): boolean;
}

/**
 * Texts cut into words, each once: several phrase lists read the same subject, text nodes and body. One
 * cache per message, dropped with it: text nodes are sliced strings that keep their message's whole source
 * alive, and a cache shared across a batch raised its peak RSS (bench/ANALYSIS.md).
 */
export interface WordCache {
  of(text: string): Words;
}

export function wordCache(): WordCache {
  const byText = new Map<string, Words>();
  return {
    of(text) {
      let words = byText.get(text);
      if (!words) {
        words = wordsOf(text.length > MAX_SCANNED_CHARS ? text.slice(0, MAX_SCANNED_CHARS) : text);
        byText.set(text, words);
      }
      return words;
    },
  };
}

// Long inputs are cut: a phrase list never needs more than the first megabyte of a body to decide.
const MAX_SCANNED_CHARS = 1_000_000;

// a word is a maximal run of these (letters, digits, underscore of any script)
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;
const SPACE = /\s/;
const APOSTROPHES = /['’ʼ`´]/;
// a letter of a script written without spaces between words (or, for Hangul, with particles glued on)
const SPACELESS_LETTER = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Bopomofo}]$/u;

/** One character of the text between two words of a phrase. */
type GapUnit = { readonly kind: "space" } | { readonly kind: "apostrophe" } | { readonly kind: "char"; readonly char: string };

/**
 * A phrase as its words (lower case) and the gaps around them: `lead` before the first word (empty
 * unless the phrase starts with punctuation), `gaps[k]` between words k and k + 1, `tail` after the
 * last word. A phrase with no word at all ("!!!") is all `lead`.
 */
interface CompiledPhrase {
  readonly phrase: string;
  readonly lead: readonly GapUnit[];
  readonly words: readonly string[];
  readonly gaps: readonly (readonly GapUnit[])[];
  readonly tail: readonly GapUnit[];
}

/** A phrase of a spaceless script: its characters (lower case), whitespace dropped. */
interface CharPhrase {
  readonly phrase: string;
  /** Its last character is a word character of a spaced script ("MBA", "100"): no such character may follow. */
  readonly wordEdgeAfter: boolean;
}

/** A trie of spaceless phrases by character code point: at each position of a text, one walk finds the longest. */
interface CharNode {
  readonly next: Map<number, CharNode>;
  phrase?: CharPhrase;
}

/** The words of a text: their bounds, and each one's lower case computed when first asked for. */
export interface Words {
  readonly text: string;
  readonly starts: number[];
  readonly ends: number[];
  readonly lower: (string | undefined)[];
  /** Each word's asciiHash, or NOT_ASCII. */
  readonly asciiHashes: number[];
}

const NOT_ASCII = -1;

export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  const byKey = new Map<string, string>();
  for (const phrase of phrases) {
    const trimmed = phrase.trim();
    if (trimmed) byKey.set(phraseKey(trimmed), trimmed);
  }
  if (byKey.size === 0) return { find: () => [], test: () => false };
  // Phrases that may start at a word start, by their first word; those that start with punctuation, by
  // their first character. Longest first, so "100% free" wins over "100%" at the same position.
  const byFirstWord = new Map<string, CompiledPhrase[]>();
  const byLeadChar = new Map<string, CompiledPhrase[]>();
  // hashes of the ASCII first words: most words of a text are skipped on their hash, never lower-cased
  const asciiFirstWords = new Set<number>();
  // the low 16 bits of those hashes: one array load rules out most words before the Set is asked
  const asciiFirstWordBits = new Uint8Array(0x10000);
  // phrases of spaceless scripts in a trie; the first code unit of each, for a quick no
  const charTrie: CharNode = { next: new Map() };
  const firstCharUnits = new Uint8Array(0x10000);
  for (const phrase of [...byKey.values()].sort((a, b) => b.length - a.length)) {
    const first = String.fromCodePoint(phrase.codePointAt(0)!);
    if (SPACELESS_LETTER.test(first)) {
      addCharPhrase(charTrie, phrase);
      firstCharUnits[phrase.charCodeAt(0)] = 1;
      continue;
    }
    const compiled = compilePhrase(phrase);
    const [index, key] = compiled.lead.length > 0 ? [byLeadChar, leadKey(compiled.lead[0]!)] : [byFirstWord, compiled.words[0]!];
    const list = index.get(key);
    if (list) list.push(compiled);
    else index.set(key, [compiled]);
    if (index === byFirstWord && /^[\x00-\x7f]+$/.test(key)) {
      asciiFirstWords.add(asciiHash(key));
      asciiFirstWordBits[asciiHash(key) & 0xffff] = 1;
    }
  }
  const hasLeadPhrases = byLeadChar.size > 0;
  const hasCharPhrases = charTrie.next.size > 0;
  const find = (text: string, limit = 1000, cache?: WordCache): PhraseMatch[] => {
    const words = cache ? cache.of(text) : wordsOf(text.length > MAX_SCANNED_CHARS ? text.slice(0, MAX_SCANNED_CHARS) : text);
    const scanned = words.text;
    const { starts, ends, asciiHashes } = words;
    const count = starts.length;
    const matches: PhraseMatch[] = [];
    let cursor = 0; // matches do not overlap: the next one starts at or after the last one's end
    for (let i = 0; i <= count; i++) {
      if (hasLeadPhrases) {
        // a phrase starting with punctuation starts where the character before is no word character
        const gapStart = i === 0 ? 0 : ends[i - 1]!;
        const gapEnd = i < count ? starts[i]! : scanned.length;
        for (let at = Math.max(i === 0 ? 0 : gapStart + 1, cursor); at < gapEnd; at++) {
          const hit = firstMatch(byLeadChar.get(leadKeyAt(scanned, at)), (phrase) => matchFromLead(phrase, words, at, i));
          if (hit === undefined) continue;
          matches.push({ phrase: hit.phrase.phrase, text: scanned.slice(at, hit.end), index: at });
          if (matches.length >= limit) return matches;
          cursor = hit.end;
          at = cursor - 1;
        }
      }
      if (i === count) break;
      const hash = asciiHashes[i]!;
      // an ASCII word lower-cases to ASCII, so it cannot start a phrase whose first word is not ASCII
      if (starts[i]! >= cursor && (hash === NOT_ASCII || (asciiFirstWordBits[hash & 0xffff] === 1 && asciiFirstWords.has(hash)))) {
        const candidates = byFirstWord.get(lowerWord(words, i));
        if (candidates !== undefined) {
          for (const phrase of candidates) {
            const end = matchWords(phrase, words, i);
            if (end === undefined) continue;
            matches.push({ phrase: phrase.phrase, text: scanned.slice(starts[i]!, end), index: starts[i]! });
            if (matches.length >= limit) return matches;
            cursor = end;
            break;
          }
        }
      }
      // phrases of spaceless scripts start at any character of a non-ASCII word, past the last match
      if (!hasCharPhrases || hash !== NOT_ASCII) continue;
      for (let at = Math.max(starts[i]!, cursor); at < ends[i]!; ) {
        const hit = firstCharUnits[scanned.charCodeAt(at)] === 0 ? undefined : matchChars(charTrie, scanned, at);
        if (hit === undefined) {
          at += codeWidth(scanned, at);
          continue;
        }
        matches.push({ phrase: hit.phrase.phrase, text: scanned.slice(at, hit.end), index: at });
        if (matches.length >= limit) return matches;
        at = cursor = hit.end;
      }
    }
    return matches;
  };
  return { find, test: (text, cache) => find(text, 1, cache).length > 0 };
}

/** The key a phrase and its matches share: lower case, one kind of apostrophe, single spaces. */
export function phraseKey(text: string): string {
  return text.toLowerCase().replace(/[’ʼ`´]/g, "'").replace(/\s+/g, " ");
}

function compilePhrase(phrase: string): CompiledPhrase {
  const words: string[] = [];
  const separators: GapUnit[][] = [];
  const bounds = wordsOf(phrase);
  let last = 0;
  bounds.starts.forEach((start, i) => {
    separators.push(gapUnits(phrase.slice(last, start)));
    words.push(lowerWord(bounds, i));
    last = bounds.ends[i]!;
  });
  const tail = gapUnits(phrase.slice(last));
  if (words.length === 0) return { phrase, lead: tail, words, gaps: [], tail: [] };
  return { phrase, lead: separators[0]!, words, gaps: separators.slice(1), tail };
}

function addCharPhrase(trie: CharNode, phrase: string): void {
  let node = trie;
  let last = "";
  for (const char of phrase.toLowerCase()) {
    if (SPACE.test(char)) continue;
    const code = char.codePointAt(0)!;
    let child = node.next.get(code);
    if (!child) {
      child = { next: new Map() };
      node.next.set(code, child);
    }
    node = child;
    last = char;
  }
  // phrases that differ only in spaces ("수신 거부", "수신거부") are one: the first (longest) is kept
  node.phrase ??= { phrase, wordEdgeAfter: WORD_CHAR.test(last) && !SPACELESS_LETTER.test(last) };
}

function gapUnits(separator: string): GapUnit[] {
  const units: GapUnit[] = [];
  for (const char of separator) {
    if (SPACE.test(char)) {
      if (units.at(-1)?.kind !== "space") units.push({ kind: "space" });
    } else if (APOSTROPHES.test(char)) units.push({ kind: "apostrophe" });
    else units.push({ kind: "char", char: char.toLowerCase() });
  }
  return units;
}

function leadKey(unit: GapUnit): string {
  return unit.kind === "char" ? unit.char : unit.kind;
}

function leadKeyAt(text: string, at: number): string {
  const char = String.fromCodePoint(text.codePointAt(at)!);
  if (SPACE.test(char)) return "space";
  if (APOSTROPHES.test(char)) return "apostrophe";
  return char.toLowerCase();
}

function firstMatch(candidates: readonly CompiledPhrase[] | undefined, match: (phrase: CompiledPhrase) => number | undefined): { phrase: CompiledPhrase; end: number } | undefined {
  if (!candidates) return undefined;
  for (const phrase of candidates) {
    const end = match(phrase);
    if (end !== undefined) return { phrase, end };
  }
  return undefined;
}

/**
 * Word bounds by hand: a matchAll over WORD cost more than all the phrase look-ups (a match array per word).
 * ASCII and the rest of the BMP are table look-ups; only a surrogate pair asks the regex.
 */
function wordsOf(text: string): Words {
  const starts: number[] = [];
  const ends: number[] = [];
  const asciiHashes: number[] = [];
  let inWord = false;
  let hash = 0;
  const length = text.length;
  for (let at = 0; at < length; ) {
    const code = text.charCodeAt(at);
    let width = 1;
    let isWord: boolean;
    if (code < 0x80) isWord = ASCII_WORD_CHAR[code] === 1;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(at + 1))) {
      width = 2;
      isWord = WORD_CHAR.test(text.slice(at, at + 2));
    } else isWord = isBmpWordChar(code);
    if (isWord !== inWord) {
      inWord = isWord;
      if (inWord) {
        starts.push(at);
        hash = 0;
      } else {
        ends.push(at);
        asciiHashes.push(hash);
      }
    }
    if (inWord && hash !== NOT_ASCII) hash = code < 0x80 ? nextAsciiHash(hash, code) : NOT_ASCII;
    at += width;
  }
  if (inWord) {
    ends.push(length);
    asciiHashes.push(hash);
  }
  return { text, starts, ends, lower: [], asciiHashes };
}

/** A hash of the lower case of an ASCII text, never NOT_ASCII; 30 bits, so it stays a small integer (no heap number per word). */
function asciiHash(text: string): number {
  let hash = 0;
  for (let at = 0; at < text.length; at++) hash = nextAsciiHash(hash, text.charCodeAt(at));
  return hash;
}

function nextAsciiHash(hash: number, code: number): number {
  const lower = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  return (Math.imul(hash, 31) + lower) & 0x3fffffff;
}

/** 2 for a surrogate pair, else 1 (a lone surrogate is one non-word unit, as in a /u regex). */
function codeWidth(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) return 1;
  return isLowSurrogate(text.charCodeAt(at + 1)) ? 2 : 1;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

// WORD_CHAR over ASCII: letters, digits, underscore
const ASCII_WORD_CHAR = Uint8Array.from({ length: 0x80 }, (_, code) => (/[A-Za-z0-9_]/.test(String.fromCharCode(code)) ? 1 : 0));

// Whether each BMP code unit is a word character, learnt on first sight (0 unknown, 1 word, 2 not):
// testing WORD_CHAR per character of Cyrillic or accented text is what this saves.
const bmpWordChar = new Uint8Array(0x10000);

function isBmpWordChar(code: number): boolean {
  let known = bmpWordChar[code]!;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    bmpWordChar[code] = known;
  }
  return known === 1;
}

function isWordCharAt(text: string, at: number, width: number): boolean {
  return width === 2 ? WORD_CHAR.test(text.slice(at, at + 2)) : isBmpWordChar(text.charCodeAt(at));
}

function lowerWord(words: Words, i: number): string {
  return (words.lower[i] ??= words.text.slice(words.starts[i], words.ends[i]).toLowerCase());
}

/** End of `phrase` matched from the start of word `first`, or undefined. */
function matchWords(phrase: CompiledPhrase, words: Words, first: number): number | undefined {
  const last = first + phrase.words.length - 1;
  if (last >= words.starts.length) return undefined;
  for (let k = 0; k < phrase.words.length; k++) {
    const i = first + k;
    if (lowerWord(words, i) !== phrase.words[k]) return undefined;
    // between two words the gap is matched whole: a phrase word must start where the text's word starts
    if (i < last && matchUnits(phrase.gaps[k]!, words.text, words.ends[i]!, words.starts[i + 1]!) !== words.starts[i + 1]) return undefined;
  }
  const end = words.ends[last]!;
  if (phrase.tail.length === 0) return end;
  const nextWord = last + 1 < words.starts.length ? words.starts[last + 1]! : words.text.length;
  const tailEnd = matchUnits(phrase.tail, words.text, end, nextWord);
  // the phrase must not end just before a word character
  return tailEnd !== undefined && (tailEnd < nextWord || last + 1 === words.starts.length) ? tailEnd : undefined;
}

/** End of a phrase that starts with punctuation, matched from `at` in the gap before word `next`. */
function matchFromLead(phrase: CompiledPhrase, words: Words, at: number, next: number): number | undefined {
  const gapEnd = next < words.starts.length ? words.starts[next]! : words.text.length;
  const leadEnd = matchUnits(phrase.lead, words.text, at, gapEnd);
  if (leadEnd === undefined) return undefined;
  if (phrase.words.length === 0) return leadEnd < gapEnd || next === words.starts.length ? leadEnd : undefined;
  return leadEnd === gapEnd && next < words.starts.length ? matchWords(phrase, words, next) : undefined;
}

/**
 * Where `units` end when matched from `from` in text that holds no word character before `limit`, or
 * undefined. A space unit takes every whitespace character (the old \s+): the unit after it is never a
 * space, so taking fewer could not help.
 */
function matchUnits(units: readonly GapUnit[], text: string, from: number, limit: number): number | undefined {
  let at = from;
  for (const unit of units) {
    if (at >= limit) return undefined;
    if (unit.kind === "space") {
      if (!SPACE.test(text[at]!)) return undefined;
      while (at < limit && SPACE.test(text[at]!)) at++;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(at)!);
    if (unit.kind === "apostrophe" ? !APOSTROPHES.test(char) : char !== unit.char && char.toLowerCase() !== unit.char) return undefined;
    at += char.length;
  }
  return at;
}

/** The longest spaceless-script phrase that starts at `from`, and where it ends. */
function matchChars(trie: CharNode, text: string, from: number): { phrase: CharPhrase; end: number } | undefined {
  let best: { phrase: CharPhrase; end: number } | undefined;
  let node = trie;
  let at = from;
  while (at < text.length) {
    if (at > from) {
      // whitespace may fall between two characters of a phrase
      while (at < text.length && isSpaceCode(text.charCodeAt(at))) at++;
      if (at >= text.length) break;
    }
    const code = text.codePointAt(at)!;
    // CJK letters have no case; below them, an upper-case letter looks for its lower case
    const child = node.next.get(code) ?? (code < 0x2e80 ? node.next.get(lowerCode(code)) : undefined);
    if (!child) break;
    node = child;
    at += code > 0xffff ? 2 : 1;
    if (node.phrase && !(node.phrase.wordEdgeAfter && at < text.length && isSpacedWordCharAt(text, at))) best = { phrase: node.phrase, end: at };
    if (node.next.size === 0) break;
  }
  return best;
}

function lowerCode(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  return code < 0x80 ? code : String.fromCodePoint(code).toLowerCase().codePointAt(0)!;
}

/** A word character of a script written with spaces between words. */
function isSpacedWordCharAt(text: string, at: number): boolean {
  const width = codeWidth(text, at);
  return isWordCharAt(text, at, width) && !SPACELESS_LETTER.test(text.slice(at, at + width));
}

/** What \s matches, without a regex call per character. */
function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
