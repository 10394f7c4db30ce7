import type { DnsRule } from "../types.js";

// Gmail and Yahoo require sending IPs to have reverse DNS that resolves back (FCrDNS, RFC 8601 §3 iprev).
export const ptrMissing: DnsRule = {
  id: "ptr-missing",
  kind: "dns",
  check(facts) {
    return facts.ptr
      .filter((entry) => entry.forwardConfirmed === "no")
      .map((entry) => ({
        message:
          entry.state.status === "found"
            ? `${entry.ip} has PTR ${entry.state.names.join(", ")}, but no such name resolves back to ${entry.ip} (no forward-confirmed reverse DNS)`
            : `${entry.ip} has no PTR record (${entry.reverseName})`,
        evidence: entry.ip,
      }));
  },
};
