import type { MessageRule } from "../types.js";
import type { Link } from "../../message/model.js";
import { clickableLinks } from "../../message/links.js";

// Every linked domain is checked against URI blocklists (Spamhaus DBL, SURBL, URIBL) and its reputation
// rubs off on the message; many unrelated domains is also a pattern of affiliate spam and hijacked
// accounts. Digest newsletters legitimately link many sites, so this is information, not a warning.
export const tooManyLinkDomains: MessageRule = {
  id: "too-many-link-domains",
  kind: "message",
  check(message, ctx) {
    const maxDomains = Number(ctx.options.maxDomains ?? 15);
    const domains = new Map<string, Link>();
    for (const link of clickableLinks(message)) {
      const domain = link.registrableDomain ?? link.host!;
      if (!domains.has(domain)) domains.set(domain, link);
    }
    if (domains.size <= maxDomains) return [];
    const names = [...domains.keys()];
    const first = [...domains.values()][maxDomains]!;
    return [
      {
        message: `Links go to ${names.length} different domains, more than ${maxDomains}: ${names.join(", ")}`,
        evidence: names.join(", "),
        location: first.location,
      },
    ];
  },
};
