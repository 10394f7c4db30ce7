import type { DnsRule } from "../types.js";

// RFC 7208 §5.2 and §6.1: include: or redirect= to a domain with no SPF record is a permerror.
export const spfIncludeMissing: DnsRule = {
  id: "spf-include-missing",
  kind: "dns",
  check(facts) {
    return facts.spf.missingTargets.map((target) => ({
      message: `SPF record of ${target.domain} has "${target.term}" but that domain publishes no SPF record: receivers return permerror`,
      evidence: target.term,
    }));
  },
};
