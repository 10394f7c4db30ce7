import type { DnsRule } from "../types.js";

// RFC 9990 §3 (RFC 7489 §7.1): reports to another organisation's domain are sent only if that
// domain publishes <policy-domain>._report._dmarc.<its-domain> TXT "v=DMARC1".
export const dmarcRuaUnauthorised: DnsRule = {
  id: "dmarc-rua-unauthorised",
  kind: "dns",
  check(facts) {
    const { state } = facts.dmarc;
    if (state.status !== "found") return [];
    return [...state.record.rua.map((uri) => ({ tag: "rua", uri })), ...state.record.ruf.map((uri) => ({ tag: "ruf", uri }))]
      .filter(({ uri }) => uri.authorisation === "unauthorised")
      .map(({ tag, uri }) => ({
        message: `DMARC ${tag}=${uri.uri} is outside ${state.policyDomain} and ${state.policyDomain}._report._dmarc.${uri.domain ?? ""} does not authorise it: reports will not be sent there`,
        evidence: uri.uri,
      }));
  },
};
