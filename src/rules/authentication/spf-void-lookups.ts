import type { DnsRule } from "../types.js";

// RFC 7208 §4.6.4: receivers should return permerror after more than 2 void lookups.
const LIMIT = 2;

export const spfVoidLookups: DnsRule = {
  id: "spf-void-lookups",
  kind: "dns",
  check(facts) {
    const voids = facts.spf.voidLookups;
    if (voids.length <= LIMIT) return [];
    const listed = voids.map((lookup) => `${lookup.term} in ${lookup.domain} (${lookup.rcode === "NXDOMAIN" ? "no such name" : "no records"})`);
    return [{ message: `SPF for ${facts.spf.domain} has ${voids.length} void lookups (limit ${LIMIT}): ${listed.join(", ")}`, evidence: voids.map((lookup) => lookup.term).join(" ") }];
  },
};
