import type { MessageModel } from "../../message/model.js";
import type { MessageRule } from "../types.js";
import { headerLocation } from "./shared/header-location.js";
import { visibleRecipients } from "./shared/recipients.js";
import { isCommercialBulk, isConversation, mailKind } from "../list-hygiene/shared/mail-kind.js";

// Bulk mail From a free-mail address cannot pass DMARC: the provider's domain publishes the policy, and
// mail it did not send itself fails alignment (Yahoo and AOL have published p=reject since 2014, so
// receivers refuse it outright), while Gmail and Yahoo require bulk senders to align DMARC with their own
// domain since February 2024. Filters also weigh free-mail senders of commercial mail (SpamAssassin
// FREEMAIL_FROM). Personal mail from a free-mail account sent through that provider is fine, so only
// mailings are judged: templates and bulk mail (mail-kind.ts), and a message that is neither a reply nor
// a list post but has a mailing's shape that a person writing to someone does not give it: HTML with no
// plain-text alternative (mail clients and webmail always add one; mass-mailing programs did not), or
// recipients that are hidden (no one in To or Cc, or only the sender: the Bcc blast of a desktop client)
// or many.
const MAX_RECIPIENTS = 4;

export const freemailSender: MessageRule = {
  id: "freemail-sender",
  kind: "message",
  check(message, ctx) {
    const from = message.from;
    if (!from?.domain || !ctx.data.list("freemail-domains").has(from.domain)) return [];
    const bulk = isCommercialBulk(mailKind(message, ctx.data));
    const shape = bulk || isConversation(message, ctx.data) ? undefined : mailingShape(message, from.address);
    if (!bulk && shape === undefined) return [];
    return [
      {
        message: `${bulk ? "Bulk mail" : `A mailing (${shape})`} From ${from.address}, an address at the free-mail provider ${from.domain}, which cannot be DMARC-aligned for mail sent from elsewhere.`,
        evidence: from.address,
        location: headerLocation(message, "From"),
      },
    ];
  },
};

/** What makes a message that is no reply look sent to many rather than written to one, if anything. */
function mailingShape(message: MessageModel, fromAddress: string): string | undefined {
  if (message.kind !== "eml") return undefined;
  if (message.html && !message.mime.some((part) => part.contentType === "text/plain" && part.disposition !== "attachment")) {
    return "HTML with no plain-text alternative";
  }
  const recipients = visibleRecipients(message);
  if (recipients.length === 0) return "no recipient in To or Cc";
  if (recipients.length === 1 && recipients[0] === fromAddress.toLowerCase()) return "addressed to its own sender";
  if (recipients.length > MAX_RECIPIENTS) return `${recipients.length} recipients in To and Cc`;
  return undefined;
}
