import type { DnsRule } from "../types.js";

// p=none asks receivers to do nothing with failing mail: monitoring only, no protection.
export const dmarcPolicyNone: DnsRule = {
  id: "dmarc-policy-none",
  kind: "dns",
  check(facts) {
    const { state, appliedPolicy, fromDomain } = facts.dmarc;
    if (state.status !== "found" || appliedPolicy !== "none") return [];
    const why = state.record.policy === undefined && state.policyDomain === fromDomain ? " (no p= tag: receivers treat it as none)" : "";
    return [{ message: `DMARC policy for ${fromDomain} is none${why}: spoofed mail is delivered, only reported`, evidence: state.record.text }];
  },
};
