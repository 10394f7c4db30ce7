// The authentication/DNS audit of a sending domain (and a message, when there is one).
// Independent lookups run together, so a full audit takes as many round trips as its longest
// dependency chain (an SPF include chain, PTR → forward lookup), not as many as it has lookups.
import type { Resolver } from "../dns/resolver.js";
import { loadRuleData } from "../rules/data.js";
import type { AuthFacts } from "./facts.js";
import { auditAlignment } from "./alignment.js";
import { auditBlocklists } from "./blocklist.js";
import type { BlocklistConfig } from "./blocklist.js";
import { auditDkim } from "./dkim.js";
import type { AuditMessage } from "./dkim.js";
import { auditDmarc, organizationalDomain } from "./dmarc.js";
import { recordingResolver } from "./lookup.js";
import { auditAddress, auditMx } from "./mx.js";
import { auditPtr } from "./ptr.js";
import { computeRequirements } from "./requirements.js";
import { auditSpf } from "./spf.js";

export type { AuditMessage } from "./dkim.js";
export type { BlocklistConfig, BlocklistZone } from "./blocklist.js";
export type { AuthFacts } from "./facts.js";

export interface AuditOptions {
  /** The sending domain: DKIM keys, MX, A/AAAA and the domain blocklists are looked up for it. */
  readonly domain: string;
  /** Return-Path / --return-path domain (SPF is checked for it); default: fromDomain. */
  readonly envelopeDomain?: string;
  /** The From header's domain (DMARC is discovered for it); default: domain. */
  readonly fromDomain?: string;
  /** --ip: SPF check_host, PTR/FCrDNS and IP blocklists run for each. */
  readonly ips?: readonly string[];
  /** --dkim-selector; empty: the message's DKIM-Signature selectors, else a probe. */
  readonly dkimSelectors?: readonly string[];
  readonly message?: AuditMessage;
  /** Registrable domains of the message's links, checked on the domain blocklists. */
  readonly linkDomains?: readonly string[];
  readonly resolver: Resolver;
  /** Default: rules/blocklists.json. */
  readonly blocklists?: BlocklistConfig;
}

export async function runAudit(options: AuditOptions): Promise<AuthFacts> {
  const resolver = recordingResolver(options.resolver);
  const domain = normalise(options.domain);
  const fromDomain = normalise(options.fromDomain ?? domain);
  const envelopeDomain = normalise(options.envelopeDomain ?? fromDomain);
  const ips = options.ips ?? [];
  const organizational = memoised((name: string) => organizationalDomain(resolver, name));
  void organizational(envelopeDomain).catch(() => undefined); // warm: alignment needs it once DMARC is known
  const blocklists = options.blocklists ?? loadRuleData().json<BlocklistConfig>("blocklists");

  const [spf, dkim, dmarc, mx, address, ptr, blocklistFacts] = await Promise.all([
    auditSpf(resolver, envelopeDomain, ips),
    auditDkim(resolver, domain, options.dkimSelectors ?? [], options.message),
    auditDmarc(resolver, fromDomain),
    auditMx(resolver, domain),
    auditAddress(resolver, domain),
    Promise.all(ips.map((ip) => auditPtr(resolver, ip))),
    auditBlocklists(resolver, blocklists, ips, [domain, ...(options.linkDomains ?? [])]),
  ]);
  const alignment = await auditAlignment({ fromDomain, envelopeDomain, spf, dkim, dmarc, organizationalDomain: organizational });
  const facts = { domain, fromDomain, envelopeDomain, ips, spf, dkim, dmarc, alignment, mx, address, ptr, blocklists: blocklistFacts };
  const requirements = computeRequirements({ ...facts, dns: resolver.usage() }, options.message);
  return { ...facts, requirements, dns: resolver.usage() };
}

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}

function memoised(lookup: (name: string) => Promise<string>): (name: string) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  return (name) => {
    const key = normalise(name);
    let pending = cache.get(key);
    if (!pending) {
      pending = lookup(key);
      cache.set(key, pending);
    }
    return pending;
  };
}
