import type { MessageRule } from "../types.js";
import { isCommercialBulk, mailKind } from "./shared/mail-kind.js";
import { unsubscribeOffers } from "./shared/unsubscribe.js";

// CAN-SPAM (15 U.S.C. 7704(a)(3)), the EU ePrivacy Directive art. 13 and CASL all require a visible way to
// opt out of commercial mail; readers who find none press "Report spam", the costliest signal there is.
// Judged on templates and on bulk mail only: personal replies and discussion-list posts carry no such link,
// and transactional mail (receipts, password resets) is exempt — switch the rule off for those sends.
export const missingUnsubscribeLink: MessageRule = {
  id: "missing-unsubscribe-link",
  kind: "message",
  check(message, ctx) {
    if (!isCommercialBulk(mailKind(message, ctx.data))) return [];
    if (!message.html && !message.text) return [];
    if (unsubscribeOffers(message, ctx.data).length > 0) return [];
    const part = message.html ? "text/html" : "text/plain";
    return [
      {
        message: `The ${part === "text/html" ? "HTML body" : "text body"} has no visible unsubscribe link (no link, or words next to a link or address, that name unsubscribing).`,
        location: { part },
      },
    ];
  },
};
