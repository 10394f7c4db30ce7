import type { MessageRule } from "../types.js";
import { headerLocation } from "./shared/header-location.js";

// Replies sent to a personal free-mail box other than the sender is how advance-fee fraud and phishing
// collect answers while the From borrows another name (SpamAssassin FREEMAIL_FORGED_REPLYTO,
// FREEMAIL_REPLYTO); an organisation takes replies on its own domain. A Reply-To that is the From
// address itself says nothing new and is not reported.
export const freemailReplyTo: MessageRule = {
  id: "freemail-reply-to",
  kind: "message",
  check(message, ctx) {
    const from = message.from?.address.toLowerCase();
    const freemail = ctx.data.list("freemail-domains");
    return message.replyTo
      .filter((address) => freemail.has(address.domain) && address.address.toLowerCase() !== from)
      .map((address) => ({
        message: `Replies go to ${address.address}, a mailbox at the free-mail provider ${address.domain}, not to the sender${from ? ` ${from}` : ""}.`,
        evidence: address.address,
        location: headerLocation(message, "Reply-To"),
      }));
  },
};
