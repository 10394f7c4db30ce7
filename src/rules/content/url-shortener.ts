import type { MessageRule } from "../types.js";
import { hostInList } from "../../domain/index.js";

// A shortener hides the destination; filters then judge the shortener's reputation (shared with every
// spammer who uses it) and often blocklist whole shortener domains (SpamAssassin's url_shortener list and __URL_SHORTENER rule).
export const urlShortener: MessageRule = {
  id: "url-shortener",
  kind: "message",
  check(message, ctx) {
    const shorteners = ctx.data.list("shorteners");
    return message.links.flatMap((link) => {
      const shortener = link.host ? hostInList(link.host, shorteners) : undefined;
      if (!shortener) return [];
      return [
        {
          message: `Link goes through the public URL shortener ${shortener}: ${link.href}`,
          evidence: link.href,
          location: link.location,
        },
      ];
    });
  },
};
