import type { MessageRule } from "../types.js";
import { headerLocation } from "../headers/shared/header-location.js";
import { mailKind } from "./shared/mail-kind.js";
import { urlParts } from "../../message/links.js";

// RFC 8058 one-click unsubscribe: List-Unsubscribe must carry an https URI (§3.1) and the message a
// List-Unsubscribe-Post: List-Unsubscribe=One-Click header (§3.2). Gmail and Yahoo require both of bulk
// senders. A missing List-Unsubscribe is missing-list-unsubscribe's finding, not this one's; discussion
// lists (RFC 2369 List-Post) are left out, their list servers own these headers.
const ONE_CLICK = /^list-unsubscribe=one-click$/i;

export const missingOneClickUnsubscribe: MessageRule = {
  id: "missing-one-click-unsubscribe",
  kind: "message",
  check(message, ctx) {
    const header = message.header("list-unsubscribe");
    if (message.kind !== "eml" || !header || mailKind(message, ctx.data) === "discussion-list") return [];
    const uris = [...header.value.matchAll(/<([^<>]{0,2000})>/g)].map((match) => match[1]!.trim());
    if (!uris.some((uri) => urlParts(uri).scheme === "https")) {
      return [
        {
          message: `List-Unsubscribe has no https URL (${uris.length > 0 ? uris.join(", ") : header.value.trim()}), so one-click unsubscribe (RFC 8058) is impossible.`,
          evidence: header.value.trim(),
          location: headerLocation(message, "List-Unsubscribe"),
        },
      ];
    }
    const post = message.header("list-unsubscribe-post");
    if (post && ONE_CLICK.test(post.value.replace(/\s+/g, ""))) return [];
    return [
      post
        ? {
            message: `List-Unsubscribe-Post is "${post.value.trim()}", not "List-Unsubscribe=One-Click" (RFC 8058 §3.2).`,
            evidence: post.value.trim(),
            location: headerLocation(message, "List-Unsubscribe-Post"),
          }
        : {
            message: "List-Unsubscribe has an https URL but the message has no List-Unsubscribe-Post: List-Unsubscribe=One-Click header (RFC 8058).",
            evidence: header.value.trim(),
            location: headerLocation(message, "List-Unsubscribe"),
          },
    ];
  },
};
