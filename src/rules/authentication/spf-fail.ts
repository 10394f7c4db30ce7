import type { DnsRule } from "../types.js";

// check_host() (RFC 7208 §2.6.4–2.6.5): fail and softfail mean the domain does not authorise the IP.
export const spfFail: DnsRule = {
  id: "spf-fail",
  kind: "dns",
  check(facts) {
    return facts.spf.evaluations
      .filter((evaluation) => evaluation.result === "fail" || evaluation.result === "softfail")
      .map((evaluation) => ({
        message: `SPF ${evaluation.result} for ${evaluation.ip}: ${facts.spf.domain} does not authorise it${evaluation.explanation ? ` (“${evaluation.explanation}”)` : ""}`,
        evidence: evaluation.ip,
      }));
  },
};
