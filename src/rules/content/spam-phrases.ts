import type { RawFinding, MessageRule } from "../types.js";
import { entryMatcher, findEntries, type EntryMatcher } from "../list-hygiene/shared/phrase-entries.js";
import { readableSegments } from "../list-hygiene/shared/readable-text.js";
import type { RuleData } from "../data.js";

// Trigger phrases ("act now", "100% free", "заработок без вложений") are what content filters were built
// on (SpamAssassin's body rules and their 30_text_<lang>.cf descriptions). One such phrase is common in
// honest mail, so the rule fires only when several distinct ones meet (option minPhrases), and then names
// each with where it first appears. Subject and all body text are read, hidden text included: filters read it.
// Variants of one phrase ("risk-free | risk free", "hier klicken | klicken sie hier") count once.
const matchers = new WeakMap<RuleData, EntryMatcher>();

export const spamPhrases: MessageRule = {
  id: "spam-phrases",
  kind: "message",
  check(message, ctx) {
    let spam = matchers.get(ctx.data);
    if (!spam) {
      spam = entryMatcher(ctx.data.words().flatMap((words) => words.spamPhrases));
      matchers.set(ctx.data, spam);
    }
    const found = findEntries(readableSegments(message), spam);
    const minPhrases = Number(ctx.options.minPhrases ?? 2);
    if (found.size < minPhrases) return [];
    const findings: RawFinding[] = [];
    for (const { text, location } of found.values()) {
      findings.push({ message: `Spam trigger phrase "${text}" (one of ${found.size} in this message).`, evidence: text, location });
    }
    return findings;
  },
};
