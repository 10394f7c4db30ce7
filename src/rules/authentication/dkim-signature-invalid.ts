import type { DnsRule } from "../types.js";

// A signature that does not verify (RFC 6376 §6.1) counts as no signature, or worse, as tampering.
// A temperror is not judged here: dns-temperror reports the lookup.
export const dkimSignatureInvalid: DnsRule = {
  id: "dkim-signature-invalid",
  kind: "dns",
  check(facts) {
    return facts.dkim.signatures
      .filter((signature) => signature.result !== "pass" && signature.result !== "temperror")
      .map((signature) => ({
        message: `DKIM-Signature d=${signature.domain} s=${signature.selector} does not verify: ${signature.result}${signature.reason ? ` (${signature.reason})` : ""}`,
        evidence: `d=${signature.domain}; s=${signature.selector}`,
        location: { part: "headers", header: "DKIM-Signature" },
      }));
  },
};
