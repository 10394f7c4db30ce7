import type { MessageRule } from "../types.js";
import { spamPhraseEntries } from "../list-hygiene/shared/spam-phrase-entries.js";

// spam-phrases fires on two distinct trigger phrases, which an honest promotion can reach ("free gift",
// "order now"). Past that, each further phrase is more evidence: filters add up one body rule per phrase,
// and on the SpamAssassin corpus's tuning split no ham holds four distinct ones while a sixth of the spam
// does. This rule weighs the count (option minPhrases) on top of spam-phrases; its finding lists them.
export const spamPhrasesMany: MessageRule = {
  id: "spam-phrases-many",
  kind: "message",
  check(message, ctx) {
    const found = [...spamPhraseEntries(message, ctx.data).values()];
    const minPhrases = Number(ctx.options.minPhrases ?? 4);
    if (found.length < minPhrases) return [];
    const texts = found.map(({ text }) => text.replace(/\s+/gu, " "));
    return [
      {
        message: `${found.length} distinct spam trigger phrases in one message (${texts.map((text) => `"${text}"`).join(", ")}).`,
        evidence: texts.join("; "),
        location: found[0]!.location,
      },
    ];
  },
};
