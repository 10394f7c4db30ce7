import type { DnsRule } from "../types.js";

// RFC 8058 §4: the DKIM signature must cover List-Unsubscribe and List-Unsubscribe-Post, or a
// receiver will not offer one-click unsubscribe (the headers could have been added on the way).
export const dkimUnsubscribeUnsigned: DnsRule = {
  id: "dkim-unsubscribe-unsigned",
  kind: "dns",
  check(facts) {
    const { listUnsubscribe, signatures } = facts.dkim;
    if (!(listUnsubscribe.header || listUnsubscribe.post) || signatures.length === 0) return [];
    if (signatures.some((signature) => signature.coversListUnsubscribe && signature.coversListUnsubscribePost)) return [];
    const missing = [
      signatures.some((signature) => signature.coversListUnsubscribe) ? "" : "List-Unsubscribe",
      signatures.some((signature) => signature.coversListUnsubscribePost) ? "" : "List-Unsubscribe-Post",
    ].filter(Boolean);
    return [
      {
        message: `No DKIM-Signature h= covers both List-Unsubscribe and List-Unsubscribe-Post (${missing.length > 0 ? `missing: ${missing.join(", ")}` : "not in the same signature"})`,
        evidence: signatures.map((signature) => `h=${signature.signedHeaders.join(":")}`).join(" | "),
        location: { part: "headers", header: "DKIM-Signature" },
      },
    ];
  },
};
