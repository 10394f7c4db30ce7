// The one place that knows what a domain is: normalising names and finding the registrable domain
// (public suffix + 1 label) with the Public Suffix List, through tldts (the PSL library mailauth uses).
import { getDomain, parse } from "tldts";
import { BlockList, isIP, isIPv4 } from "node:net";

/**
 * node:net's isIP, without trying its IPv6 pattern on a text with no colon (no IPv6 address lacks
 * one). isIP tries that pattern on everything that is not IPv4, and the first try compiles it:
 * about 20 ms of a run from the start-up snapshot (measured under load 10), which keeps no compiled
 * regular expression, for the first link of every message.
 */
export function ipFamily(text: string): 0 | 4 | 6 {
  if (text.includes(":")) return isIP(text) as 0 | 4 | 6;
  return isIPv4(text) ? 4 : 0;
}

/** Lower-case, strip one trailing dot and surrounding brackets/space. */
export function normaliseDomain(name: string): string {
  return name.trim().replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
}

/** eTLD+1 of a host name ("news.example.co.uk" → "example.co.uk"); undefined for IPs and bare suffixes. */
export function registrableDomain(host: string): string | undefined {
  const name = normaliseDomain(host);
  if (ipFamily(name)) return undefined;
  return getDomain(name, { allowPrivateDomains: false }) ?? undefined;
}

/** A name under an ICANN public suffix, with a label of its own ("example.co.uk"; not "node.js", not "co.uk"). */
export function isIcannDomain(host: string): boolean {
  const parsed = parse(normaliseDomain(host), { allowPrivateDomains: false });
  return parsed.isIcann === true && parsed.domain !== null && !parsed.isIp;
}

/** Same registrable domain (DMARC relaxed alignment in RFC 7489 terms; also "same organisation" for links). */
export function sameOrganisation(a: string, b: string): boolean {
  const left = registrableDomain(a) ?? normaliseDomain(a);
  const right = registrableDomain(b) ?? normaliseDomain(b);
  return left === right;
}

/** The domain part of an address ("News <news@Example.com>" → "example.com"). */
export function domainOfAddress(address: string): string | undefined {
  const at = address.lastIndexOf("@");
  if (at === -1) return undefined;
  const domain = normaliseDomain(address.slice(at + 1).replace(/>.*$/, ""));
  return domain || undefined;
}

/** Labels of a host left of its registrable domain ("a.staging.example.co.uk" → ["a", "staging"]). */
export function subdomainLabels(host: string): string[] {
  const name = normaliseDomain(host);
  const domain = registrableDomain(name);
  if (!domain || name === domain) return [];
  return name.slice(0, -(domain.length + 1)).split(".");
}

// Special-purpose address blocks no recipient can reach (IANA registries, RFC 6890).
const SPECIAL_RANGES: readonly [network: string, prefix: number, family: "ipv4" | "ipv6", name: string][] = [
  ["0.0.0.0", 8, "ipv4", "'this network' (RFC 1122)"],
  ["10.0.0.0", 8, "ipv4", "private (RFC 1918)"],
  ["100.64.0.0", 10, "ipv4", "carrier-grade NAT (RFC 6598)"],
  ["127.0.0.0", 8, "ipv4", "loopback (RFC 1122)"],
  ["169.254.0.0", 16, "ipv4", "link-local (RFC 3927)"],
  ["172.16.0.0", 12, "ipv4", "private (RFC 1918)"],
  ["192.0.2.0", 24, "ipv4", "documentation (RFC 5737)"],
  ["192.168.0.0", 16, "ipv4", "private (RFC 1918)"],
  ["198.18.0.0", 15, "ipv4", "benchmarking (RFC 2544)"],
  ["198.51.100.0", 24, "ipv4", "documentation (RFC 5737)"],
  ["203.0.113.0", 24, "ipv4", "documentation (RFC 5737)"],
  ["::", 128, "ipv6", "unspecified (RFC 4291)"],
  ["::1", 128, "ipv6", "loopback (RFC 4291)"],
  ["fc00::", 7, "ipv6", "unique local (RFC 4193)"],
  ["fe80::", 10, "ipv6", "link-local (RFC 4291)"],
  ["2001:db8::", 32, "ipv6", "documentation (RFC 3849)"],
];

// Built on first use, not at load: a BlockList is a native handle, which the CLI's V8 start-up
// snapshot cannot hold (src/cli/snapshot.ts warms up on drafts without an IP-address link).
let specialBlocks: { readonly family: "ipv4" | "ipv6"; readonly name: string; readonly block: BlockList }[] | undefined;
const specialBlocksList = () =>
  (specialBlocks ??= SPECIAL_RANGES.map(([network, prefix, family, name]) => {
    const block = new BlockList();
    block.addSubnet(network, prefix, family);
    return { family, name, block };
  }));

/** The special-purpose block an IP address is in ("private (RFC 1918)"), or undefined for a global address. */
export function specialAddressRange(ip: string): string | undefined {
  const address = normaliseDomain(ip);
  const family = ipFamily(address);
  if (family === 0) return undefined;
  // IPv4-mapped IPv6 (::ffff:a.b.c.d, RFC 4291 §2.5.5.2) reaches the IPv4 address
  const mapped = family === 6 ? ipv4Mapped(address) : undefined;
  const [target, type] = mapped ? [mapped, "ipv4" as const] : [address, family === 4 ? ("ipv4" as const) : ("ipv6" as const)];
  return specialBlocksList().find(({ family: rangeFamily, block }) => rangeFamily === type && block.check(target, type))?.name;
}

function ipv4Mapped(ipv6: string): string | undefined {
  const match = /^::ffff:(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(ipv6);
  if (!match) return undefined;
  if (match[1]) return match[1];
  const high = Number.parseInt(match[2]!, 16);
  const low = Number.parseInt(match[3]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** The entry of a domain list that host is, or is a subdomain of ("www.bit.ly" → "bit.ly"); label-wise, never a substring. */
export function hostInList(host: string, list: ReadonlySet<string>): string | undefined {
  const name = normaliseDomain(host);
  let longest: string | undefined;
  // suffixes from the shortest up, none longer than a DNS name can be (253 octets, RFC 1035 §2.3.4):
  // joining every suffix of a 25,000-label host cost seconds per link
  for (let dot = name.lastIndexOf("."); ; dot = dot === 0 ? -1 : name.lastIndexOf(".", dot - 1)) {
    const candidate = name.slice(dot + 1);
    if (candidate.length > MAX_DOMAIN_LENGTH) break;
    if (list.has(candidate)) longest = candidate;
    if (dot === -1) break;
  }
  return longest;
}

const MAX_DOMAIN_LENGTH = 253;
