// Identifier alignment (RFC 9989 §4.4): the From domain against the SPF-authenticated envelope
// domain and each DKIM d=. Relaxed compares organisational domains (found by the tree walk),
// strict compares the names exactly.
import type { AlignmentFacts, AlignmentMode, DkimFacts, DmarcFacts, SpfFacts } from "./facts.js";

export interface AlignmentInput {
  readonly fromDomain: string;
  readonly envelopeDomain: string;
  readonly spf: SpfFacts;
  readonly dkim: DkimFacts;
  readonly dmarc: DmarcFacts;
  /** Organisational domain of a name by the RFC 9989 tree walk. */
  readonly organizationalDomain: (domain: string) => Promise<string>;
}

export async function auditAlignment(input: AlignmentInput): Promise<AlignmentFacts> {
  const record = input.dmarc.state.status === "found" ? input.dmarc.state.record : undefined;
  const aspf: AlignmentMode = record?.aspf ?? "r";
  const adkim: AlignmentMode = record?.adkim ?? "r";
  const dkimDomains = dkimIdentities(input.dkim);
  const [spfAligned, ...dkimAligned] = await Promise.all([
    aligns(input, input.envelopeDomain, aspf),
    ...dkimDomains.map((identity) => aligns(input, identity.domain, adkim)),
  ]);
  const spf = { domain: input.envelopeDomain, mode: aspf, aligned: spfAligned ?? false, authenticated: spfAuthenticated(input.spf) };
  const dkim = dkimDomains.map((identity, index) => ({ ...identity, mode: adkim, aligned: dkimAligned[index] ?? false }));
  return { fromDomain: input.fromDomain, spf, dkim, aligned: spf.aligned || dkim.some((entry) => entry.aligned) };
}

async function aligns(input: AlignmentInput, domain: string, mode: AlignmentMode): Promise<boolean> {
  const from = input.fromDomain.toLowerCase();
  const other = domain.toLowerCase();
  if (from === other) return true;
  if (mode === "s") return false;
  const [fromOrganizational, otherOrganizational] = await Promise.all([input.organizationalDomain(from), input.organizationalDomain(other)]);
  return fromOrganizational === otherOrganizational;
}

/** With --ip: pass only if every given IP passes; without, it cannot be known here. */
function spfAuthenticated(spf: SpfFacts): "pass" | "fail" | "unknown" {
  if (spf.evaluations.length === 0) return "unknown";
  if (spf.evaluations.some((evaluation) => evaluation.result === "temperror")) return "unknown";
  return spf.evaluations.every((evaluation) => evaluation.result === "pass") ? "pass" : "fail";
}

/** The message's signatures when it has some; else keys published at the domain (a signature
 *  with d=<domain> is then possible, not proven). */
function dkimIdentities(dkim: DkimFacts): { domain: string; authenticated: "pass" | "fail" | "unknown" }[] {
  if (dkim.signatures.length > 0) {
    return dkim.signatures.map((signature) => ({
      domain: signature.domain,
      authenticated: signature.result === "pass" ? "pass" : signature.result === "temperror" ? "unknown" : "fail",
    }));
  }
  const domains = new Set(dkim.keys.filter((key) => key.state.status === "found").map((key) => key.domain.toLowerCase()));
  return [...domains].map((domain) => ({ domain, authenticated: "unknown" }));
}
