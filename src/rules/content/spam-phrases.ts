import type { Location } from "../../message/model.js";
import type { RawFinding, MessageRule } from "../types.js";
import type { RuleData } from "../data.js";
import { phraseKey, phraseMatcher, type PhraseMatcher } from "../list-hygiene/shared/phrases.js";
import { readableSegments } from "../list-hygiene/shared/readable-text.js";

// Trigger phrases ("act now", "100% free", "заработок без вложений") are what content filters were built
// on (SpamAssassin's body rules and their 30_text_<lang>.cf descriptions). One such phrase is common in
// honest mail, so the rule fires only when several distinct ones meet (option minPhrases), and then names
// each with where it first appears. Subject and all body text are read, hidden text included: filters read it.
// Variants of one phrase ("risk-free | risk free", "hier klicken | klicken sie hier") count once.
interface SpamPhraseMatcher {
  readonly matcher: PhraseMatcher;
  /** phraseKey of each variant → the entry it belongs to. */
  readonly entryOf: ReadonlyMap<string, string>;
}

const matchers = new WeakMap<RuleData, SpamPhraseMatcher>();

export const spamPhrases: MessageRule = {
  id: "spam-phrases",
  kind: "message",
  check(message, ctx) {
    let spam = matchers.get(ctx.data);
    if (!spam) {
      spam = spamPhraseMatcher(ctx.data);
      matchers.set(ctx.data, spam);
    }
    const found = new Map<string, { text: string; location: Location }>();
    for (const segment of readableSegments(message)) {
      for (const match of spam.matcher.find(segment.text, 100)) {
        const key = spam.entryOf.get(phraseKey(match.phrase)) ?? phraseKey(match.phrase);
        if (!found.has(key)) found.set(key, { text: match.text, location: segment.locate(match.index, match.text.length) });
      }
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

function spamPhraseMatcher(data: RuleData): SpamPhraseMatcher {
  const entryOf = new Map<string, string>();
  const variants: string[] = [];
  for (const entry of data.words().flatMap((words) => words.spamPhrases)) {
    for (const variant of entry.split("|").map((text) => text.trim()).filter(Boolean)) {
      entryOf.set(phraseKey(variant), entry);
      variants.push(variant);
    }
  }
  return { matcher: phraseMatcher(variants), entryOf };
}
