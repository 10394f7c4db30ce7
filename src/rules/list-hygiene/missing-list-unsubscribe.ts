import type { MessageRule } from "../types.js";
import { mailKind } from "./shared/mail-kind.js";

// RFC 2369 List-Unsubscribe lets the mailbox show its own unsubscribe button; Gmail and Yahoo require it
// of bulk senders since February 2024. Judged on .eml only (an ESP adds it to templates), and only on mail
// that is bulk: by its headers, its link-heavy HTML, or unsubscribe words in the body. A personal reply
// needs no list header.
export const missingListUnsubscribe: MessageRule = {
  id: "missing-list-unsubscribe",
  kind: "message",
  check(message, ctx) {
    if (message.kind !== "eml" || message.header("list-unsubscribe")) return [];
    if (mailKind(message, ctx.data) !== "bulk") return [];
    return [
      {
        message: "The message has no List-Unsubscribe header, so mailboxes cannot offer their own unsubscribe button.",
        location: { part: "headers" },
      },
    ];
  },
};
