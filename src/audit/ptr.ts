// Reverse DNS of each sending IP and forward-confirmed reverse DNS (FCrDNS): a PTR name whose
// A/AAAA contains the IP. Gmail and Yahoo require it of bulk senders; RFC 8601 §3 "iprev".
import { isIPv6 } from "node:net";
import type { Resolver } from "../dns/resolver.js";
import { isTemporaryFailure } from "../dns/resolver.js";
import type { PtrFacts } from "./facts.js";
import { addresses, expandIpv6, reverseName } from "./lookup.js";

/** RFC 8601 §3 iprev: a receiver checks at most a few names; we follow the same bound. */
const MAX_NAMES_CHECKED = 10;

export async function auditPtr(resolver: Resolver, ip: string): Promise<PtrFacts> {
  const name = reverseName(ip);
  const result = await resolver.query(name, "PTR");
  if (isTemporaryFailure(result)) return { ip, reverseName: name, state: { status: "temperror", rcode: result.rcode }, forwardConfirmed: "unknown" };
  const names = result.answers.filter((answer) => answer.type === "PTR").map((answer) => String(answer.data));
  if (names.length === 0) return { ip, reverseName: name, state: { status: "none" }, forwardConfirmed: "no" };
  const type = isIPv6(ip) ? "AAAA" : "A";
  const forward = await Promise.all(names.slice(0, MAX_NAMES_CHECKED).map((host) => resolver.query(host, type)));
  const confirmed = names.find((_, index) => {
    const answer = forward[index];
    return answer !== undefined && addresses(answer).some((address) => sameAddress(address, ip));
  });
  const forwardConfirmed = confirmed ? "yes" : forward.some(isTemporaryFailure) ? "unknown" : "no";
  return { ip, reverseName: name, state: { status: "found", names }, forwardConfirmed, ...(confirmed ? { confirmedName: confirmed } : {}) };
}

function sameAddress(left: string, right: string): boolean {
  if (isIPv6(left) && isIPv6(right)) return expandIpv6(left) === expandIpv6(right);
  return left === right;
}
