// Declarative test zones: one JSON file feeds both the loopback DNS server (zone-server.ts) and the
// in-memory resolver below, so unit tests and integration tests read the same data.
//
// fixtures/zones/<case>.json:
// {
//   "description": "what this zone is for",
//   "ttl": 300,                                     // optional, every record's TTL
//   "records": {
//     "example.com": {
//       "A": ["192.0.2.1"], "AAAA": ["2001:db8::1"],
//       "TXT": ["v=spf1 -all", ["one record as", " two character-strings"]],
//       "MX": [{ "preference": 10, "exchange": "mx.example.com" }],
//       "NS": ["ns1.example.com"], "PTR": ["host.example.com"]
//     },
//     "www.example.com": { "CNAME": "example.com" }
//   },
//   "faults": { "slow.example.com": { "delayMs": 300 }, "*": { "truncateUdp": true } }
// }
//
// A name absent from "records" (and with no name below it) is NXDOMAIN; a present name without the
// asked type is NODATA. A TXT string over 255 bytes is split into 255-byte character-strings.
import { readFileSync } from "node:fs";
import * as dnsPacket from "dns-packet";
import type { Answer } from "dns-packet";
import type { QueryResult, RecordType, Resolver } from "../../src/dns/resolver.js";
import { toQueryResult } from "../../src/dns/wire.js";

export type TxtValue = string | readonly string[];

export interface ZoneNode {
  readonly A?: readonly string[];
  readonly AAAA?: readonly string[];
  readonly TXT?: readonly TxtValue[];
  readonly MX?: readonly { readonly preference: number; readonly exchange: string }[];
  readonly NS?: readonly string[];
  readonly PTR?: readonly string[];
  readonly CNAME?: string;
}

/** Misbehaviour of the server for a name ("*" for every name). */
export interface Fault {
  /** Answer this many milliseconds late. */
  readonly delayMs?: number;
  /** Never answer (UDP and TCP). */
  readonly drop?: boolean;
  /** Answer with this rcode and no records. */
  readonly rcode?: "SERVFAIL" | "REFUSED" | "FORMERR" | "NOTIMP";
  /** UDP: answer with TC set and no records, so the client must ask again over TCP. */
  readonly truncateUdp?: boolean;
  /** UDP: before the real reply, send a forged NXDOMAIN with a wrong id, a wrong question,
   *  or the right id and question from another source port (RFC 5452 attacks). */
  readonly spoof?: "wrong-id" | "wrong-question" | "wrong-source";
  /** UDP: before the real reply, send junk bytes and a reply cut short in its answer section. */
  readonly malformed?: boolean;
  /** Behave like a server from before EDNS0: FORMERR to any query with an OPT record (RFC 6891 §7). */
  readonly ednsUnsupported?: boolean;
}

export type Faults = Readonly<Record<string, Fault>>;

export interface Zone {
  readonly description?: string;
  readonly ttl?: number;
  readonly records: Readonly<Record<string, ZoneNode>>;
  readonly faults?: Faults;
}

/** "Rcode" of a zone lookup: an authoritative server knows only these two. */
export interface ZoneAnswer {
  readonly rcode: "NOERROR" | "NXDOMAIN";
  readonly answers: Answer[];
}

const DEFAULT_TTL = 300;
const MAX_CNAME_CHAIN = 8;

export function loadZone(path: string | URL): Zone {
  const zone = JSON.parse(readFileSync(path, "utf8")) as Zone;
  if (typeof zone.records !== "object" || zone.records === null) throw new Error(`${String(path)}: a zone needs a "records" object`);
  return zone;
}

/** Zones are merged by name, names lower-cased; the later zone wins for a type both define at a name. */
export function mergeZones(zones: readonly Zone[]): Zone {
  const records: Record<string, ZoneNode> = {};
  const faults: Record<string, Fault> = {};
  for (const zone of zones) {
    for (const [name, node] of Object.entries(zone.records)) records[canonical(name)] = { ...records[canonical(name)], ...node };
    for (const [name, fault] of Object.entries(zone.faults ?? {})) faults[name === "*" ? "*" : canonical(name)] = fault;
  }
  return { records, faults, ttl: zones.find((zone) => zone.ttl !== undefined)?.ttl };
}

/** The fault for a name: the "*" fault overlaid with the name's own. */
export function faultFor(faults: Faults | undefined, name: string): Fault {
  return { ...faults?.["*"], ...faults?.[canonical(name)] };
}

/** What an authoritative server holds for the question, CNAME chain included (RFC 1034 §4.3.2). */
export function lookupZone(zone: Zone, name: string, type: RecordType): ZoneAnswer {
  const ttl = zone.ttl ?? DEFAULT_TTL;
  const answers: Answer[] = [];
  let owner = canonical(name);
  for (let hop = 0; hop <= MAX_CNAME_CHAIN; hop++) {
    const node = zone.records[owner];
    if (node === undefined) return { rcode: hasNameBelow(zone, owner) ? "NOERROR" : "NXDOMAIN", answers };
    if (node.CNAME !== undefined && type !== "CNAME") {
      answers.push({ type: "CNAME", name: owner, ttl, data: node.CNAME });
      owner = canonical(node.CNAME);
      continue;
    }
    answers.push(...recordsOf(node, owner, type, ttl));
    return { rcode: "NOERROR", answers };
  }
  return { rcode: "NOERROR", answers };
}

/** A Resolver answering straight from zone data, through the same reply parsing as the wire clients.
 *  `calls` lists every question, for tests that count lookups. */
export function createZoneResolver(...zones: Zone[]): Resolver & { readonly calls: { name: string; type: RecordType }[] } {
  const zone = mergeZones(zones);
  const calls: { name: string; type: RecordType }[] = [];
  return {
    calls,
    async query(name: string, type: RecordType): Promise<QueryResult> {
      calls.push({ name, type });
      const fault = faultFor(zone.faults, name);
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault.drop) return { rcode: "TIMEOUT", answers: [], reason: "zone fault: drop" };
      if (fault.rcode) return { rcode: fault.rcode, answers: [] };
      const reply = dnsPacket.decode(encodeResponse(zone, { id: 0, name, type }));
      return toQueryResult(reply, name, type);
    },
  };
}

const RCODE_NUMBERS = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;

export interface ResponseOptions {
  readonly id: number;
  readonly name: string;
  readonly type: RecordType;
  readonly rcode?: keyof typeof RCODE_NUMBERS;
  readonly truncated?: boolean;
  readonly recursionDesired?: boolean;
  readonly additionals?: Answer[];
}

/** An authoritative reply (RFC 1035 §4.1.1: QR, AA, RD copied from the query, RCODE). */
export function encodeResponse(zone: Zone, options: ResponseOptions): Buffer {
  const found = options.rcode || options.truncated ? { rcode: options.rcode ?? "NOERROR", answers: [] } : lookupZone(zone, options.name, options.type);
  const flags =
    dnsPacket.AUTHORITATIVE_ANSWER |
    (options.recursionDesired ? dnsPacket.RECURSION_DESIRED : 0) |
    (options.truncated ? dnsPacket.TRUNCATED_RESPONSE : 0) |
    RCODE_NUMBERS[found.rcode];
  return dnsPacket.encode({
    type: "response",
    id: options.id,
    flags,
    questions: [{ name: options.name, type: options.type as dnsPacket.RecordType, class: "IN" }],
    answers: found.answers,
    additionals: options.additionals ?? [],
  });
}

function recordsOf(node: ZoneNode, name: string, type: RecordType, ttl: number): Answer[] {
  switch (type) {
    case "A":
    case "AAAA":
    case "NS":
    case "PTR":
      return (node[type] ?? []).map((data) => ({ type, name, ttl, data }));
    case "TXT":
      return (node.TXT ?? []).map((value) => ({ type, name, ttl, data: characterStrings(value) }));
    case "MX":
      return (node.MX ?? []).map((data) => ({ type, name, ttl, data: { ...data } }));
    case "CNAME":
      return node.CNAME === undefined ? [] : [{ type, name, ttl, data: node.CNAME }];
    default:
      return [];
  }
}

/** RFC 1035 §3.3: a <character-string> holds at most 255 octets. */
function characterStrings(value: TxtValue): Buffer[] {
  if (typeof value !== "string") return value.map((chunk) => Buffer.from(chunk));
  const bytes = Buffer.from(value);
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += 255) chunks.push(bytes.subarray(offset, offset + 255));
  return chunks.length > 0 ? chunks : [Buffer.alloc(0)];
}

/** RFC 8020: a name with names below it exists (an empty non-terminal), so it is NODATA, not NXDOMAIN. */
function hasNameBelow(zone: Zone, name: string): boolean {
  return Object.keys(zone.records).some((owner) => owner.endsWith(`.${name}`));
}

function canonical(name: string): string {
  return name.replace(/\.$/, "").toLowerCase();
}
