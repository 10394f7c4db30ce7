import type { MessageRule } from "../types.js";
import { headerLocation } from "./shared/header-location.js";
import { mailKind } from "../list-hygiene/shared/mail-kind.js";

// "To: undisclosed-recipients:;" is the empty group (RFC 5322 §3.4) a mail client writes when every
// recipient is in Bcc: the message is addressed to no one, which is how bulk mail sent from a desktop
// client looks and what filters look for (SpamAssassin __TO_UNDISCLOSED). An ESP addresses each copy to
// its reader, which is also what lets it personalise, unsubscribe and handle bounces per recipient.
const EMPTY_GROUP = /^[^:;@<>",]{1,100}:\s*;?\s*$/;
const UNDISCLOSED = /^<?\s*undisclosed[-. ]?recipients?\b/i;

export const undisclosedRecipients: MessageRule = {
  id: "undisclosed-recipients",
  kind: "message",
  check(message, ctx) {
    if (message.kind !== "eml" || mailKind(message, ctx.data) === "discussion-list") return [];
    const to = message.header("to");
    const value = to?.value.trim() ?? "";
    if (!to || !(EMPTY_GROUP.test(value) || UNDISCLOSED.test(value))) return [];
    return [
      {
        message: `The message is addressed to no one ("To: ${value}"): every recipient is in Bcc.`,
        evidence: value,
        location: headerLocation(message, "To"),
      },
    ];
  },
};
