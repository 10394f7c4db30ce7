import type { DnsRule } from "../types.js";

// RFC 9989 §4.7: tag values outside their grammar; receivers ignore the bad tag or the record.
export const dmarcSyntax: DnsRule = {
  id: "dmarc-syntax",
  kind: "dns",
  check(facts) {
    const { state } = facts.dmarc;
    if (state.status !== "found") return [];
    return state.record.syntaxErrors.map((error) => ({ message: `DMARC record at _dmarc.${state.policyDomain}: ${error.message}`, evidence: state.record.text }));
  },
};
