import type { MessageRule } from "../types.js";
import { headerLocation } from "./shared/header-location.js";
import { sameOrganisation } from "../../domain/index.js";
import { isCommercialBulk, mailKind } from "../list-hygiene/shared/mail-kind.js";

// Replies that leave the sender's organisation are what phishing does (the From borrows a brand, the
// Reply-To collects answers elsewhere), so filters weigh a cross-domain Reply-To. Legitimate when an ESP
// or help desk takes replies, hence only info, and only for bulk mail (lists and people set Reply-To freely).
export const replyToDomainMismatch: MessageRule = {
  id: "reply-to-domain-mismatch",
  kind: "message",
  check(message, ctx) {
    const from = message.from;
    if (!from?.domain || !isCommercialBulk(mailKind(message, ctx.data))) return [];
    return message.replyTo
      .filter((address) => address.domain && !sameOrganisation(address.domain, from.domain))
      .map((address) => ({
        message: `Reply-To ${address.address} is at another organisation than the From domain ${from.domain}.`,
        evidence: address.address,
        location: headerLocation(message, "Reply-To"),
      }));
  },
};
