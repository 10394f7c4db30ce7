import type { MessageRule } from "../types.js";
import { mailKind } from "./shared/mail-kind.js";
import { unsubscribeOffers } from "./shared/unsubscribe.js";

// RFC 2369 List-Unsubscribe lets the mailbox show its own unsubscribe button; Gmail and Yahoo require it
// of bulk senders since February 2024. Judged on .eml only (an ESP adds it to templates), and only on mail
// that is bulk: by its headers, its link-heavy HTML, or an unsubscribe link in the body. A personal reply
// needs no list header.
export const missingListUnsubscribe: MessageRule = {
  id: "missing-list-unsubscribe",
  kind: "message",
  check(message, ctx) {
    if (message.kind !== "eml" || message.header("list-unsubscribe")) return [];
    const kind = mailKind(message);
    const isReply = message.header("in-reply-to") !== undefined || message.header("references") !== undefined;
    const looksBulk = kind === "bulk" || (kind === "personal" && !isReply && unsubscribeOffers(message, ctx.data).length > 0);
    if (!looksBulk) return [];
    return [
      {
        message: "The message has no List-Unsubscribe header, so mailboxes cannot offer their own unsubscribe button.",
        location: { part: "headers" },
      },
    ];
  },
};
