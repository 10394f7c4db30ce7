// check_host() for a given sending IP (RFC 7208 §4), by mailauth through our resolver.
// Strict mode: RFC 7208 exactly (void lookup limit, whole-record syntax check), as a careful receiver.
import type { Resolver } from "../dns/resolver.js";
import { toMailauthResolver } from "../dns/mailauth-adapter.js";
import type { SpfEvaluation, SpfResult } from "./facts.js";

const SPF_RESULTS: readonly SpfResult[] = ["pass", "fail", "softfail", "neutral", "none", "permerror", "temperror"];

export async function evaluateSpf(resolver: Resolver, domain: string, ip: string): Promise<SpfEvaluation> {
  const { spf } = await import("mailauth/lib/spf/index.js");
  const checked = await spf({
    ip,
    sender: `postmaster@${domain}`,
    helo: domain,
    mta: "mail-preflight",
    resolver: toMailauthResolver(resolver),
    strict: true,
  });
  const reported = checked.status.result === "temperr" ? "temperror" : checked.status.result;
  const result = SPF_RESULTS.find((known) => known === reported) ?? "permerror";
  return {
    ip,
    result,
    ...(checked.explanation ? { explanation: checked.explanation } : {}),
    ...(checked.lookups ? { lookups: { count: checked.lookups.count, void: checked.lookups.void } } : {}),
  };
}
