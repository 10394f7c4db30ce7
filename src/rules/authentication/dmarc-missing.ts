import type { DnsRule } from "../types.js";

// RFC 9989 §4.10.1: no record at the From domain nor anywhere up the tree walk. Several records at
// one name are all discarded, which leaves none.
export const dmarcMissing: DnsRule = {
  id: "dmarc-missing",
  kind: "dns",
  check(facts) {
    const { state, fromDomain, walk } = facts.dmarc;
    if (state.status === "multiple") return [{ message: `Several DMARC records at ${state.name}: receivers discard them all, so ${fromDomain} has no policy` }];
    if (state.status !== "none") return [];
    return [{ message: `No DMARC record for ${fromDomain} (asked ${walk.map((query) => `_dmarc.${query.name}`).join(", ")})` }];
  },
};
