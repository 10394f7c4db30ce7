import type { MessageRule } from "../types.js";
import { headerLocation } from "./shared/header-location.js";

// Inbox lists cut subjects at roughly 35–45 characters on phones and 60–80 on desktops; past the
// threshold the end of the subject is never read. Counted in graphemes (what a reader sees), so emoji and
// accented letters count once.
export const subjectTooLong: MessageRule = {
  id: "subject-too-long",
  kind: "message",
  check(message, ctx) {
    const subject = (message.subject ?? "").replace(/\s+/g, " ").trim();
    const maxLength = Number(ctx.options.maxLength ?? 78);
    // a cheap upper bound first: graphemes never outnumber UTF-16 code units
    if (subject.length <= maxLength) return [];
    const graphemes = [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(subject.slice(0, 4 * maxLength))];
    if (graphemes.length <= maxLength) return [];
    const length = subject.length > 4 * maxLength ? `over ${4 * maxLength}` : String(graphemes.length);
    const cut = graphemes.slice(0, maxLength).map((piece) => piece.segment).join("");
    return [
      {
        message: `Subject is ${length} characters long; inboxes show about ${maxLength} at most ("${cut}…").`,
        evidence: message.subject!,
        location: headerLocation(message, "Subject"),
      },
    ];
  },
};
