import type { MessageRule } from "../types.js";
import { displayedHost, queryCarriesDomain } from "../../message/links.js";
import { hostInList, registrableDomain, sameOrganisation } from "../../domain/index.js";

// Text that shows one address while the link goes to another is the core phishing trick; filters and
// clients (Thunderbird's scam warning, SpamAssassin's HTTPS_HTTP_MISMATCH family) flag it. Registrable
// domains are compared, so "www.example.com" → https://click.example.com/… is fine.
// Links through a known ESP click-tracking or security-gateway rewriting domain are not reported: the
// sender wrote a matching link and the platform rewrote it, as in nearly all bulk mail; reporting them
// would bury real mismatches (a branded tracking domain is the cure, see unbranded-click-tracking).
// Nor are redirects whose query carries the shown domain (…?destUrl=http://www.buy.com/): the text
// tells the truth about the destination.
export const linkTextMismatch: MessageRule = {
  id: "link-text-mismatch",
  kind: "message",
  check(message, ctx) {
    const trackers = ctx.data.list("click-tracking-domains");
    const gateways = ctx.data.list("link-rewriting-gateways");
    return message.links.flatMap((link) => {
      if ((link.source !== "a" && link.source !== "area") || !link.host) return [];
      const shown = displayedHost(link.text);
      if (!shown || sameOrganisation(shown, link.host) || hostInList(link.host, trackers) || hostInList(link.host, gateways)) return [];
      if (queryCarriesDomain(link.href, registrableDomain(shown) ?? shown)) return [];
      return [
        {
          message: `Link text shows ${shown} but the link goes to ${link.host}: "${link.text}" → ${link.href}`,
          evidence: link.text,
          location: link.location,
        },
      ];
    });
  },
};
