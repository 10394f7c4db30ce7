// The DNS side of a run: one resolver (cache, de-duplication, budget) shared by every input, the
// audit of each message's sending domain, and the DNS rules over what it found.
import type { PreflightOptions } from "./preflight.js";
import type { MessageModel } from "./message/model.js";
import type { Finding, LoadedRules, RuleSettings } from "./rules/engine.js";
import type { RunResolver } from "./dns/index.js";
import { UsageError } from "./cli/errors.js";
import { domainOfAddress } from "./domain/index.js";

export interface DnsOutcome {
  readonly findings: readonly Finding[];
  readonly checks: Readonly<Record<string, unknown>>;
}

export interface DnsSubject {
  /** The domain to audit; undefined when the message has no usable From and no --domain was given. */
  readonly domain?: string;
  readonly message?: MessageModel;
  readonly raw?: Uint8Array;
}

/** Link domains checked on the domain blocklists, at most this many per message. */
const MAX_LINK_DOMAINS = 50;

export interface DnsChecker {
  check(subject: DnsSubject, rules: LoadedRules, settings: RuleSettings): Promise<DnsOutcome>;
  readonly resolver?: RunResolver;
}

export async function createDnsChecker(options: PreflightOptions): Promise<DnsChecker> {
  const { stamp, runDnsRules } = await import("./rules/engine.js");
  const skipped = (reason: string, rules: LoadedRules, settings: RuleSettings): DnsOutcome => {
    const ids = rules.dns.map((rule) => rule.id);
    if (ids.length === 0) return { findings: [], checks: {} };
    return {
      findings: stamp(
        "dns-skipped",
        [{ message: `DNS checks skipped (${reason}): ${ids.length} authentication, DNS and reputation rules did not run`, evidence: ids.join(" ") }],
        settings,
      ),
      checks: {},
    };
  };
  if (options.offline) return { check: async (_subject, rules, settings) => skipped("--offline", rules, settings) };

  const [{ createResolver, ResolverSpecError }, { runAudit }] = await Promise.all([import("./dns/index.js"), import("./audit/index.js")]);
  let resolver: RunResolver;
  try {
    resolver = createResolver({
      ...(options.resolver !== undefined ? { resolver: options.resolver } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.limits?.maxDnsQueries !== undefined ? { maxQueries: options.limits.maxDnsQueries } : {}),
    });
  } catch (error) {
    if (error instanceof ResolverSpecError) throw new UsageError(`--resolver: ${error.message}`);
    throw error;
  }
  return {
    resolver,
    async check(subject, rules, settings) {
      if (rules.dns.length === 0) return { findings: [], checks: {} };
      if (!subject.domain) return skipped("no sending domain: the message has no From address; give --domain", rules, settings);
      const { message } = subject;
      const envelope = options.returnPath ?? message?.header("return-path")?.value;
      const envelopeDomain = envelope ? domainOfAddress(envelope) : undefined;
      const linkDomains = [...new Set((message?.links ?? []).map((link) => link.registrableDomain).filter((domain) => domain !== undefined))]
        .filter((domain) => domain !== subject.domain)
        .slice(0, MAX_LINK_DOMAINS);
      const facts = await runAudit({
        domain: subject.domain,
        ...(message?.from?.domain ? { fromDomain: message.from.domain } : {}),
        ...(envelopeDomain ? { envelopeDomain } : {}),
        ...(options.ips ? { ips: options.ips } : {}),
        ...(options.dkimSelectors ? { dkimSelectors: options.dkimSelectors } : {}),
        ...(message && subject.raw ? { message: { raw: subject.raw, headers: message.headers.map(({ key, value }) => ({ key, value })) } } : {}),
        linkDomains,
        resolver,
      });
      return { findings: runDnsRules(facts, rules, message), checks: facts as unknown as Record<string, unknown> };
    },
  };
}
