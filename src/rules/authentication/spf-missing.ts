import type { DnsRule } from "../types.js";

// RFC 7208 §2.6.1: with no record the result is "none"; receivers treat the mail as unauthenticated.
export const spfMissing: DnsRule = {
  id: "spf-missing",
  kind: "dns",
  check(facts) {
    if (facts.spf.state.status !== "none") return [];
    return [{ message: `No SPF record (TXT "v=spf1 …") at ${facts.spf.domain}, the envelope domain` }];
  },
};
