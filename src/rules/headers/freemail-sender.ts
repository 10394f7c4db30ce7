import type { MessageRule } from "../types.js";
import { headerLocation } from "./shared/header-location.js";
import { isCommercialBulk, mailKind } from "../list-hygiene/shared/mail-kind.js";

// Bulk mail From a free-mail address cannot pass DMARC: the provider's domain publishes the policy, and
// mail it did not send itself fails alignment (Yahoo and AOL have published p=reject since 2014, so
// receivers refuse it outright), while Gmail and Yahoo require bulk senders to align DMARC with their own
// domain since February 2024. Filters also weigh free-mail senders of commercial mail (SpamAssassin
// FREEMAIL_FROM). Personal mail from a free-mail account sent through that provider is fine, so only
// templates and bulk mail are judged.
export const freemailSender: MessageRule = {
  id: "freemail-sender",
  kind: "message",
  check(message, ctx) {
    const from = message.from;
    if (!from?.domain || !isCommercialBulk(mailKind(message, ctx.data))) return [];
    if (!ctx.data.list("freemail-domains").has(from.domain)) return [];
    return [
      {
        message: `Bulk mail From ${from.address}, an address at the free-mail provider ${from.domain}, which cannot be DMARC-aligned for mail sent from elsewhere.`,
        evidence: from.address,
        location: headerLocation(message, "From"),
      },
    ];
  },
};
