import type { DnsRule } from "../types.js";

// RFC 7208 §4.5: more than one v=spf1 record at a name is a permerror.
export const spfMultipleRecords: DnsRule = {
  id: "spf-multiple-records",
  kind: "dns",
  check(facts) {
    const { state, domain } = facts.spf;
    if (state.status !== "multiple") return [];
    return [{ message: `${state.records.length} SPF records at ${domain}: receivers return permerror`, evidence: state.records.join(" | ") }];
  },
};
