// The distinct spam phrases (rules/words/<lang>.json "spamPhrases") a message holds, found once for the
// two rules that read them: spam-phrases names each, spam-phrases-many weighs how many there are.
import type { MessageModel } from "../../../message/model.js";
import type { RuleData } from "../../data.js";
import { findEntries, wordEntryMatcher, type EntryMatch } from "./phrase-entries.js";
import { readableSegments, type TextSegment } from "./readable-text.js";
import { messageWords } from "./message-words.js";

const foundOf = new WeakMap<MessageModel, { readonly data: RuleData; readonly found: ReadonlyMap<string, EntryMatch> }>();

/** Entry → its first match, in order of appearance: the subject, then the text nodes and text parts, then the rendered HTML. */
export function spamPhraseEntries(message: MessageModel, data: RuleData): ReadonlyMap<string, EntryMatch> {
  const cached = foundOf.get(message);
  if (cached?.data === data) return cached.found;
  const spam = wordEntryMatcher(data, "spamPhrases");
  const words = messageWords(message);
  const found = findEntries(readableSegments(message), spam, words);
  // A phrase split by inline markup ("<b>Lose</b> weight", "<font>act</font> now") is two text nodes but
  // one phrase on screen, and SpamAssassin's body rules read the rendered text. The HTML's visible text is
  // read too, for entries no text node holds whole; it keeps no offsets, so those name only the part.
  const rendered = renderedSegment(message);
  if (rendered) {
    for (const [entry, match] of findEntries([rendered], spam, words)) if (!found.has(entry)) found.set(entry, match);
  }
  foundOf.set(message, { data, found });
  return found;
}

function renderedSegment(message: MessageModel): TextSegment | undefined {
  const text = message.htmlBody?.visibleText;
  return text ? { text, locate: () => ({ part: "text/html" }) } : undefined;
}
