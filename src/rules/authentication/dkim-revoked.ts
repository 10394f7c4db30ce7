import type { DnsRule } from "../types.js";

// RFC 6376 §3.6.1: an empty p= means the key was revoked; signatures made with it fail.
export const dkimRevoked: DnsRule = {
  id: "dkim-revoked",
  kind: "dns",
  check(facts) {
    return facts.dkim.keys
      .filter((key) => key.state.status === "revoked")
      .map((key) => ({ message: `DKIM key ${key.name} is revoked (empty p=)${facts.dkim.selectorSource === "signature" ? ": the message is signed with it" : ""}`, evidence: key.record ?? key.name }));
  },
};
