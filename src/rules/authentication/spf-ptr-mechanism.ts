import type { DnsRule } from "../types.js";

// RFC 7208 §5.5: "ptr" SHOULD NOT be used: slow, unreliable, and some receivers skip it.
export const spfPtrMechanism: DnsRule = {
  id: "spf-ptr-mechanism",
  kind: "dns",
  check(facts) {
    return facts.spf.ptrTerms.map((ptr) => ({ message: `SPF record of ${ptr.domain} uses "${ptr.term}" (RFC 7208 §5.5: SHOULD NOT be used)`, evidence: ptr.term }));
  },
};
