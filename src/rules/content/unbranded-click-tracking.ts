import type { MessageRule } from "../types.js";
import { hostInList } from "../../domain/index.js";

// Links through an ESP's shared click-tracking domain (us4.list-manage.com, u123.ct.sendgrid.net)
// share that domain's reputation with every other sender on the platform, do not align with the From
// domain, and make link text and target disagree. Every major ESP offers a branded tracking domain
// (a CNAME under your own domain); deliverability guides recommend it. One finding per tracking domain.
export const unbrandedClickTracking: MessageRule = {
  id: "unbranded-click-tracking",
  kind: "message",
  check(message, ctx) {
    const trackers = ctx.data.list("click-tracking-domains");
    const seen = new Set<string>();
    return message.links.flatMap((link) => {
      if ((link.source !== "a" && link.source !== "area") || !link.host) return [];
      const tracker = hostInList(link.host, trackers);
      if (!tracker || seen.has(tracker)) return [];
      seen.add(tracker);
      return [
        {
          message: `Links go through the shared click-tracking domain ${tracker}, not a branded one on your domain: ${link.href}`,
          evidence: link.href,
          location: link.location,
        },
      ];
    });
  },
};
