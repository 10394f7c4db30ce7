import type { DnsRule } from "../types.js";

// An include/redirect chain that comes back to a record already on it never ends: receivers stop
// it at the lookup limit with permerror (RFC 7208 §4.6.4).
export const spfIncludeLoop: DnsRule = {
  id: "spf-include-loop",
  kind: "dns",
  check(facts) {
    return facts.spf.loops.map((loop) => ({ message: `SPF include loop from ${facts.spf.domain}: ${loop.join(" → ")}`, evidence: loop.at(-1) ?? "" }));
  },
};
