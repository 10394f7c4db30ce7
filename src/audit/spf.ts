// SPF audit (RFC 7208): find the record, parse it, and walk include/redirect recursively so the
// lookup count comes with the path that spends it — mailauth's check_host gives totals only.
import type { QueryResult, Resolver } from "../dns/resolver.js";
import { isTemporaryFailure } from "../dns/resolver.js";
import type {
  SpfAllPolicy,
  SpfFacts,
  SpfLookupTerm,
  SpfNode,
  SpfRecordState,
  SpfSyntaxError,
  SpfTerm,
  SpfVoidLookup,
} from "./facts.js";
import { txtStrings } from "./lookup.js";
import { countsAsLookup, hasMacro, isSpfRecord, parseSpf } from "./spf-parse.js";
import { evaluateSpf } from "./spf-evaluate.js";

/** Safety stops for hostile trees; a receiver gives up at 10 lookups anyway. */
const MAX_DEPTH = 12;
const MAX_RECORDS = 100;

export async function auditSpf(resolver: Resolver, domain: string, ips: readonly string[]): Promise<SpfFacts> {
  const walk = new TreeWalk(resolver);
  const [tree, evaluations] = await Promise.all([
    walk.record(domain, "", [], []),
    Promise.all(ips.map((ip) => evaluateSpf(resolver, domain, ip))),
  ]);
  const lookups = numberLookups(tree);
  return {
    domain,
    state: tree.node.state,
    tree: tree.node,
    syntaxErrors: walk.syntaxErrors,
    lookupCount: lookups.length,
    lookups,
    voidLookups: walk.voidLookups,
    loops: walk.loops,
    missingTargets: walk.missingTargets,
    all: allPolicy(tree),
    ptrTerms: walk.ptrTerms,
    evaluations,
  };
}

/** RFC 7208 §4.4–4.5: the TXT records at the name that start with v=spf1. */
export async function fetchSpfRecord(resolver: Resolver, domain: string): Promise<{ state: SpfRecordState; result: QueryResult }> {
  const result = await resolver.query(domain, "TXT");
  if (isTemporaryFailure(result)) return { state: { status: "temperror", rcode: result.rcode }, result };
  const records = txtStrings(result).filter(isSpfRecord);
  if (records.length === 0) return { state: { status: "none" }, result };
  if (records.length > 1) return { state: { status: "multiple", records }, result };
  return { state: { status: "found", record: records[0] ?? "" }, result };
}

/** A walked record with its lookup terms and child records in evaluation order. */
interface WalkedRecord {
  readonly node: SpfNode;
  readonly sequence: readonly ({ readonly term: string; readonly domain: string; readonly path: readonly string[] } | WalkedRecord)[];
}

class TreeWalk {
  readonly syntaxErrors: SpfSyntaxError[] = [];
  readonly voidLookups: SpfVoidLookup[] = [];
  readonly loops: string[][] = [];
  readonly missingTargets: { term: string; domain: string; path: string[] }[] = [];
  readonly ptrTerms: { term: string; domain: string }[] = [];
  private records = 0;

  constructor(private readonly resolver: Resolver) {}

  /** path: the include/redirect terms leading here; domains: the record domains above (loop check). */
  async record(domain: string, via: string, path: readonly string[], domains: readonly string[]): Promise<WalkedRecord> {
    this.records += 1;
    const { state } = await fetchSpfRecord(this.resolver, domain);
    if (state.status !== "found") return leaf(domain, via, state);
    const parsed = parseSpf(state.record);
    for (const error of parsed.errors) this.syntaxErrors.push({ domain, ...error });
    const evaluated = evaluatedTerms(parsed.terms);
    const onPath = [...domains, domain.toLowerCase()];
    const unwalked: string[] = [];
    const sequence = await Promise.all(
      evaluated.filter(countsAsLookup).map(async (term) => {
        const spend = { term: term.text, domain, path };
        const target = targetOf(term, domain);
        if (term.kind === "mechanism" && term.name === "ptr") this.ptrTerms.push({ term: term.text, domain });
        if (target === undefined || hasMacro(target)) {
          if (target !== undefined) unwalked.push(term.text);
          return [spend];
        }
        if (isRecordReference(term)) return [spend, ...(await this.child(term, target, domain, [...path, term.text], onPath))];
        await this.checkVoid(term, target, domain);
        return [spend];
      }),
    );
    const flat = sequence.flat();
    const children = flat.filter((entry): entry is WalkedRecord => "node" in entry).map((entry) => entry.node);
    const ownLookups = evaluated.filter(countsAsLookup).length;
    const node: SpfNode = {
      domain,
      via,
      state,
      terms: parsed.terms,
      ownLookups,
      totalLookups: ownLookups + children.reduce((sum, child) => sum + child.totalLookups, 0),
      children,
      unwalked,
    };
    return { node, sequence: flat };
  }

  private async child(term: SpfTerm, target: string, domain: string, path: string[], onPath: string[]): Promise<WalkedRecord[]> {
    if (onPath.includes(target.toLowerCase().replace(/\.$/, ""))) {
      this.loops.push([...path.slice(0, -1), term.text]);
      return [];
    }
    if (path.length > MAX_DEPTH || this.records >= MAX_RECORDS) return [];
    const walked = await this.record(target, term.text, path, onPath);
    const state = walked.node.state;
    if (state.status === "none") {
      // RFC 7208 §5.2, §6.1: include/redirect to a domain without a record is permerror.
      this.missingTargets.push({ term: term.text, domain, path });
    }
    return [walked];
  }

  /** RFC 7208 §4.6.4: a query answering NXDOMAIN or no records is a void lookup. */
  private async checkVoid(term: SpfTerm, target: string, domain: string): Promise<void> {
    if (term.kind !== "mechanism") return;
    const name = target.replace(/\.$/, "");
    // Without a client IP both address families are asked; a name is void only if both are empty,
    // so an IPv4-only host is not reported for an IPv6 sender we do not know of.
    const types = term.name === "mx" ? (["MX"] as const) : term.name === "exists" ? (["A"] as const) : (["A", "AAAA"] as const);
    const results = await Promise.all(types.map((type) => this.resolver.query(name, type)));
    if (results.some((result) => result.rcode !== "NXDOMAIN" && !(result.rcode === "NOERROR" && result.answers.length === 0))) return;
    const rcode = results.every((result) => result.rcode === "NXDOMAIN") ? "NXDOMAIN" : "NOERROR";
    this.voidLookups.push({ term: term.text, domain, name, rcode });
  }
}

function leaf(domain: string, via: string, state: SpfRecordState): WalkedRecord {
  return { node: { domain, via, state, terms: [], ownLookups: 0, totalLookups: 0, children: [], unwalked: [] }, sequence: [] };
}

/** What a receiver evaluates: terms up to the first "all" (later ones are never reached), and
 *  redirect= only when there is no "all" (RFC 7208 §6.1). */
function evaluatedTerms(terms: readonly SpfTerm[]): SpfTerm[] {
  const allIndex = terms.findIndex((term) => term.kind === "mechanism" && term.name === "all");
  const mechanisms = (allIndex === -1 ? terms : terms.slice(0, allIndex + 1)).filter((term) => term.kind === "mechanism");
  const redirect = terms.find((term) => term.kind === "modifier" && term.name === "redirect");
  return allIndex === -1 && redirect ? [...mechanisms, redirect] : mechanisms;
}

function isRecordReference(term: SpfTerm): boolean {
  return (term.kind === "mechanism" && term.name === "include") || (term.kind === "modifier" && term.name === "redirect");
}

/** The name a term queries; a/mx/ptr default to the current domain (RFC 7208 §5.3–5.5). */
function targetOf(term: SpfTerm, domain: string): string | undefined {
  if (term.kind === "modifier") return term.value;
  if (term.name === "ptr") return undefined; // needs the client IP
  if (term.name === "a" || term.name === "mx") return term.value?.replace(/\/.*$/, "") || domain;
  return term.value;
}

function numberLookups(tree: WalkedRecord): SpfLookupTerm[] {
  const out: SpfLookupTerm[] = [];
  const visit = (record: WalkedRecord): void => {
    for (const entry of record.sequence) {
      if ("node" in entry) visit(entry);
      else out.push({ index: out.length + 1, ...entry });
    }
  };
  visit(tree);
  return out;
}

function allPolicy(tree: WalkedRecord): SpfAllPolicy {
  const { node } = tree;
  if (node.state.status !== "found") return { qualifier: "unknown" };
  const all = node.terms.find((term) => term.kind === "mechanism" && term.name === "all");
  if (all && all.kind === "mechanism") return { qualifier: all.qualifier, domain: node.domain };
  const redirect = tree.sequence.find((entry): entry is WalkedRecord => "node" in entry && entry.node.via.startsWith("redirect="));
  if (redirect) return allPolicy(redirect);
  const hasRedirect = node.terms.some((term) => term.kind === "modifier" && term.name === "redirect");
  return hasRedirect ? { qualifier: "unknown" } : { qualifier: "none" };
}
