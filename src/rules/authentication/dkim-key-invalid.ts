import type { DnsRule } from "../types.js";

// RFC 6376 §3.6.1, RFC 8463: a key record verifiers cannot use (bad tags, unknown k=, bad key data).
export const dkimKeyInvalid: DnsRule = {
  id: "dkim-key-invalid",
  kind: "dns",
  check(facts) {
    return facts.dkim.keys.flatMap((key) =>
      key.state.status === "invalid" ? [{ message: `DKIM key record ${key.name} is unusable: ${key.state.reason}`, evidence: key.record ?? key.name }] : [],
    );
  },
};
