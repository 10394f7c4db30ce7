import type { MessageRule, RawFinding } from "../types.js";
import { headerLocation } from "./shared/header-location.js";

// Runs of "!!!", "???", "$$$", "***" and a string of emoji are what spam subjects look like (SpamAssassin
// PLING_QUERY, and the subject scores of every commercial filter); they also read as shouting.
const PATTERNS: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: /[!?¡¿]{3,}/u, what: "a run of exclamation or question marks" },
  { pattern: /[$€£¥₽]{2,}/u, what: "repeated currency signs" },
  { pattern: /([*#%])\1{2,}/u, what: "a run of symbols" },
];
const EMOJI = /\p{Extended_Pictographic}/gu;

export const subjectExcessivePunctuation: MessageRule = {
  id: "subject-excessive-punctuation",
  kind: "message",
  check(message, ctx) {
    const subject = message.subject ?? "";
    const location = headerLocation(message, "Subject");
    const findings: RawFinding[] = [];
    for (const { pattern, what } of PATTERNS) {
      const match = pattern.exec(subject);
      if (match) findings.push({ message: `Subject has ${what} ("${match[0]}"): "${subject}"`, evidence: match[0], location });
    }
    const maxExclamations = Number(ctx.options.maxExclamations ?? 2);
    const exclamations = subject.split("!").length - 1;
    if (exclamations > maxExclamations && !findings.some((finding) => finding.evidence?.includes("!"))) {
      findings.push({ message: `Subject has ${exclamations} exclamation marks: "${subject}"`, evidence: subject, location });
    }
    const maxEmoji = Number(ctx.options.maxEmoji ?? 3);
    const emoji = subject.match(EMOJI) ?? [];
    if (emoji.length > maxEmoji) {
      findings.push({ message: `Subject has ${emoji.length} emoji (more than ${maxEmoji}): "${subject}"`, evidence: emoji.join(""), location });
    }
    return findings;
  },
};
