import type { RawFinding, MessageRule } from "../types.js";
import { spamPhraseEntries } from "../list-hygiene/shared/spam-phrase-entries.js";

// Trigger phrases ("act now", "100% free", "заработок без вложений") are what content filters were built
// on (SpamAssassin's body rules and their 30_text_<lang>.cf descriptions). One such phrase is common in
// honest mail, so the rule fires only when several distinct ones meet (option minPhrases), and then names
// each with where it first appears. Subject and all body text are read, hidden text included: filters read
// it; so is the HTML as rendered, where inline markup no longer splits a phrase.
// Variants of one phrase ("money back guarantee | money-back guarantee", "sie haben gewonnen | herzlichen
// glückwunsch, sie haben gewonnen") count once.
export const spamPhrases: MessageRule = {
  id: "spam-phrases",
  kind: "message",
  check(message, ctx) {
    const found = spamPhraseEntries(message, ctx.data);
    const minPhrases = Number(ctx.options.minPhrases ?? 2);
    if (found.size < minPhrases) return [];
    const findings: RawFinding[] = [];
    for (const { text, location } of found.values()) {
      findings.push({ message: `Spam trigger phrase "${text}" (one of ${found.size} in this message).`, evidence: text, location });
    }
    return findings;
  },
};
