import type { MessageRule } from "../types.js";
import { clickableLinks } from "../../message/links.js";

// Link-stuffed mail is a bulk/spam signal (every link is one more URI for blocklists to check) and
// readers drown in it; ordinary newsletters stay well under the default threshold.
export const tooManyLinks: MessageRule = {
  id: "too-many-links",
  kind: "message",
  check(message, ctx) {
    const maxLinks = Number(ctx.options.maxLinks ?? 150);
    const links = clickableLinks(message);
    if (links.length <= maxLinks) return [];
    const first = links[maxLinks]!;
    return [
      {
        message: `The message has ${links.length} links, more than ${maxLinks}; link number ${maxLinks + 1} is ${first.href}`,
        evidence: `${links.length} links`,
        location: first.location,
      },
    ];
  },
};
