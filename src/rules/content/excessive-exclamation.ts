import type { MessageRule } from "../types.js";
import { bodyText, displayedPartAt, locateInBody } from "../list-hygiene/shared/readable-text.js";
import { isConversation } from "../list-hygiene/shared/mail-kind.js";

// A body that shouts ("Act now!!! Don't miss out!!!", or every other sentence ending in "!") is how
// unsolicited offers read, and every mailbox provider's and ESP's advice against spam filters names
// excessive exclamation marks; the subject has its own rule (subject-excessive-punctuation). One
// enthusiastic line is fine, so the rule wants repeated runs of "!!!" (option minRuns) or a share of
// exclamatory sentences (minShare) over a body long enough to judge (minSentences). Replies and
// discussion-list posts are people talking ("ARRGGGHHHH!!!!!"), not a sender's copy, and are not judged.
const RUN = /!{3,}/g;
// each run of marks is tried from its first mark only, so a run of 100,000 "!" not followed by a blank
// costs one pass, not one per mark
const SENTENCE_END = /(?<![.!?])[.!?]+(?=\s|$)/g;
const EXCLAMATION_END = /(?<!!)!+(?=\s|$)/g;
const EVIDENCE_CHARS = 80;

export const excessiveExclamation: MessageRule = {
  id: "excessive-exclamation",
  kind: "message",
  check(message, ctx) {
    if (isConversation(message, ctx.data)) return [];
    const text = bodyText(message).slice(0, 1_000_000);
    const minRuns = Number(ctx.options.minRuns ?? 2);
    const minSentences = Number(ctx.options.minSentences ?? 10);
    const minShare = Number(ctx.options.minShare ?? 0.25);
    const runs = [...text.matchAll(RUN)];
    const exclamatory = text.match(EXCLAMATION_END)?.length ?? 0;
    // sentences only matter to a body with enough exclamations: most bodies are not cut into sentences
    const sentences = exclamatory >= minSentences ? (text.match(SENTENCE_END)?.length ?? 0) : 0;
    const share = sentences > 0 ? exclamatory / sentences : 0;
    const manyRuns = runs.length >= minRuns;
    const shouting = exclamatory >= minSentences && share >= minShare;
    if (!manyRuns && !shouting) return [];
    // the text up to the first run, or to the first exclamatory sentence end
    const end = runs[0] ? runs[0].index + runs[0][0].length : text.search(/!(?=\s|$)/) + 1;
    // from within the part it is in: the text of the part before is another part's
    const partStart = displayedPartAt(message, Math.max(0, end - 1))?.offset ?? 0;
    const evidence = text.slice(Math.max(partStart, end - EVIDENCE_CHARS), end).replace(/\s+/g, " ").trim();
    const why = manyRuns ? `${runs.length} runs of "!!!"` : `${exclamatory} of its ${sentences} sentences end in "!" (${Math.round(share * 100)}%)`;
    return [{ message: `The body shouts: ${why}.`, evidence, location: locateInBody(message, Math.max(0, end - 1)) }];
  },
};
