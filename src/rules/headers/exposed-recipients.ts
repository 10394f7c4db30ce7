import type { MessageRule } from "../types.js";
import { headerLocation } from "./shared/header-location.js";
import { visibleRecipients } from "./shared/recipients.js";
import { isConversation } from "../list-hygiene/shared/mail-kind.js";

// Mail to many people with every address in To or Cc discloses each reader's address to all the others
// (a personal-data breach under GDPR art. 32; the UK ICO has fined senders for it) and hands the list to
// any harvester among them; filters score long recipient lists (SpamAssassin __TO_WAY_TOO_MANY,
// SUSPICIOUS_RECIPS). A campaign goes to each reader alone. Replies and list posts keep their threads'
// recipients, so they are not judged.
export const exposedRecipients: MessageRule = {
  id: "exposed-recipients",
  kind: "message",
  check(message, ctx) {
    if (message.kind !== "eml" || isConversation(message, ctx.data)) return [];
    const maxRecipients = Number(ctx.options.maxRecipients ?? 4);
    const recipients = visibleRecipients(message);
    if (recipients.length <= maxRecipients) return [];
    const shown = recipients.slice(0, 5).join(", ");
    return [
      {
        message: `To and Cc show ${recipients.length} recipients to each other (more than ${maxRecipients}): ${shown}${recipients.length > 5 ? ", …" : ""}`,
        evidence: shown,
        location: headerLocation(message, message.header("to") ? "To" : "Cc"),
      },
    ];
  },
};
