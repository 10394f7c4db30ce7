import type { DnsRule } from "../types.js";

// A listed sending or link domain marks the message as spam wherever it appears (URIBL/DBL checks).
export const domainBlocklisted: DnsRule = {
  id: "domain-blocklisted",
  kind: "dns",
  check(facts) {
    return facts.blocklists.domains
      .filter((answer) => answer.status === "listed")
      .map((answer) => ({
        message: `${answer.target}${answer.target === facts.domain ? " (the sending domain)" : " (a link domain)"} is listed on ${answer.zone}: ${answer.meanings.join("; ")}`,
        evidence: answer.target,
      }));
  },
};
