// A real authoritative DNS server on loopback (UDP and TCP on one random port), answering from
// zone JSON files, with faults to misbehave on purpose. It records every query it receives.
//
//   const server = await startZoneServer({ zones: ["fixtures/zones/dns-basic.json"], faults: { "slow.example.com": { delayMs: 300 } } });
//   createResolver({ resolver: server.address });   // "127.0.0.1:40123"
//   server.queries;                                 // [{ name, type, transport, edns, at }]
//   await server.close();
import { createSocket, type Socket as UdpSocket } from "node:dgram";
import { createServer, type Server, type Socket as TcpSocket } from "node:net";
import * as dnsPacket from "dns-packet";
import type { RecordType } from "../../src/dns/resolver.js";
import { encodeResponse, faultFor, loadZone, mergeZones, type Fault, type Faults, type Zone } from "./zone.js";

export interface ZoneServerOptions {
  /** Zone objects, or paths of zone JSON files; merged by name. */
  readonly zones: readonly (Zone | string)[];
  /** Faults by name ("*" for every name), over the zones' own "faults". */
  readonly faults?: Faults;
  readonly host?: "127.0.0.1" | "::1";
}

export interface ReceivedQuery {
  readonly name: string;
  readonly type: RecordType;
  readonly transport: "udp" | "tcp";
  /** Whether the query carried an EDNS0 OPT record. */
  readonly edns: boolean;
  /** Milliseconds since the server started. */
  readonly at: number;
}

export interface ZoneServer {
  /** "127.0.0.1:port" or "[::1]:port", ready for createResolver({ resolver }). */
  readonly address: string;
  readonly host: string;
  readonly port: number;
  /** Every query received, in order; tests may empty it (`server.queries.length = 0`). */
  readonly queries: ReceivedQuery[];
  /** Replace the faults given at start (the zones' own faults stay underneath). */
  setFaults(faults: Faults): void;
  close(): Promise<void>;
}

interface IncomingQuery {
  readonly id: number;
  readonly name: string;
  readonly type: RecordType;
  readonly recursionDesired: boolean;
  /** The query's EDNS0 OPT record (RFC 6891 §6.1.1), echoed in the reply. */
  readonly opt?: dnsPacket.OptAnswer;
}

/** RFC 1035 §4.2.1: without EDNS0 a UDP reply holds at most 512 bytes. */
const CLASSIC_UDP_LIMIT = 512;

export async function startZoneServer(options: ZoneServerOptions): Promise<ZoneServer> {
  const zone = mergeZones(options.zones.map((entry) => (typeof entry === "string" ? loadZone(entry) : entry)));
  const host = options.host ?? "127.0.0.1";
  let faults: Faults = { ...zone.faults, ...options.faults };
  const startedAt = performance.now();
  const queries: ReceivedQuery[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const connections = new Set<TcpSocket>();
  const { udp, tcp, port } = await bindSamePort(host);
  // A second socket on another port, for replies that come from the wrong source (RFC 5452 §9.1).
  const forger = await bindUdp(host, 0);

  const after = (delayMs: number | undefined, action: () => void): void => {
    if (!delayMs) return action();
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, delayMs);
    timers.add(timer);
  };
  const receive = (bytes: Buffer, transport: "udp" | "tcp"): { query: IncomingQuery; fault: Fault } | undefined => {
    const query = decodeQuery(bytes);
    if (query === undefined) return undefined;
    queries.push({ name: query.name, type: query.type, transport, edns: query.opt !== undefined, at: Math.round(performance.now() - startedAt) });
    const fault = faultFor(faults, query.name);
    if (fault.drop) return undefined;
    // RFC 6891 §7: a server without EDNS0 answers FORMERR to a query with OPT, and sends no OPT back.
    if (fault.ednsUnsupported && query.opt) return { query: { ...query, opt: undefined }, fault: { ...fault, rcode: "FORMERR" } };
    return { query, fault };
  };

  udp.on("message", (bytes, client) => {
    const received = receive(bytes, "udp");
    if (received === undefined) return;
    const { query, fault } = received;
    const send = (reply: Buffer, from: UdpSocket = udp): void => from.send(reply, client.port, client.address);
    after(fault.delayMs, () => {
      if (fault.spoof) sendForgery(fault.spoof, zone, query, send, forger);
      const reply = udpReply(zone, query, fault);
      if (fault.malformed) {
        send(Buffer.from([0xde, 0xad, 0xbe]));
        send(reply.subarray(0, reply.length - 3));
      }
      send(reply);
    });
  });

  tcp.on("connection", (socket) => {
    connections.add(socket);
    socket.on("close", () => connections.delete(socket));
    socket.on("error", () => socket.destroy());
    let buffered = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      // RFC 7766 §8: two-octet length, then the message; several may share a connection.
      while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
        const message = buffered.subarray(2, 2 + buffered.readUInt16BE(0));
        buffered = buffered.subarray(2 + message.length);
        const received = receive(message, "tcp");
        if (received === undefined) continue;
        const { query, fault } = received;
        after(fault.delayMs, () => {
          if (!socket.destroyed) socket.write(withLengthPrefix(replyTo(zone, query, { rcode: fault.rcode })));
        });
      }
    });
  });

  return {
    address: host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`,
    host,
    port,
    queries,
    setFaults(next: Faults): void {
      faults = { ...zone.faults, ...next };
    },
    async close(): Promise<void> {
      timers.forEach(clearTimeout);
      connections.forEach((socket) => socket.destroy());
      await Promise.all([
        new Promise<void>((resolve) => tcp.close(() => resolve())),
        new Promise<void>((resolve) => udp.close(() => resolve())),
        new Promise<void>((resolve) => forger.close(() => resolve())),
      ]);
    },
  };
}

function decodeQuery(bytes: Buffer): IncomingQuery | undefined {
  let packet: dnsPacket.DecodedPacket;
  try {
    packet = dnsPacket.decode(bytes);
  } catch {
    return undefined;
  }
  const question = packet.questions?.[0];
  if (packet.flag_qr || packet.questions?.length !== 1 || question === undefined) return undefined;
  const opt = packet.additionals?.find((record): record is dnsPacket.OptAnswer => record.type === "OPT");
  return {
    id: packet.id ?? 0,
    name: question.name,
    type: question.type as RecordType,
    recursionDesired: packet.flag_rd,
    opt,
  };
}

interface ReplyOptions {
  readonly rcode?: Fault["rcode"] | "NXDOMAIN";
  readonly truncated?: boolean;
  readonly id?: number;
  readonly name?: string;
}

function replyTo(zone: Zone, query: IncomingQuery, options: ReplyOptions = {}): Buffer {
  return encodeResponse(zone, {
    id: options.id ?? query.id,
    name: options.name ?? query.name,
    type: query.type,
    rcode: options.rcode,
    truncated: options.truncated,
    recursionDesired: query.recursionDesired,
    additionals: query.opt ? [query.opt] : [],
  });
}

/** RFC 6891 §7: a reply larger than the client's advertised payload size (512 without EDNS0) is sent with TC and no records. */
function udpReply(zone: Zone, query: IncomingQuery, fault: Fault): Buffer {
  const reply = replyTo(zone, query, { rcode: fault.rcode, truncated: fault.truncateUdp });
  const limit = Math.max(CLASSIC_UDP_LIMIT, query.opt?.udpPayloadSize ?? CLASSIC_UDP_LIMIT);
  return reply.length > limit ? replyTo(zone, query, { rcode: fault.rcode, truncated: true }) : reply;
}

/** A forged NXDOMAIN, sent before the real reply: the client must ignore it. */
function sendForgery(
  kind: NonNullable<Fault["spoof"]>,
  zone: Zone,
  query: IncomingQuery,
  send: (reply: Buffer, from?: UdpSocket) => void,
  forger: UdpSocket,
): void {
  switch (kind) {
    case "wrong-id":
      return send(replyTo(zone, query, { rcode: "NXDOMAIN", id: (query.id + 1) & 0xffff }));
    case "wrong-question":
      return send(replyTo(zone, query, { rcode: "NXDOMAIN", name: `forged.${query.name}` }));
    case "wrong-source":
      return send(replyTo(zone, query, { rcode: "NXDOMAIN" }), forger);
  }
}

function withLengthPrefix(message: Buffer): Buffer {
  const prefix = Buffer.alloc(2);
  prefix.writeUInt16BE(message.length);
  return Buffer.concat([prefix, message]);
}

/** UDP and TCP on the same port, as a real server listens; retried when the port is taken for one of them. */
async function bindSamePort(host: string): Promise<{ udp: UdpSocket; tcp: Server; port: number }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const tcp = createServer();
    await new Promise<void>((resolve, reject) => {
      tcp.once("error", reject);
      tcp.listen(0, host, () => resolve());
    });
    const address = tcp.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    try {
      return { udp: await bindUdp(host, port), tcp, port };
    } catch {
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
    }
  }
  throw new Error(`no port free for both UDP and TCP on ${host}`);
}

function bindUdp(host: string, port: number): Promise<UdpSocket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(host.includes(":") ? "udp6" : "udp4");
    socket.once("error", (error) => {
      socket.close();
      reject(error);
    });
    socket.bind(port, host, () => {
      socket.removeAllListeners("error");
      // A reply to a client that already gave up bounces with ECONNREFUSED; that is no server error.
      socket.on("error", () => undefined);
      resolve(socket);
    });
  });
}
