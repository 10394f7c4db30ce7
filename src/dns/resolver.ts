// The one DNS interface of the project. UDP, TCP, DoH and the test zones implement it;
// everything that looks a name up (our audits and mailauth, through an adapter) goes through it.

export type RecordType = "A" | "AAAA" | "TXT" | "MX" | "PTR" | "CNAME" | "NS" | "SOA" | "SPF";

const RECORD_TYPES: ReadonlySet<string> = new Set<RecordType>(["A", "AAAA", "TXT", "MX", "PTR", "CNAME", "NS", "SOA", "SPF"]);

/** For names that arrive as plain strings (mailauth's rrtype, a config file). */
export function isRecordType(type: string): type is RecordType {
  return RECORD_TYPES.has(type);
}

/** How a lookup ended. NXDOMAIN and NODATA stay apart: SPF counts both as void lookups,
 *  but only NXDOMAIN says the name does not exist (RFC 7208 §4.6.4, RFC 9989 tree walk). */
export type Rcode =
  | "NOERROR" // answers may still be empty: that is NODATA
  | "NXDOMAIN"
  | "SERVFAIL"
  | "REFUSED"
  | "FORMERR"
  | "NOTIMP"
  | "TIMEOUT" // no usable answer within the per-query timeout and retries, or the run's budget
  | "ERROR"; // anything else (network unreachable, malformed reply after retries)

export interface MxRecord {
  readonly preference: number;
  readonly exchange: string;
}

/** Record data by type: A/AAAA → address text, TXT/SPF → the joined character-strings,
 *  MX → MxRecord, PTR/CNAME/NS → target name (no trailing dot), SOA → the mname. */
export interface DnsRecord {
  readonly name: string;
  readonly type: RecordType;
  readonly ttl: number;
  readonly data: string | MxRecord;
  /** TXT only: the record's character-strings before joining (RFC 7208 §3.3 joins them with no space). */
  readonly strings?: readonly string[];
}

export interface QueryResult {
  readonly rcode: Rcode;
  /** Records of the asked type at the asked name (after following CNAMEs); empty for NODATA and errors. */
  readonly answers: readonly DnsRecord[];
  /** For TIMEOUT/ERROR: a short human reason. */
  readonly reason?: string;
}

export interface Resolver {
  query(name: string, type: RecordType, signal?: AbortSignal): Promise<QueryResult>;
}

/** NOERROR with no records of the asked type. */
export function isNoData(result: QueryResult): boolean {
  return result.rcode === "NOERROR" && result.answers.length === 0;
}

/** The outcomes that say nothing about the name: retrying later may answer. */
export function isTemporaryFailure(result: QueryResult): boolean {
  return result.rcode === "SERVFAIL" || result.rcode === "TIMEOUT" || result.rcode === "ERROR" || result.rcode === "REFUSED";
}
