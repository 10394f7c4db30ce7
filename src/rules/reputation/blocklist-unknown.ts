import type { DnsRule } from "../types.js";

// A blocklist that refused the query (127.255.255.254: public resolver; 127.0.0.1 from SURBL) or
// answered a code it does not document says nothing about the target: unknown, never "clean".
// Timeouts are reported by dns-temperror.
export const blocklistUnknown: DnsRule = {
  id: "blocklist-unknown",
  kind: "dns",
  check(facts) {
    return [...facts.blocklists.ips, ...facts.blocklists.domains]
      .filter((answer) => answer.status === "unknown" && answer.codes.length > 0)
      .map((answer) => ({ message: `${answer.zone} gave no verdict on ${answer.target}: ${answer.reason ?? "unrecognised answer"}`, evidence: answer.codes.join(", ") }));
  },
};
