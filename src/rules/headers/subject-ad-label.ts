import type { MessageRule } from "../types.js";
import { headerLocation } from "./shared/header-location.js";

// "ADV:" (or "ADVERT") at the head of a subject was the label some US state laws asked of unsolicited
// advertising before CAN-SPAM (2003) pre-empted them; it survives only in mail that calls itself
// unsolicited, and filters score it (SpamAssassin ENGLISH_UCE_SUBJECT). Labels a law still requires,
// such as South Korea's "(광고)", are another matter and are not matched.
const AD_LABEL = /^[^0-9a-z]{0,10}(adv(?:ert)?)\b/i;

export const subjectAdLabel: MessageRule = {
  id: "subject-ad-label",
  kind: "message",
  check(message) {
    const subject = message.subject ?? "";
    // a list tag ("[ILUG] ADV: …") is added by the list server, not the sender
    const match = AD_LABEL.exec(subject.replace(/^\s*(?:\[[^\]]{0,80}\]\s*)+/, ""));
    if (!match) return [];
    return [
      {
        message: `Subject starts with the unsolicited-advertising label "${match[1]}": "${subject}"`,
        evidence: match[1]!,
        location: headerLocation(message, "Subject"),
      },
    ];
  },
};
