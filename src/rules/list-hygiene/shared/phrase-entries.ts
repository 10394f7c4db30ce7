// Phrase lists whose entries may name variants of one phrase ("risk-free | risk free", "hier klicken |
// klicken sie hier"): one matcher over every variant, and the distinct entries a message's text holds,
// each with the text and place of its first match. spam-phrases and advance-fee count entries, not
// matches, so a sender who repeats one phrase or writes it two ways has still used one phrase.
import type { Location } from "../../../message/model.js";
import type { LanguageWords, RuleData } from "../../data.js";
import { phraseKey, phraseMatcher, type PhraseMatcher, type WordCache } from "./phrases.js";
import type { TextSegment } from "./readable-text.js";

export interface EntryMatcher {
  readonly matcher: PhraseMatcher;
  /** phraseKey of each variant → the entry it belongs to. */
  readonly entryOf: ReadonlyMap<string, string>;
}

export interface EntryMatch {
  /** The text as it appears in the message. */
  readonly text: string;
  readonly location: Location;
}

export function entryMatcher(entries: readonly string[]): EntryMatcher {
  const entryOf = new Map<string, string>();
  const variants: string[] = [];
  for (const entry of entries) {
    for (const variant of entry.split("|").map((text) => text.trim()).filter(Boolean)) {
      entryOf.set(phraseKey(variant), entry);
      variants.push(variant);
    }
  }
  return { matcher: phraseMatcher(variants), entryOf };
}

type EntryList = "spamPhrases" | "advanceFee";
const built = new WeakMap<RuleData, Map<EntryList, EntryMatcher>>();

/** One word-list key over every language, as one entry matcher, built once per rule data. */
export function wordEntryMatcher(data: RuleData, list: EntryList): EntryMatcher {
  let lists = built.get(data);
  if (!lists) built.set(data, (lists = new Map()));
  let matcher = lists.get(list);
  if (!matcher) {
    matcher = entryMatcher(data.words().flatMap((words: LanguageWords) => words[list] ?? []));
    lists.set(list, matcher);
  }
  return matcher;
}

/** The entries found in the segments, by entry, in order of first appearance. */
export function findEntries(segments: readonly TextSegment[], entries: EntryMatcher, cache?: WordCache): Map<string, EntryMatch> {
  const found = new Map<string, EntryMatch>();
  for (const segment of segments) {
    for (const match of entries.matcher.find(segment.text, 100, cache)) {
      const key = entries.entryOf.get(phraseKey(match.phrase)) ?? phraseKey(match.phrase);
      if (!found.has(key)) found.set(key, { text: match.text, location: segment.locate(match.index, match.text.length) });
    }
  }
  return found;
}
