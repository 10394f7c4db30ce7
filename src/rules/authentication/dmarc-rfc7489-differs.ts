import type { DnsRule } from "../types.js";

// RFC 9989 finds the organisational domain and policy by the DNS tree walk; a receiver still on
// RFC 7489 uses the Public Suffix List. Where they differ, the two kinds of receiver act differently.
export const dmarcRfc7489Differs: DnsRule = {
  id: "dmarc-rfc7489-differs",
  kind: "dns",
  check(facts) {
    const { rfc7489, organizationalDomain, state, fromDomain } = facts.dmarc;
    if (!rfc7489.differs) return [];
    const current = state.status === "found" ? `_dmarc.${state.policyDomain}` : "no record";
    const legacy = rfc7489.policyDomain ? `_dmarc.${rfc7489.policyDomain}` : "no record";
    return [
      {
        message: `For ${fromDomain}, RFC 9989 receivers use ${current} (organisational domain ${organizationalDomain}); RFC 7489 receivers use ${legacy} (PSL organisational domain ${rfc7489.organizationalDomain})`,
        evidence: rfc7489.organizationalDomain,
      },
    ];
  },
};
