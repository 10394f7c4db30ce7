import { describeLookupSpend, lookupPath } from "../../audit/spf-lookups.js";
import type { DnsRule } from "../types.js";

// RFC 7208 §4.6.4: more than 10 DNS-querying terms across the whole tree is a permerror.
const LIMIT = 10;

export const spfTooManyLookups: DnsRule = {
  id: "spf-too-many-lookups",
  kind: "dns",
  check(facts) {
    const { spf } = facts;
    if (spf.lookupCount <= LIMIT) return [];
    const over = spf.lookups[LIMIT];
    const where = over ? ` The ${LIMIT + 1}th, where receivers stop with permerror, is ${lookupPath(over)}.` : "";
    return [
      {
        message: `SPF for ${spf.domain} needs ${spf.lookupCount} DNS lookups (limit ${LIMIT}): ${describeLookupSpend(spf)}.${where}`,
        evidence: spf.state.status === "found" ? spf.state.record : describeLookupSpend(spf),
      },
    ];
  },
};
