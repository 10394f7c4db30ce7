// The one place that knows what a domain is: normalising names and finding the registrable domain
// (public suffix + 1 label) with the Public Suffix List, through tldts (the PSL library mailauth uses).
import { getDomain, getPublicSuffix } from "tldts";
import { isIP } from "node:net";

/** Lower-case, strip one trailing dot and surrounding brackets/space. */
export function normaliseDomain(name: string): string {
  return name.trim().replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
}

/** eTLD+1 of a host name ("news.example.co.uk" → "example.co.uk"); undefined for IPs and bare suffixes. */
export function registrableDomain(host: string): string | undefined {
  const name = normaliseDomain(host);
  if (isIP(name)) return undefined;
  return getDomain(name, { allowPrivateDomains: false }) ?? undefined;
}

export function publicSuffix(host: string): string | undefined {
  return getPublicSuffix(normaliseDomain(host)) ?? undefined;
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
