// Phrase lists (rules/words/<lang>.json) → one matcher that is case-insensitive and Unicode-aware.
// JavaScript's \b only knows ASCII letters, so it would split "заработок" or "iscrizione"; a word edge
// here is "no letter, digit or underscore of any script on that side".
export interface PhraseMatch {
  /** The list entry that matched, as written in the data file. */
  readonly phrase: string;
  /** The text as it appears in the message. */
  readonly text: string;
  readonly index: number;
}

export interface PhraseMatcher {
  /** Every non-overlapping match, leftmost-longest, up to `limit`. */
  find(text: string, limit?: number): PhraseMatch[];
  test(text: string): boolean;
}

// Long inputs are cut: a phrase list never needs more than the first megabyte of a body to decide.
const MAX_SCANNED_CHARS = 1_000_000;

export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  const byKey = new Map<string, string>();
  for (const phrase of phrases) {
    const trimmed = phrase.trim();
    if (trimmed) byKey.set(phraseKey(trimmed), trimmed);
  }
  if (byKey.size === 0) return { find: () => [], test: () => false };
  // longest first, so "100% free" wins over "free" at the same position
  const alternatives = [...byKey.values()].sort((a, b) => b.length - a.length).map(phrasePattern);
  const source = `(?<![\\p{L}\\p{N}_])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}_])`;
  const pattern = new RegExp(source, "giu");
  const find = (text: string, limit = 1000): PhraseMatch[] => {
    const matches: PhraseMatch[] = [];
    for (const match of text.slice(0, MAX_SCANNED_CHARS).matchAll(pattern)) {
      const phrase = byKey.get(phraseKey(match[0]));
      matches.push({ phrase: phrase ?? match[0], text: match[0], index: match.index });
      if (matches.length >= limit) break;
    }
    return matches;
  };
  return { find, test: (text) => find(text, 1).length > 0 };
}

/** The key a phrase and its matches share: lower case, one kind of apostrophe, single spaces. */
export function phraseKey(text: string): string {
  return text.toLowerCase().replace(/[’ʼ`´]/g, "'").replace(/\s+/g, " ");
}

function phrasePattern(phrase: string): string {
  return [...phrase]
    .map((char) => {
      if (/\s/.test(char)) return "\\s+";
      if (/['’ʼ`´]/.test(char)) return "['’ʼ`´]";
      return char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    })
    .join("")
    .replace(/(?:\\s\+)+/g, "\\s+");
}
