// DNS over HTTPS (RFC 8484): the same DNS message, POSTed as application/dns-message.
import type { QueryResult, RecordType, Resolver } from "./resolver.js";
import { DEFAULT_PER_QUERY_TIMEOUT_MS } from "./udp.js";
import { answersQuestion, decodeReply, encodeQuery, isValidDnsName, toQueryResult } from "./wire.js";

const DNS_MESSAGE = "application/dns-message";
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);

export interface DohResolverOptions {
  readonly url: string;
  readonly perQueryTimeoutMs?: number;
  readonly tries?: number;
  /** Tests only: accept http:// on a loopback host. RFC 8484 §5 requires HTTPS for real use. */
  readonly allowPlainHttpOnLoopback?: boolean;
}

/** The DoH endpoint, or an Error saying why the URL is not one. */
export function parseDohUrl(url: string, allowPlainHttpOnLoopback = false): URL | Error {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return new Error(`not a URL: ${url}`);
  }
  if (parsed.protocol === "https:") return parsed;
  if (parsed.protocol === "http:" && allowPlainHttpOnLoopback && LOOPBACK_HOSTS.has(parsed.hostname)) return parsed;
  return new Error(`a DNS-over-HTTPS resolver must be an https:// URL: ${url}`);
}

export function createDohResolver(options: DohResolverOptions): Resolver {
  const endpoint = parseDohUrl(options.url, options.allowPlainHttpOnLoopback);
  if (endpoint instanceof Error) throw endpoint;
  const { perQueryTimeoutMs = DEFAULT_PER_QUERY_TIMEOUT_MS, tries = 2 } = options;
  return {
    async query(name: string, type: RecordType, signal?: AbortSignal): Promise<QueryResult> {
      if (!isValidDnsName(name)) return { rcode: "ERROR", answers: [], reason: `not a valid DNS name: ${name}` };
      let last: QueryResult = { rcode: "TIMEOUT", answers: [], reason: "no try made" };
      for (let attempt = 0; attempt < tries; attempt++) {
        if (signal?.aborted) return { rcode: "TIMEOUT", answers: [], reason: "query aborted" };
        last = await post(endpoint, name, type, perQueryTimeoutMs, signal);
        if (last.rcode !== "TIMEOUT" && last.rcode !== "ERROR") return last;
      }
      return last;
    },
  };
}

async function post(endpoint: URL, name: string, type: RecordType, timeoutMs: number, signal?: AbortSignal): Promise<QueryResult> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": DNS_MESSAGE, accept: DNS_MESSAGE },
      // RFC 8484 §4.1: id 0 for HTTP caching; HTTPS itself ties the answer to the query, the question check is a guard.
      body: encodeQuery(name, type, { id: 0, edns: false }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    if (!response.ok) return { rcode: "ERROR", answers: [], reason: `DoH server answered HTTP ${response.status}` };
    const reply = decodeReply(Buffer.from(await response.arrayBuffer()));
    if (reply === undefined || !answersQuestion(reply, 0, name, type)) {
      return { rcode: "ERROR", answers: [], reason: `DoH server sent a reply that does not answer ${name} ${type}` };
    }
    return toQueryResult(reply, name, type);
  } catch (error) {
    if (signal?.aborted) return { rcode: "TIMEOUT", answers: [], reason: "query aborted" };
    if (timeout.aborted) return { rcode: "TIMEOUT", answers: [], reason: `no DoH reply within ${timeoutMs} ms` };
    return { rcode: "ERROR", answers: [], reason: `DoH request failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
