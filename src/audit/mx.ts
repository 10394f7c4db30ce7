// MX of the sending domain (replies, bounces, abuse@ and postmaster@ need somewhere to go) and
// its A/AAAA (a domain with no website looks like a throwaway to filters and to people).
import type { MxRecord, Resolver } from "../dns/resolver.js";
import { isTemporaryFailure } from "../dns/resolver.js";
import type { AddressState, MxState } from "./facts.js";
import { addresses } from "./lookup.js";

export async function auditMx(resolver: Resolver, domain: string): Promise<{ domain: string; state: MxState }> {
  const result = await resolver.query(domain, "MX");
  if (isTemporaryFailure(result)) return { domain, state: { status: "temperror", rcode: result.rcode } };
  if (result.rcode === "NXDOMAIN") return { domain, state: { status: "nxdomain" } };
  const records = result.answers
    .map((answer) => answer.data)
    .filter((data): data is MxRecord => typeof data === "object")
    .sort((left, right) => left.preference - right.preference);
  if (records.length === 0) return { domain, state: { status: "none" } };
  // RFC 7505 §3: a single MX of "." (preference 0) says the domain accepts no mail.
  if (records.length === 1 && (records[0]?.exchange === "" || records[0]?.exchange === ".")) return { domain, state: { status: "null" } };
  return { domain, state: { status: "found", records } };
}

export async function auditAddress(resolver: Resolver, domain: string): Promise<{ domain: string; state: AddressState }> {
  const [ipv4, ipv6] = await Promise.all([resolver.query(domain, "A"), resolver.query(domain, "AAAA")]);
  const found = { ipv4: addresses(ipv4), ipv6: addresses(ipv6) };
  if (found.ipv4.length > 0 || found.ipv6.length > 0) return { domain, state: { status: "found", ...found } };
  if (isTemporaryFailure(ipv4) || isTemporaryFailure(ipv6)) return { domain, state: { status: "temperror" } };
  return { domain, state: { status: "none" } };
}
