import type { DnsRule } from "../types.js";

// A lookup that timed out or failed (SERVFAIL, REFUSED) leaves the checks that needed it
// undecided; SPEC: reported, never silently dropped. (dns-skipped, for --offline, is emitted by
// the engine, which never runs the audit then; it has no module.)
export const dnsTemperror: DnsRule = {
  id: "dns-temperror",
  kind: "dns",
  check(facts) {
    return facts.dns.temporaryFailures.map((failure) => ({
      message: `DNS lookup ${failure.name} ${failure.type} failed: ${failure.rcode}${failure.reason ? ` (${failure.reason})` : ""}; checks that need it are undecided`,
      evidence: `${failure.name} ${failure.type}`,
    }));
  },
};
