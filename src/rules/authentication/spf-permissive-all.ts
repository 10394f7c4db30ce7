import type { DnsRule } from "../types.js";

// "+all" authorises the whole Internet; "?all" and a record without "all" (RFC 7208 §4.7: the
// default result is neutral) authorise nobody, so spoofed mail is not failed.
export const spfPermissiveAll: DnsRule = {
  id: "spf-permissive-all",
  kind: "dns",
  check(facts) {
    const { all, domain } = facts.spf;
    switch (all.qualifier) {
      case "+":
        return [{ message: `SPF for ${domain} ends in "+all" (in ${all.domain}): every host on the Internet passes`, evidence: "+all" }];
      case "?":
        return [{ message: `SPF for ${domain} ends in "?all" (in ${all.domain}): unlisted hosts get neutral, not fail`, evidence: "?all", severity: "warning" }];
      case "none":
        return [{ message: `SPF for ${domain} has no "all" and no redirect: unlisted hosts get neutral (RFC 7208 §4.7)`, severity: "warning" }];
      default:
        return [];
    }
  },
};
