// Opt-out by a reply with a keyword in the subject ("type 'REMOVE' in the subject line"), found with the
// phrases of rules/words/<lang>.json "replyOptOut".
import type { RuleData } from "../../data.js";
import { phraseMatcher, type PhraseMatch, type PhraseMatcher, type WordCache } from "./phrases.js";

const matchers = new WeakMap<RuleData, PhraseMatcher>();
// quotes, asterisks and dashes around the keyword ('REMOVE', *remove*, - remove -, 「削除」) read as
// blanks; an apostrophe or hyphen between letters (nell'oggetto, e-mail) stays
const KEYWORD_MARKS = /["“”„«»*「」『』]|(?<!\p{L})['‘’`-]|['‘’`-](?!\p{L})/gu;

/** The first reply opt-out in text; index and length point into text itself. */
export function findReplyOptOut(text: string, data: RuleData, cache?: WordCache): PhraseMatch | undefined {
  let matcher = matchers.get(data);
  if (!matcher) {
    matcher = phraseMatcher(data.words().flatMap((words) => words.replyOptOut));
    matchers.set(data, matcher);
  }
  // one blank per mark, so indices still point into the original text
  const match = matcher.find(text.replace(KEYWORD_MARKS, " "), 1, cache)[0];
  return match && { ...match, text: text.slice(match.index, match.index + match.text.length) };
}
