import type { MessageRule } from "../types.js";
import { headerLocation } from "./shared/header-location.js";
import { isCommercialBulk, mailKind } from "../list-hygiene/shared/mail-kind.js";
import { LETTER } from "../../message/unicode-classes.generated.js";

interface ReplyPrefixes {
  readonly reply: readonly string[];
  readonly forward: readonly string[];
}

// A "Re:" on a message that answers nothing (no In-Reply-To/References, RFC 5322 §3.6.4) is a trick to
// look like an ongoing conversation; filters score it (SpamAssassin FAKE_REPLY_C) and readers feel fooled.
// "Fwd:" is judged only on bulk mail: people forward messages as new mail all the time. Outlook threads by
// Thread-Index instead of References, and discussion lists pass on what their members' clients wrote.
// \p{L} as ranges (src/message/unicode-classes.generated.ts): cheaper to compile in each run
const PREFIX = new RegExp(String.raw`^\s*(?:\[[^\]]{0,80}\]\s*)*([${LETTER}]{1,8})\s?(?:\[\d{1,3}\]|\^\d{1,3}|\(\d{1,3}\))?\s?:`, "u");

export const fakeReplySubject: MessageRule = {
  id: "fake-reply-subject",
  kind: "message",
  check(message, ctx) {
    const subject = message.subject ?? "";
    const match = PREFIX.exec(subject);
    if (!match || message.header("in-reply-to") || message.header("references") || message.header("thread-index")) return [];
    const kind = mailKind(message, ctx.data);
    if (kind === "discussion-list") return [];
    const prefixes = ctx.data.json<ReplyPrefixes>("reply-prefixes");
    const prefix = match[1]!.toLowerCase();
    const isReply = prefixes.reply.includes(prefix);
    const isForward = !isReply && prefixes.forward.includes(prefix) && isCommercialBulk(kind);
    if (!isReply && !isForward) return [];
    const evidence = match[0].trim();
    return [
      {
        message: `Subject starts with "${evidence}" but the message ${isReply ? "replies to" : "forwards"} nothing (no In-Reply-To or References).`,
        evidence,
        location: headerLocation(message, "Subject"),
      },
    ];
  },
};
