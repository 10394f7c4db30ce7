import type { MessageRule } from "../types.js";
import { headerLocation } from "./shared/header-location.js";

// Bulk-mail software pads a subject with a run of blanks and then a random tag ("Call me
// 16540" with twenty spaces between), so that every copy differs and checksum networks (Razor, Pyzor,
// DCC) cannot match them, while the tag sits out of sight in the inbox. RFC 5322 unfolding leaves one
// blank where a header was folded, and no mail client types a run of them, so the run is the sender's.
const MIN_RUN = 4;
const PADDING = new RegExp(`\\S[\\s\\u00a0\\u3000]{${MIN_RUN},}(?=\\S)`, "u");

export const subjectPadding: MessageRule = {
  id: "subject-padding",
  kind: "message",
  check(message) {
    const subject = message.subject ?? "";
    const match = PADDING.exec(subject);
    if (!match) return [];
    const run = match[0].length - 1;
    const tail = subject.slice(match.index + match[0].length).trim();
    return [
      {
        message: `Subject has a run of ${run} blanks before "${tail.slice(0, 40)}": "${subject.replace(/\s+/gu, " ")}"`,
        evidence: subject,
        location: headerLocation(message, "Subject"),
      },
    ];
  },
};
