// DMARC audit to RFC 9989: policy discovery and the organisational domain by the DNS tree walk
// (§4.10), external report authorisation (RFC 9990 §3), and what an RFC 7489 receiver — which
// takes the organisational domain from the Public Suffix List — would use instead.
import type { Resolver } from "../dns/resolver.js";
import { isTemporaryFailure } from "../dns/resolver.js";
import { registrableDomain } from "../domain/index.js";
import type { DmarcFacts, DmarcPolicy, DmarcQuery, DmarcRecord, DmarcReportUri, DmarcState } from "./facts.js";
import { isDmarcRecord, parseDmarc } from "./dmarc-record.js";
import type { ReportUriDraft } from "./dmarc-record.js";
import { txtStrings } from "./lookup.js";

/** RFC 9989 §4.10.1: the domain itself, then at most 7 labels, then one label fewer each step
 *  down to the top-level label — at most 8 queries. */
export function treeWalkNames(domain: string): string[] {
  const labels = domain.toLowerCase().replace(/\.$/, "").split(".");
  const names = [labels.join(".")];
  for (let count = Math.min(labels.length - 1, 7); count >= 1; count -= 1) names.push(labels.slice(-count).join("."));
  return names;
}

async function queryDmarc(resolver: Resolver, name: string): Promise<DmarcQuery> {
  const result = await resolver.query(`_dmarc.${name}`, "TXT");
  if (isTemporaryFailure(result)) return { name, outcome: "temperror" };
  if (result.rcode === "NXDOMAIN") return { name, outcome: "nxdomain" };
  const records = txtStrings(result).filter(isDmarcRecord);
  if (records.length === 0) return { name, outcome: "none" };
  // §4.10.1 step 2: several DMARC records at one name are all discarded.
  if (records.length > 1) return { name, outcome: "multiple" };
  return { name, outcome: "record", record: records[0] ?? "" };
}

/** All walk names are known up front, so the queries go out together: one round trip. */
async function walk(resolver: Resolver, domain: string): Promise<DmarcQuery[]> {
  return Promise.all(treeWalkNames(domain).map((name) => queryDmarc(resolver, name)));
}

/** RFC 9989 §4.10.2: psd=n marks the organisational domain; psd=y marks a public suffix domain
 *  (the organisational domain is one label below); otherwise the record with the fewest labels. */
export function organizationalDomainFrom(domain: string, queries: readonly DmarcQuery[]): string {
  const found = queries.filter((query) => query.outcome === "record");
  for (const query of found) {
    const psd = parseDmarc(query.record ?? "").psd;
    if (psd === "n") return query.name;
    if (psd === "y" && query.name !== queries[0]?.name) {
      const labels = domain.toLowerCase().split(".");
      return labels.slice(-(query.name.split(".").length + 1)).join(".");
    }
  }
  return found.at(-1)?.name ?? domain.toLowerCase();
}

export async function organizationalDomain(resolver: Resolver, domain: string): Promise<string> {
  return organizationalDomainFrom(domain, await walk(resolver, domain));
}

export async function auditDmarc(resolver: Resolver, fromDomain: string): Promise<DmarcFacts> {
  // asked beside the walk: no extra round trip (and the address audit asks the same question)
  const [queries, fromDomainExists] = await Promise.all([walk(resolver, fromDomain), domainExists(resolver, fromDomain)]);
  const organizational = organizationalDomainFrom(fromDomain, queries);
  const state = discoveredPolicy(queries);
  const pslOrganizational = registrableDomain(fromDomain) ?? fromDomain.toLowerCase();
  const [record, rfc7489] = await Promise.all([
    state.status === "found" ? withAuthorisation(resolver, state.record, state.policyDomain, organizational) : undefined,
    rfc7489View(resolver, fromDomain, pslOrganizational, queries),
  ]);
  const finalState: DmarcState = state.status === "found" && record ? { ...state, record } : state;
  const applied = finalState.status === "found" ? policyFor(fromDomain, fromDomainExists, finalState.policyDomain, finalState.record) : undefined;
  const policyDomain = finalState.status === "found" ? finalState.policyDomain : undefined;
  return {
    fromDomain,
    walk: queries,
    state: finalState,
    ...(applied ? { appliedPolicy: applied.policy, appliedTag: applied.tag } : {}),
    fromDomainExists,
    organizationalDomain: organizational,
    // Organisational domains only matter (for alignment) once there is a policy to apply.
    rfc7489: { ...rfc7489, differs: rfc7489.policyDomain !== policyDomain || (policyDomain !== undefined && rfc7489.organizationalDomain !== organizational) },
  };
}

/** §4.10.1: the first name in walk order with exactly one DMARC record; a temporary failure
 *  on the way leaves the policy undetermined. */
function discoveredPolicy(queries: readonly DmarcQuery[]): DmarcState {
  for (const query of queries) {
    if (query.outcome === "temperror") return { status: "temperror", name: `_dmarc.${query.name}` };
    if (query.outcome === "record") {
      const parsed = parseDmarc(query.record ?? "");
      return { status: "found", policyDomain: query.name, record: { ...parsed, rua: draftUris(parsed.rua), ruf: draftUris(parsed.ruf) } };
    }
  }
  const multiple = queries.find((query) => query.outcome === "multiple");
  return multiple ? { status: "multiple", name: `_dmarc.${multiple.name}` } : { status: "none" };
}

function draftUris(uris: readonly ReportUriDraft[]): DmarcReportUri[] {
  return uris.map((uri) => ({ ...uri, external: false, authorisation: "not-needed" }));
}

/** RFC 9989 §4.7: p for the policy domain itself; for its subdomains np when the subdomain does
 *  not exist, else sp; a missing sp or np falls back to sp, then p. */
function policyFor(fromDomain: string, exists: DmarcFacts["fromDomainExists"], policyDomain: string, record: DmarcRecord): { policy: DmarcPolicy; tag: "p" | "sp" | "np" } {
  const p = { policy: record.policy ?? "none", tag: "p" as const };
  if (fromDomain.toLowerCase() === policyDomain) return p;
  if (exists === "no" && record.nonExistentPolicy) return { policy: record.nonExistentPolicy, tag: "np" };
  return record.subdomainPolicy ? { policy: record.subdomainPolicy, tag: "sp" } : p;
}

/** RFC 8020: NXDOMAIN says the name, and everything under it, does not exist. */
async function domainExists(resolver: Resolver, domain: string): Promise<DmarcFacts["fromDomainExists"]> {
  const result = await resolver.query(domain, "A");
  if (isTemporaryFailure(result)) return "unknown";
  return result.rcode === "NXDOMAIN" ? "no" : "yes";
}

/** RFC 9990 §3: a report address outside the organisational domain must be authorised by a
 *  v=DMARC1 TXT record at <policy-domain>._report._dmarc.<destination-domain>. */
async function withAuthorisation(resolver: Resolver, record: DmarcRecord, policyDomain: string, organizational: string): Promise<DmarcRecord> {
  const check = (uris: readonly DmarcReportUri[]): Promise<DmarcReportUri[]> =>
    Promise.all(
      uris.map(async (uri): Promise<DmarcReportUri> => {
        const domain = uri.domain;
        if (!domain || domain === organizational || domain.endsWith(`.${organizational}`)) return { ...uri, external: false, authorisation: "not-needed" };
        const result = await resolver.query(`${policyDomain}._report._dmarc.${domain}`, "TXT");
        if (isTemporaryFailure(result)) return { ...uri, external: true, authorisation: "temperror" };
        const authorised = txtStrings(result).some(isDmarcRecord);
        return { ...uri, external: true, authorisation: authorised ? "authorised" : "unauthorised" };
      }),
    );
  const [rua, ruf] = await Promise.all([check(record.rua), check(record.ruf)]);
  return { ...record, rua, ruf };
}

/** RFC 7489 §6.6.3: _dmarc.<from>, else _dmarc.<PSL organisational domain>. */
async function rfc7489View(
  resolver: Resolver,
  fromDomain: string,
  organizationalDomain: string,
  queries: readonly DmarcQuery[],
): Promise<{ organizationalDomain: string; policyDomain?: string; record?: string }> {
  const atFrom = queries[0];
  if (atFrom?.outcome === "record") return { organizationalDomain, policyDomain: atFrom.name, ...(atFrom.record ? { record: atFrom.record } : {}) };
  const atOrganizational = queries.find((query) => query.name === organizationalDomain) ?? (await queryDmarc(resolver, organizationalDomain));
  if (atOrganizational.outcome !== "record" || atOrganizational.name === fromDomain.toLowerCase()) return { organizationalDomain };
  return { organizationalDomain, policyDomain: atOrganizational.name, ...(atOrganizational.record ? { record: atOrganizational.record } : {}) };
}
