import type { RawFinding, MessageRule } from "../types.js";
import type { MessageModel } from "../../message/model.js";
import { findEntries, wordEntryMatcher } from "../list-hygiene/shared/phrase-entries.js";
import { readableSegments, type TextSegment } from "../list-hygiene/shared/readable-text.js";
import { messageWords } from "../list-hygiene/shared/message-words.js";

// Trigger phrases ("act now", "100% free", "заработок без вложений") are what content filters were built
// on (SpamAssassin's body rules and their 30_text_<lang>.cf descriptions). One such phrase is common in
// honest mail, so the rule fires only when several distinct ones meet (option minPhrases), and then names
// each with where it first appears. Subject and all body text are read, hidden text included: filters read it.
// Variants of one phrase ("risk-free | risk free", "hier klicken | klicken sie hier") count once.
export const spamPhrases: MessageRule = {
  id: "spam-phrases",
  kind: "message",
  check(message, ctx) {
    const spam = wordEntryMatcher(ctx.data, "spamPhrases");
    const words = messageWords(message);
    const found = findEntries(readableSegments(message), spam, words);
    // A phrase split by inline markup ("<b>Lose</b> weight", "<font>act</font> now") is two text nodes but
    // one phrase on screen, and SpamAssassin's body rules read the rendered text. The HTML's visible text is
    // read too, for entries no text node holds whole; it keeps no offsets, so those name only the part.
    const rendered = renderedSegment(message);
    if (rendered) {
      for (const [entry, match] of findEntries([rendered], spam, words)) if (!found.has(entry)) found.set(entry, match);
    }
    const minPhrases = Number(ctx.options.minPhrases ?? 2);
    if (found.size < minPhrases) return [];
    const findings: RawFinding[] = [];
    for (const { text, location } of found.values()) {
      findings.push({ message: `Spam trigger phrase "${text}" (one of ${found.size} in this message).`, evidence: text, location });
    }
    return findings;
  },
};

function renderedSegment(message: MessageModel): TextSegment | undefined {
  const text = message.htmlBody?.visibleText;
  return text ? { text, locate: () => ({ part: "text/html" }) } : undefined;
}
