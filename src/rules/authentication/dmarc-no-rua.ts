import type { DnsRule } from "../types.js";

// Without rua= no aggregate reports (RFC 9990) come back: you cannot see who sends as you.
export const dmarcNoRua: DnsRule = {
  id: "dmarc-no-rua",
  kind: "dns",
  check(facts) {
    const { state } = facts.dmarc;
    if (state.status !== "found" || state.record.rua.length > 0) return [];
    return [{ message: `DMARC record at _dmarc.${state.policyDomain} has no rua=: no aggregate reports will arrive`, evidence: state.record.text }];
  },
};
