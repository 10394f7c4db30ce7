// The DNS message on the wire, shared by the UDP, TCP and DoH transports: building a query,
// deciding whether a reply answers it, and turning the reply into a QueryResult.
import { randomInt } from "node:crypto";
import * as dnsPacket from "dns-packet";
import type { Answer, DecodedPacket, StringAnswer } from "dns-packet";
import { normaliseDomain } from "../domain/index.js";
import type { DnsRecord, QueryResult, Rcode, RecordType } from "./resolver.js";

/** RFC 6891 §6.2.5, DNS Flag Day 2020: 1232 bytes fits the IPv6 minimum MTU without fragmentation. */
export const EDNS_UDP_PAYLOAD_SIZE = 1232;

/** RFC 1035 §2.3.4: labels of 1–63 octets, at most 255 octets on the wire (253 as text). */
export function isValidDnsName(name: string): boolean {
  const text = name.replace(/\.$/, "");
  if (text.length === 0 || Buffer.byteLength(text) > 253) return false;
  return text.split(".").every((label) => {
    const octets = Buffer.byteLength(label);
    return octets >= 1 && octets <= 63;
  });
}

/** RFC 5452 §9.2: an unpredictable id is half of what keeps a blind spoofer out (the source port is the other). */
export function randomQueryId(): number {
  return randomInt(0, 0x10000);
}

export interface QueryOptions {
  /** RFC 8484 §4.1: DoH uses id 0 so HTTP caches can share answers. */
  readonly id: number;
  /** Advertise EDNS0 (RFC 6891 §6.1.1 OPT record) so answers up to 1232 bytes come over UDP. */
  readonly edns: boolean;
}

/** "SPF" (type 99, RFC 7208 §3.1) is in dns-packet's tables but not in its typings. */
export function wireType(type: RecordType): dnsPacket.RecordType {
  return type as dnsPacket.RecordType;
}

export function encodeQuery(name: string, type: RecordType, options: QueryOptions): Buffer {
  return dnsPacket.encode({
    type: "query",
    id: options.id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ name, type: wireType(type), class: "IN" }],
    additionals: options.edns
      ? [{ type: "OPT", name: ".", udpPayloadSize: EDNS_UDP_PAYLOAD_SIZE, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] }]
      : [],
  });
}

/** A reply that fails to decode is ignored, never thrown: it may be noise or an attack. */
export function decodeReply(bytes: Buffer): DecodedPacket | undefined {
  try {
    return dnsPacket.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The id of a datagram too broken to decode, to tell "ours, but cut short" from noise. */
export function peekId(bytes: Buffer): number | undefined {
  return bytes.length >= 2 ? bytes.readUInt16BE(0) : undefined;
}

/** RFC 5452 §4.3 and §9.1: a reply is ours only if it is a response with our id and exactly our question
 *  (name compared case-insensitively, RFC 4343). The transport checks the source address and port. */
export function answersQuestion(reply: DecodedPacket, id: number, name: string, type: RecordType): boolean {
  if (!reply.flag_qr || reply.id !== id) return false;
  const questions = reply.questions ?? [];
  const question = questions[0];
  return (
    questions.length === 1 &&
    question !== undefined &&
    question.type === wireType(type) &&
    (question.class ?? "IN") === "IN" &&
    normaliseDomain(question.name) === normaliseDomain(name)
  );
}

const RCODES: Readonly<Record<number, Rcode>> = { 0: "NOERROR", 1: "FORMERR", 2: "SERVFAIL", 3: "NXDOMAIN", 4: "NOTIMP", 5: "REFUSED" };

/** RFC 1035 §4.1.1: the low four bits of the flags word. */
function rcodeOf(reply: DecodedPacket): Rcode {
  return RCODES[(reply.flags ?? 0) & 0x0f] ?? "ERROR";
}

/** RFC 1034 §3.6.2: an alias chain this long is broken or hostile. */
const MAX_CNAME_HOPS = 8;

/** Turns a reply into records of the asked type, following the CNAME chain the answer section carries. */
export function toQueryResult(reply: DecodedPacket, name: string, type: RecordType): QueryResult {
  const rcode = rcodeOf(reply);
  if (rcode === "ERROR") return { rcode, answers: [], reason: `unexpected rcode ${(reply.flags ?? 0) & 0x0f}` };
  const answers = reply.answers ?? [];
  let owner = normaliseDomain(name);
  const visited = new Set<string>([owner]);
  for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
    const atOwner = answers.filter((answer) => normaliseDomain(answer.name) === owner);
    const records = atOwner.flatMap((answer) => toRecord(answer, type));
    if (records.length > 0 || type === "CNAME") return { rcode, answers: records };
    const alias = atOwner.find((answer): answer is StringAnswer => answer.type === "CNAME");
    if (alias === undefined) return { rcode, answers: [] };
    owner = normaliseDomain(alias.data);
    if (visited.has(owner)) return { rcode: "ERROR", answers: [], reason: `CNAME loop at ${owner}` };
    visited.add(owner);
  }
  return { rcode: "ERROR", answers: [], reason: `CNAME chain longer than ${MAX_CNAME_HOPS} at ${name}` };
}

function toRecord(answer: Answer, type: RecordType): DnsRecord[] {
  if (answer.type !== wireType(type)) return [];
  const base = { name: answer.name.replace(/\.$/, ""), type, ttl: "ttl" in answer ? (answer.ttl ?? 0) : 0 };
  // dns-packet hands type 99 over as raw RDATA: the same <character-string>s as TXT.
  if (type === "SPF" && "data" in answer && Buffer.isBuffer(answer.data)) return [txtRecord(base, splitCharacterStrings(answer.data))];
  switch (answer.type) {
    case "A":
    case "AAAA":
      return [{ ...base, data: answer.data }];
    case "CNAME":
    case "NS":
    case "PTR":
      return [{ ...base, data: answer.data.replace(/\.$/, "") }];
    case "MX":
      return [{ ...base, data: { preference: answer.data.preference ?? 0, exchange: answer.data.exchange.replace(/\.$/, "") } }];
    case "SOA":
      return [{ ...base, data: answer.data.mname.replace(/\.$/, "") }];
    case "TXT":
      return [txtRecord(base, answer.data)];
    default:
      return [];
  }
}

/** RFC 1035 §3.3: a <character-string> is one length octet and that many octets. */
function splitCharacterStrings(rdata: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < rdata.length; ) {
    const length = rdata[offset] ?? 0;
    chunks.push(rdata.subarray(offset + 1, offset + 1 + length));
    offset += 1 + length;
  }
  return chunks;
}

function txtRecord(base: Omit<DnsRecord, "data">, data: string | Buffer | readonly (string | Buffer)[]): DnsRecord {
  const chunks = (Array.isArray(data) ? data : [data]).map((chunk: string | Buffer) => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)));
  // Decode the joined bytes, not each chunk: a UTF-8 sequence may straddle two character-strings.
  return { ...base, data: decodeText(Buffer.concat(chunks)), strings: chunks.map(decodeText) };
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** TXT is bytes (RFC 1035 §3.3.14): UTF-8 when it is valid UTF-8, else each byte as Latin-1 so nothing is lost. */
function decodeText(bytes: Buffer): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return bytes.toString("latin1");
  }
}

/** The question a transport waits an answer for. */
export interface PendingQuestion {
  readonly id: number;
  readonly name: string;
  readonly type: RecordType;
}

/** How one exchange with one server ended. */
export type Exchange =
  | { readonly kind: "reply"; readonly reply: DecodedPacket }
  /** RFC 1035 §4.2.1, RFC 7766 §5: the answer did not fit the datagram; ask again over TCP. */
  | { readonly kind: "truncated" }
  | { readonly kind: "failed"; readonly rcode: "TIMEOUT" | "ERROR"; readonly reason: string };

/** TCP (RFC 7766) and DoH carry whole messages: they never end truncated. */
export type CompleteExchange = Exclude<Exchange, { readonly kind: "truncated" }>;

export function failedResult(exchange: Extract<Exchange, { kind: "failed" }>): QueryResult {
  return { rcode: exchange.rcode, answers: [], reason: exchange.reason };
}
