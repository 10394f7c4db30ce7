import type { MessageModel } from "../../message/model.js";
import type { MessageRule } from "../types.js";
import type { RuleData } from "../data.js";
import { readableSegments } from "./shared/readable-text.js";
import { messageWords } from "./shared/message-words.js";
import { isCommercialBulk, mailKind } from "./shared/mail-kind.js";
import { unsubscribeOffers, urlNamesUnsubscribe } from "./shared/unsubscribe.js";
import { findReplyOptOut } from "./shared/reply-opt-out.js";

// "To be removed, reply with REMOVE in the subject line" was the opt-out of 2002's unsolicited mail
// (SpamAssassin EXCUSE_REMOVE, EXCUSE_4). Someone has to act on each reply by hand, mailbox providers
// cannot offer it as their unsubscribe button, and Gmail and Yahoo require a one-click (RFC 8058)
// unsubscribe of bulk senders since February 2024. Fired on bulk mail that offers no web unsubscribe
// (neither in the body nor in List-Unsubscribe) besides the reply.
export const unsubscribeByReply: MessageRule = {
  id: "unsubscribe-by-reply",
  kind: "message",
  check(message, ctx) {
    if (!isCommercialBulk(mailKind(message, ctx.data)) || hasWebUnsubscribe(message, ctx.data)) return [];
    for (const segment of readableSegments(message)) {
      const match = findReplyOptOut(segment.text, ctx.data, messageWords(message));
      if (!match) continue;
      return [
        {
          message: `The only way out offered is a reply with a keyword in the subject ("${match.text}"); there is no unsubscribe link.`,
          evidence: match.text,
          location: segment.locate(match.index, match.text.length),
        },
      ];
    }
    return [];
  },
};

function hasWebUnsubscribe(message: MessageModel, data: RuleData): boolean {
  if (/<\s*https?:/i.test(message.header("list-unsubscribe")?.value ?? "")) return true;
  if (message.links.some((link) => (link.scheme === "http" || link.scheme === "https") && urlNamesUnsubscribe(link.href, data))) return true;
  return unsubscribeOffers(message, data).some((offer) => offer.href !== undefined && /^https?:/i.test(offer.href));
}
