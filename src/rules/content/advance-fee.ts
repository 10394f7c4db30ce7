import type { MessageRule } from "../types.js";
import { findEntries, wordEntryMatcher } from "../list-hygiene/shared/phrase-entries.js";
import { readableSegments } from "../list-hygiene/shared/readable-text.js";
import { messageWords } from "../list-hygiene/shared/message-words.js";

// Advance-fee fraud ("419", the "business proposal" from a stranger) is told by its genre, not by one
// phrase: a dead relative or official, a sum in millions of dollars, a foreign account to move it to, a
// share of it for "your assistance", strict confidence and an urgent reply. Each of these is ordinary on
// its own (a bank writes "this transaction", a charity "beneficiaries"), so the rule fires only when
// several distinct ones meet (option minPhrases), as SpamAssassin's ADVANCE_FEE_* metas count many weak
// body tests (20_advance_fee.cf). Phrases are rules/words/<lang>.json "advanceFee"; the subject and all
// body text are read, hidden text included; variants of one phrase count once.
export const advanceFee: MessageRule = {
  id: "advance-fee",
  kind: "message",
  check(message, ctx) {
    const phrases = wordEntryMatcher(ctx.data, "advanceFee");
    const found = [...findEntries(readableSegments(message), phrases, messageWords(message)).values()];
    const minPhrases = Number(ctx.options.minPhrases ?? 4);
    if (found.length < minPhrases) return [];
    const quoted = found.map(({ text }) => `"${text.replace(/\s+/gu, " ")}"`);
    return [
      {
        message: `The mail reads like advance-fee fraud: ${found.length} phrases of the genre meet (${quoted.join(", ")}).`,
        evidence: found.map(({ text }) => text.replace(/\s+/gu, " ")).join("; "),
        location: found[0]!.location,
      },
    ];
  },
};
