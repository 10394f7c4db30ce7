// DNS blocklists (RFC 5782): IPs reversed under the zone, domains prepended to it. The zones and
// what their return codes mean are data (rules/blocklists.json). An operator's refusal code or a
// failed query makes the answer unknown: it never counts as "not listed".
import { isIP, isIPv6 } from "node:net";
import type { Resolver } from "../dns/resolver.js";
import { isTemporaryFailure } from "../dns/resolver.js";
import type { BlocklistAnswer, BlocklistFacts } from "./facts.js";
import { addresses, expandIpv6 } from "./lookup.js";

export interface BlocklistZone {
  readonly zone: string;
  readonly name: string;
  /** IP lists only: whether the zone answers IPv6 queries (RFC 5782 §2.4). */
  readonly ipv6?: boolean;
  /** Code → meaning; with bitmask, the key is a bit of the last octet. */
  readonly listed: Readonly<Record<string, string>>;
  readonly unknown: Readonly<Record<string, string>>;
  readonly bitmask?: boolean;
  readonly references: readonly string[];
}

export interface BlocklistConfig {
  readonly ip: readonly BlocklistZone[];
  readonly domain: readonly BlocklistZone[];
}

export async function auditBlocklists(
  resolver: Resolver,
  config: BlocklistConfig,
  ips: readonly string[],
  domains: readonly string[],
): Promise<BlocklistFacts> {
  const ipChecks = ips.flatMap((ip) =>
    config.ip.filter((zone) => !isIPv6(ip) || zone.ipv6 === true).map((zone) => check(resolver, zone, ip, `${reversedIp(ip)}.${zone.zone}`)),
  );
  const domainChecks = [...new Set(domains.map((domain) => domain.toLowerCase()))]
    .filter((domain) => !isIP(domain))
    .flatMap((domain) => config.domain.map((zone) => check(resolver, zone, domain, `${domain}.${zone.zone}`)));
  const [ipAnswers, domainAnswers] = await Promise.all([Promise.all(ipChecks), Promise.all(domainChecks)]);
  return { ips: ipAnswers, domains: domainAnswers };
}

/** RFC 5782 §2.1 (IPv4 octets) and §2.4 (IPv6 nibbles), least significant first. */
function reversedIp(ip: string): string {
  if (isIPv6(ip)) return expandIpv6(ip).split("").reverse().join(".");
  return ip.split(".").reverse().join(".");
}

async function check(resolver: Resolver, zone: BlocklistZone, target: string, name: string): Promise<BlocklistAnswer> {
  const base = { target, zone: zone.zone };
  const result = await resolver.query(name, "A");
  if (isTemporaryFailure(result)) return { ...base, status: "unknown", codes: [], meanings: [], reason: `${result.rcode} from the resolver` };
  const codes = addresses(result);
  if (codes.length === 0) return { ...base, status: "not-listed", codes: [], meanings: [] };
  const refusals = codes.map((code) => zone.unknown[code]).filter((meaning): meaning is string => meaning !== undefined);
  if (refusals.length > 0) return { ...base, status: "unknown", codes, meanings: refusals, reason: refusals.join("; ") };
  const meanings = codes.flatMap((code) => listedMeanings(zone, code));
  if (meanings.length === 0) return { ...base, status: "unknown", codes, meanings: [], reason: `unrecognised answer ${codes.join(", ")}` };
  return { ...base, status: "listed", codes, meanings };
}

function listedMeanings(zone: BlocklistZone, code: string): string[] {
  if (!zone.bitmask) return zone.listed[code] !== undefined ? [zone.listed[code]] : [];
  if (!code.startsWith("127.")) return [];
  const lastOctet = Number(code.split(".").at(-1));
  return Object.entries(zone.listed)
    .filter(([bit]) => (lastOctet & Number(bit)) !== 0)
    .map(([, meaning]) => meaning);
}
