import type { DnsRule } from "../types.js";

// RFC 8301 §3.2: RSA keys under 1024 bits must not be used; 2048 is the recommended minimum
// (and what Gmail and Yahoo ask of bulk senders).
const MINIMUM = 1024;
const RECOMMENDED = 2048;

export const dkimWeakKey: DnsRule = {
  id: "dkim-weak-key",
  kind: "dns",
  check(facts) {
    return facts.dkim.keys
      .filter((key) => key.state.status === "found" && key.keyType === "rsa" && key.bits !== undefined && key.bits < RECOMMENDED)
      .map((key) => ({
        message: `DKIM key ${key.name} is ${key.bits}-bit RSA${(key.bits ?? 0) < MINIMUM ? `: under ${MINIMUM} bits, receivers reject its signatures` : `: under the recommended ${RECOMMENDED} bits`}`,
        evidence: key.name,
        severity: (key.bits ?? 0) < MINIMUM ? "error" : "warning",
      }));
  },
};
