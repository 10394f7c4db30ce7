import type { DnsRule } from "../types.js";

// RFC 9989 §4.7: t=y asks receivers to apply one level less than p= (reject → quarantine, quarantine → none).
export const dmarcTesting: DnsRule = {
  id: "dmarc-testing",
  kind: "dns",
  check(facts) {
    const { state } = facts.dmarc;
    if (state.status !== "found" || !state.record.testing) return [];
    return [{ message: `DMARC record at _dmarc.${state.policyDomain} has t=y: receivers apply a policy one step weaker than p=${state.record.policy ?? "none"}`, evidence: "t=y" }];
  },
};
