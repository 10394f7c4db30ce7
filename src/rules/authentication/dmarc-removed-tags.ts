import type { DnsRule } from "../types.js";

// RFC 9989 removed pct, rf and ri (§A.6); receivers still on RFC 7489 read them.
export const dmarcRemovedTags: DnsRule = {
  id: "dmarc-removed-tags",
  kind: "dns",
  check(facts) {
    const { state } = facts.dmarc;
    if (state.status !== "found") return [];
    return state.record.removedTags.map((tag) => ({
      message: `DMARC record at _dmarc.${state.policyDomain} uses ${tag.tag}=${tag.value}, removed by RFC 9989 (RFC 7489 receivers still read it)`,
      evidence: `${tag.tag}=${tag.value}`,
    }));
  },
};
