import type { DnsRule } from "../types.js";

// Replies, bounces (RFC 5321 §4.5.5) and abuse@/postmaster@ (RFC 2142) need the domain to take mail;
// receivers distrust senders that cannot be answered.
export const mxMissing: DnsRule = {
  id: "mx-missing",
  kind: "dns",
  check(facts) {
    const { domain, state } = facts.mx;
    switch (state.status) {
      case "none":
        return [{ message: `${domain} has no MX record: replies, bounces and abuse reports go nowhere (only an A-record fallback)` }];
      case "nxdomain":
        return [{ message: `${domain} does not exist in DNS (NXDOMAIN): no MX, and receivers reject mail from it` }];
      case "null":
        return [{ message: `${domain} publishes a null MX (RFC 7505): it accepts no mail, so replies and bounces fail`, evidence: "MX 0 ." }];
      default:
        return [];
    }
  },
};
