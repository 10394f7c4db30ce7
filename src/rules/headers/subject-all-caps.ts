import type { MessageRule } from "../types.js";

// Shouting subjects are a classic spam signal (SpamAssassin SUBJ_ALL_CAPS); readers find them pushy too.
export const subjectAllCaps: MessageRule = {
  id: "subject-all-caps",
  kind: "message",
  check(message, ctx) {
    const subject = message.subject ?? "";
    const letters = [...subject].filter((char) => char.toLowerCase() !== char.toUpperCase());
    const minLetters = Number(ctx.options.minLetters ?? 8);
    const maxRatio = Number(ctx.options.maxCapitalRatio ?? 0.7);
    if (letters.length < minLetters) return [];
    const capitals = letters.filter((char) => char === char.toUpperCase() && char !== char.toLowerCase()).length;
    const ratio = capitals / letters.length;
    if (ratio < maxRatio) return [];
    return [
      {
        message: `Subject is ${Math.round(ratio * 100)}% capital letters: "${subject}"`,
        evidence: subject,
        location: { header: "Subject", ...(message.header("subject")?.line ? { line: message.header("subject")!.line } : {}) },
      },
    ];
  },
};
