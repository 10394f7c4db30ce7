// The audits' view of the resolver: it counts the questions asked and keeps every temporary
// failure, so each timeout or SERVFAIL becomes a dns-temperror finding instead of a silent "none".
import { isTemporaryFailure } from "../dns/resolver.js";
import type { QueryResult, RecordType, Resolver } from "../dns/resolver.js";
import type { DnsUsage, TemporaryFailure } from "./facts.js";

export interface RecordingResolver extends Resolver {
  usage(): DnsUsage;
}

export function recordingResolver(inner: Resolver): RecordingResolver {
  let queries = 0;
  const failures = new Map<string, TemporaryFailure>();
  return {
    async query(name: string, type: RecordType, signal?: AbortSignal): Promise<QueryResult> {
      queries += 1;
      const result = await inner.query(name, type, signal);
      if (isTemporaryFailure(result)) {
        const failure: TemporaryFailure = { name, type, rcode: result.rcode, ...(result.reason ? { reason: result.reason } : {}) };
        failures.set(`${name.toLowerCase()} ${type}`, failure);
      }
      return result;
    },
    usage() {
      return { queries, temporaryFailures: [...failures.values()] };
    },
  };
}

/** TXT strings of a name, each record's character-strings joined with no space (RFC 7208 §3.3). */
export function txtStrings(result: QueryResult): string[] {
  return result.answers.filter((answer) => answer.type === "TXT").map((answer) => String(answer.data));
}

/** Addresses of an A/AAAA answer. */
export function addresses(result: QueryResult): string[] {
  return result.answers.filter((answer) => answer.type === "A" || answer.type === "AAAA").map((answer) => String(answer.data));
}

/** The reverse-DNS name of an IPv4 or IPv6 address (RFC 1035 §3.5, RFC 3596 §2.5). */
export function reverseName(ip: string): string {
  if (ip.includes(":")) return `${expandIpv6(ip).split("").reverse().join(".")}.ip6.arpa`;
  return `${ip.split(".").reverse().join(".")}.in-addr.arpa`;
}

/** The 32 hex nibbles of an IPv6 address ("2001:db8::1" → "20010db8000…0001"). */
export function expandIpv6(ip: string): string {
  let text = ip.toLowerCase();
  // An embedded IPv4 tail (::ffff:192.0.2.1) is two groups.
  const embedded = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (embedded) text = text.slice(0, -embedded.length) + ipv4ToGroups(embedded).join(":");
  const [head = "", tail] = text.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill("0");
  return [...headGroups, ...zeros, ...tailGroups].map((group) => group.padStart(4, "0")).join("");
}

function ipv4ToGroups(ipv4: string): string[] {
  const [a = 0, b = 0, c = 0, d = 0] = ipv4.split(".").map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
