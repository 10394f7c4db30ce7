// The DNS client of one run, from the command line's --resolver and --timeout.
import { createBudgetedResolver, type RunResolver } from "./budget.js";
import { createDohResolver, parseDohUrl } from "./doh.js";
import type { Resolver } from "./resolver.js";
import { parseServerAddress, type ServerAddress } from "./server-address.js";
import { createSystemResolver } from "./system.js";
import { createUdpResolver } from "./udp.js";

export type { QueryLogEntry, ResolverStats, RunResolver } from "./budget.js";
export type { DnsRecord, MxRecord, QueryResult, Rcode, RecordType, Resolver } from "./resolver.js";

export interface CreateResolverOptions {
  /** "host[:port]" (IP literal; several joined by commas), an "https://" DoH URL, or undefined for the system's resolvers. */
  readonly resolver?: string;
  /** The whole run's DNS budget (`--timeout`), default 10000 ms. */
  readonly timeoutMs?: number;
  /** How long one try waits for its reply, default 2000 ms. */
  readonly perQueryTimeoutMs?: number;
  readonly tries?: number;
  readonly maxInFlight?: number;
  /** Questions the whole run may send (limits.maxDnsQueries). */
  readonly maxQueries?: number;
  /** Tests only: accept an http:// DoH URL on a loopback host. */
  readonly allowPlainHttpOnLoopback?: boolean;
}

/** A --resolver value that names no usable server; the CLI reports it as a usage error (exit 2). */
export class ResolverSpecError extends Error {
  override readonly name = "ResolverSpecError";
}

export function createResolver(options: CreateResolverOptions = {}): RunResolver {
  return createBudgetedResolver(createUpstream(options), { timeoutMs: options.timeoutMs, maxInFlight: options.maxInFlight, maxQueries: options.maxQueries });
}

function createUpstream(options: CreateResolverOptions): Resolver {
  const { perQueryTimeoutMs, tries } = options;
  const spec = options.resolver?.trim();
  if (!spec) return createSystemResolver({ perQueryTimeoutMs, tries });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    const endpoint = parseDohUrl(spec, options.allowPlainHttpOnLoopback);
    if (endpoint instanceof Error) throw new ResolverSpecError(endpoint.message);
    return createDohResolver({ url: endpoint.href, perQueryTimeoutMs, tries, allowPlainHttpOnLoopback: options.allowPlainHttpOnLoopback });
  }
  return createUdpResolver({ servers: parseServerList(spec), perQueryTimeoutMs, tries });
}

function parseServerList(spec: string): ServerAddress[] {
  return spec.split(",").map((part) => {
    const server = parseServerAddress(part);
    if (server === undefined) {
      throw new ResolverSpecError(`--resolver takes an IP address with an optional port (192.0.2.53:53, [2001:db8::53]:53) or an https:// URL, not "${part.trim()}"`);
    }
    return server;
  });
}
