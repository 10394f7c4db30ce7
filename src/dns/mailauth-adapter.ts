// mailauth asks for DNS through a function shaped like node's dns.promises.resolve(name, rrtype).
// This gives it ours, so its lookups share the run's cache, budget and log.
import type { DNSResolver } from "mailauth";
import { isNoData, isRecordType, type MxRecord, type QueryResult, type RecordType, type Resolver } from "./resolver.js";
import { isValidDnsName } from "./wire.js";

/** What dns.promises.resolve gives for MX. */
interface MailauthMx {
  readonly exchange: string;
  readonly priority: number;
}

type MailauthAnswer = string[][] | string[] | MailauthMx[];

/** An Error like node:dns rejects with. mailauth reads `code`: ENOTFOUND and ENODATA are void lookups
 *  (RFC 7208 §4.6.4), EBADNAME a name that cannot exist, anything else a temperror. */
class DnsLookupError extends Error {
  override readonly name = "DnsLookupError";
  constructor(
    readonly code: string,
    readonly hostname: string,
    readonly syscall: string,
    reason?: string,
  ) {
    super(`${syscall} ${code} ${hostname}${reason ? ` (${reason})` : ""}`);
  }
}

export function toMailauthResolver(resolver: Resolver): DNSResolver {
  const resolve = async (name: string, rrtype: string): Promise<MailauthAnswer> => {
    const type = rrtype.toUpperCase();
    const syscall = `query${type.charAt(0)}${type.slice(1).toLowerCase()}`;
    if (!isRecordType(type)) throw new DnsLookupError("ENOTIMP", name, syscall, `record type ${rrtype} is not supported`);
    if (!isValidDnsName(name)) throw new DnsLookupError("EBADNAME", name, syscall);
    const result = await resolver.query(name, type);
    const code = errorCodeOf(result);
    if (code !== undefined) throw new DnsLookupError(code, name, syscall, result.reason);
    return toNodeShape(result, type);
  };
  // mailauth's typings leave out MX, which it does read as { exchange, priority } objects.
  return resolve as DNSResolver;
}

function errorCodeOf(result: QueryResult): string | undefined {
  if (isNoData(result)) return "ENODATA";
  switch (result.rcode) {
    case "NOERROR":
      return undefined;
    case "NXDOMAIN":
      return "ENOTFOUND";
    case "SERVFAIL":
      return "ESERVFAIL";
    case "REFUSED":
      return "EREFUSED";
    case "FORMERR":
      return "EFORMERR";
    case "NOTIMP":
      return "ENOTIMP";
    case "TIMEOUT":
      return "ETIMEOUT";
    case "ERROR":
      return "EBADRESP";
  }
}

function isMx(data: string | MxRecord): data is MxRecord {
  return typeof data === "object";
}

function toNodeShape(result: QueryResult, type: RecordType): MailauthAnswer {
  switch (type) {
    case "TXT":
    case "SPF":
      // dns.promises.resolveTxt: one array of character-strings per record, joined by the reader.
      return result.answers.map((record) => [...(record.strings ?? [String(record.data)])]);
    case "MX":
      return result.answers.map((record) => record.data).filter(isMx).map((mx) => ({ exchange: mx.exchange, priority: mx.preference }));
    default:
      return result.answers.map((record) => String(record.data));
  }
}
