import type { DnsRule } from "../types.js";

// RFC 5782: a listed sending IP gets mail rejected or junked at most receivers.
export const ipBlocklisted: DnsRule = {
  id: "ip-blocklisted",
  kind: "dns",
  check(facts) {
    return facts.blocklists.ips
      .filter((answer) => answer.status === "listed")
      .map((answer) => ({ message: `${answer.target} is listed on ${answer.zone}: ${answer.meanings.join("; ")} (${answer.codes.join(", ")})`, evidence: answer.target }));
  },
};
