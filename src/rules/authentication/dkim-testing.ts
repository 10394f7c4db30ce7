import type { DnsRule } from "../types.js";

// RFC 6376 §3.6.1: t=y — the domain is testing DKIM; verifiers may treat its mail as unsigned.
export const dkimTesting: DnsRule = {
  id: "dkim-testing",
  kind: "dns",
  check(facts) {
    return facts.dkim.keys
      .filter((key) => key.state.status === "found" && key.testing)
      .map((key) => ({ message: `DKIM key ${key.name} has t=y (testing): receivers may ignore its signatures`, evidence: key.record ?? key.name }));
  },
};
