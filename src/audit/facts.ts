// Facts the DNS audits found about a sending domain (and the message, when there is one).
// Plain data: the report puts it under `checks` as it is, and DNS rules read it and nothing else.
// Every lookup outcome keeps its state (found / none / temperror …) so a rule never mistakes
// "could not look" for "is not there".
import type { MxRecord, Rcode, RecordType } from "../dns/resolver.js";

/** A lookup that ended without an answer about the name: timeout, SERVFAIL, REFUSED, network error. */
export interface TemporaryFailure {
  readonly name: string;
  readonly type: RecordType;
  readonly rcode: Rcode;
  readonly reason?: string;
}

export interface DnsUsage {
  /** Questions the audit asked the resolver (the resolver may answer repeats from its cache). */
  readonly queries: number;
  readonly temporaryFailures: readonly TemporaryFailure[];
}

// ---------------------------------------------------------------- SPF (RFC 7208)

export type SpfQualifier = "+" | "-" | "~" | "?";
export type SpfMechanismName = "all" | "include" | "a" | "mx" | "ptr" | "ip4" | "ip6" | "exists";

export type SpfTerm =
  | {
      readonly kind: "mechanism";
      readonly text: string;
      readonly qualifier: SpfQualifier;
      readonly name: SpfMechanismName;
      /** domain-spec or network as written, when the mechanism has one. */
      readonly value?: string;
    }
  | { readonly kind: "modifier"; readonly text: string; readonly name: string; readonly value: string };

export interface SpfSyntaxError {
  readonly domain: string;
  /** The offending term as written (or the whole record for version errors). */
  readonly term: string;
  readonly message: string;
}

/** One DNS-querying term (RFC 7208 §4.6.4) in evaluation order, with the include/redirect path above it. */
export interface SpfLookupTerm {
  /** 1-based position in evaluation order: the 11th is where a receiver returns permerror. */
  readonly index: number;
  readonly term: string;
  /** The record's domain that holds the term. */
  readonly domain: string;
  /** include:/redirect= terms from the top record down to the record holding this term. */
  readonly path: readonly string[];
}

/** A name an SPF term points at that does not exist or has no records of the type asked. */
export interface SpfVoidLookup {
  readonly term: string;
  readonly domain: string;
  readonly name: string;
  readonly rcode: "NXDOMAIN" | "NOERROR";
}

export type SpfRecordState =
  | { readonly status: "found"; readonly record: string }
  | { readonly status: "none" }
  | { readonly status: "multiple"; readonly records: readonly string[] }
  | { readonly status: "temperror"; readonly rcode: Rcode };

/** One record in the include/redirect tree. */
export interface SpfNode {
  readonly domain: string;
  /** How the parent reached it; "" for the top record. */
  readonly via: string;
  readonly state: SpfRecordState;
  readonly terms: readonly SpfTerm[];
  /** DNS-querying terms in this record alone. */
  readonly ownLookups: number;
  /** DNS-querying terms in this record and everything below it. */
  readonly totalLookups: number;
  readonly children: readonly SpfNode[];
  /** Macro domain-specs depend on the message (%{i}, %{s}…): counted, not walked. */
  readonly unwalked: readonly string[];
}

export type SpfResult = "pass" | "fail" | "softfail" | "neutral" | "none" | "permerror" | "temperror";

export interface SpfEvaluation {
  readonly ip: string;
  readonly result: SpfResult;
  readonly explanation?: string;
  /** mailauth's own counts for this check_host run. */
  readonly lookups?: { readonly count: number; readonly void: number };
}

/** What `all` the top record ends in, following redirect= (RFC 7208 §6.1); "none" means the default ?all (§4.7). */
export type SpfAllPolicy =
  | { readonly qualifier: SpfQualifier; readonly domain: string }
  | { readonly qualifier: "none" }
  | { readonly qualifier: "unknown" };

export interface SpfFacts {
  readonly domain: string;
  readonly state: SpfRecordState;
  readonly tree?: SpfNode;
  readonly syntaxErrors: readonly SpfSyntaxError[];
  readonly lookupCount: number;
  readonly lookups: readonly SpfLookupTerm[];
  readonly voidLookups: readonly SpfVoidLookup[];
  /** Include/redirect chains that come back to a domain already on the path (permerror at a receiver). */
  readonly loops: readonly (readonly string[])[];
  /** include:/redirect= targets with no SPF record (RFC 7208 §5.2, §6.1: permerror). */
  readonly missingTargets: readonly { readonly term: string; readonly domain: string; readonly path: readonly string[] }[];
  readonly all: SpfAllPolicy;
  readonly ptrTerms: readonly { readonly term: string; readonly domain: string }[];
  readonly evaluations: readonly SpfEvaluation[];
}

// ---------------------------------------------------------------- DKIM (RFC 6376, RFC 8463)

export type DkimSelectorSource = "option" | "signature" | "probe";

export type DkimKeyState =
  | { readonly status: "found" }
  | { readonly status: "revoked" } // p= empty, RFC 6376 §3.6.1
  | { readonly status: "invalid"; readonly reason: string }
  | { readonly status: "none" }
  | { readonly status: "temperror"; readonly rcode: Rcode };

export interface DkimKey {
  readonly selector: string;
  readonly domain: string;
  /** <selector>._domainkey.<domain> */
  readonly name: string;
  readonly state: DkimKeyState;
  readonly record?: string;
  /** k=, default rsa (RFC 6376 §3.6.1). */
  readonly keyType?: string;
  /** RSA modulus length from the SubjectPublicKeyInfo; 256 for ed25519. */
  readonly bits?: number;
  /** t=y: the domain is testing DKIM; receivers may treat failures as unsigned. */
  readonly testing: boolean;
  /** h=: acceptable hash algorithms, when restricted. */
  readonly hashAlgorithms?: readonly string[];
}

export type DkimVerifyResult = "pass" | "fail" | "neutral" | "policy" | "temperror" | "permerror" | "none";

export interface DkimSignature {
  readonly domain: string;
  readonly selector: string;
  readonly algorithm?: string;
  /** h= header names, lower-cased, in order. */
  readonly signedHeaders: readonly string[];
  readonly result: DkimVerifyResult;
  readonly reason?: string;
  readonly bits?: number;
  readonly coversListUnsubscribe: boolean;
  readonly coversListUnsubscribePost: boolean;
}

export interface DkimFacts {
  readonly domain: string;
  readonly selectorSource: DkimSelectorSource;
  /** Every selector asked about (a probe lists the whole list). */
  readonly selectors: readonly string[];
  /** Keys looked up; for a probe, only the selectors that answered something other than "none". */
  readonly keys: readonly DkimKey[];
  readonly signatures: readonly DkimSignature[];
  /** The message carries List-Unsubscribe / List-Unsubscribe-Post (RFC 8058). */
  readonly listUnsubscribe: { readonly header: boolean; readonly post: boolean };
}

// ---------------------------------------------------------------- DMARC (RFC 9989)

export type DmarcPolicy = "none" | "quarantine" | "reject";
export type AlignmentMode = "r" | "s";

export type DmarcLookupOutcome = "record" | "none" | "multiple" | "nxdomain" | "temperror";

export interface DmarcQuery {
  readonly name: string;
  readonly outcome: DmarcLookupOutcome;
  readonly record?: string;
}

export interface DmarcReportUri {
  readonly uri: string;
  /** Domain of a mailto: address; undefined for other schemes. */
  readonly domain?: string;
  /** Outside the policy domain's organisational domain: needs authorisation (RFC 9990 §3). */
  readonly external: boolean;
  readonly authorisation: "not-needed" | "authorised" | "unauthorised" | "temperror";
}

export interface DmarcRecord {
  readonly text: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly policy?: DmarcPolicy;
  readonly subdomainPolicy?: DmarcPolicy;
  readonly nonExistentPolicy?: DmarcPolicy;
  readonly psd?: "y" | "n" | "u";
  readonly testing: boolean;
  readonly adkim: AlignmentMode;
  readonly aspf: AlignmentMode;
  readonly rua: readonly DmarcReportUri[];
  readonly ruf: readonly DmarcReportUri[];
  readonly fo?: string;
  readonly syntaxErrors: readonly { readonly tag: string; readonly message: string }[];
  /** pct, rf, ri: removed by RFC 9989 §A.6, still read by RFC 7489 receivers. */
  readonly removedTags: readonly { readonly tag: string; readonly value: string }[];
  readonly unknownTags: readonly string[];
}

export type DmarcState =
  | { readonly status: "found"; readonly policyDomain: string; readonly record: DmarcRecord }
  | { readonly status: "none" }
  | { readonly status: "multiple"; readonly name: string }
  | { readonly status: "temperror"; readonly name: string };

export interface DmarcFacts {
  readonly fromDomain: string;
  /** Policy discovery in the order a receiver queries (RFC 9989 §4.10.1, at most 8 queries). */
  readonly walk: readonly DmarcQuery[];
  readonly state: DmarcState;
  /** The policy that applies to mail from fromDomain: p, or sp/np when found at a parent. */
  readonly appliedPolicy?: DmarcPolicy;
  /** The tag appliedPolicy came from (sp and np fall back to p when absent, RFC 9989 §4.7). */
  readonly appliedTag?: "p" | "sp" | "np";
  /** RFC 9989 takes "non-existent" from RFC 8020: NXDOMAIN for the From domain means it does not exist, and np= applies. */
  readonly fromDomainExists: "yes" | "no" | "unknown";
  /** Organisational domain by the RFC 9989 tree walk (§4.10.2). */
  readonly organizationalDomain: string;
  /** What a receiver still on RFC 7489 would use: the PSL registrable domain and the record it would find. */
  readonly rfc7489: {
    readonly organizationalDomain: string;
    readonly policyDomain?: string;
    readonly record?: string;
    readonly differs: boolean;
  };
}

// ---------------------------------------------------------------- alignment (RFC 9989 §4.4)

export interface IdentifierAlignment {
  readonly domain: string;
  readonly mode: AlignmentMode;
  readonly aligned: boolean;
}

export interface AlignmentFacts {
  readonly fromDomain: string;
  readonly spf: IdentifierAlignment & {
    /** The envelope domain is authorised for the given IPs: "unknown" without --ip or on temperror. */
    readonly authenticated: "pass" | "fail" | "unknown";
  };
  readonly dkim: readonly (IdentifierAlignment & { readonly authenticated: "pass" | "fail" | "unknown" })[];
  /** At least one identifier aligns (what dmarc-misaligned checks). */
  readonly aligned: boolean;
}

// ---------------------------------------------------------------- MX, address, PTR

export type MxState =
  | { readonly status: "found"; readonly records: readonly MxRecord[] }
  | { readonly status: "null" } // RFC 7505 "0 .": the domain accepts no mail
  | { readonly status: "none" }
  | { readonly status: "nxdomain" }
  | { readonly status: "temperror"; readonly rcode: Rcode };

export type AddressState =
  | { readonly status: "found"; readonly ipv4: readonly string[]; readonly ipv6: readonly string[] }
  | { readonly status: "none" }
  | { readonly status: "temperror" };

export interface PtrFacts {
  readonly ip: string;
  readonly reverseName: string;
  readonly state:
    | { readonly status: "found"; readonly names: readonly string[] }
    | { readonly status: "none" }
    | { readonly status: "temperror"; readonly rcode: Rcode };
  /** FCrDNS: a PTR name whose A/AAAA includes the IP. */
  readonly forwardConfirmed: "yes" | "no" | "unknown";
  readonly confirmedName?: string;
}

// ---------------------------------------------------------------- blocklists

export type BlocklistStatus = "listed" | "not-listed" | "unknown";

export interface BlocklistAnswer {
  /** The IP or domain checked. */
  readonly target: string;
  readonly zone: string;
  readonly status: BlocklistStatus;
  /** Return codes (127.0.0.x) as answered. */
  readonly codes: readonly string[];
  /** What the zone says the codes mean. */
  readonly meanings: readonly string[];
  readonly reason?: string;
}

export interface BlocklistFacts {
  readonly ips: readonly BlocklistAnswer[];
  readonly domains: readonly BlocklistAnswer[];
}

// ---------------------------------------------------------------- requirements

export type RequirementStatus = "pass" | "fail" | "unknown" | "not-checkable";
export type Provider = "gmail" | "yahoo" | "microsoft";

export interface Requirement {
  readonly id: string;
  readonly providers: readonly Provider[];
  readonly status: RequirementStatus;
  readonly detail: string;
}

// ---------------------------------------------------------------- the whole audit

export interface AuthFacts {
  /** The sending domain audited (--domain, else the From domain). */
  readonly domain: string;
  readonly fromDomain: string;
  /** Return-Path / --return-path domain, else the From domain. */
  readonly envelopeDomain: string;
  readonly ips: readonly string[];
  readonly spf: SpfFacts;
  readonly dkim: DkimFacts;
  readonly dmarc: DmarcFacts;
  readonly alignment: AlignmentFacts;
  readonly mx: { readonly domain: string; readonly state: MxState };
  readonly address: { readonly domain: string; readonly state: AddressState };
  readonly ptr: readonly PtrFacts[];
  readonly blocklists: BlocklistFacts;
  readonly requirements: readonly Requirement[];
  readonly dns: DnsUsage;
}
