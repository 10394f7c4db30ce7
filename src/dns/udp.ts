// The stub resolver: asks upstream servers over UDP with EDNS0 and falls back to TCP for big answers.
import { createSocket, type Socket } from "node:dgram";
import type { QueryResult, RecordType, Resolver } from "./resolver.js";
import { formatServerAddress, type ServerAddress } from "./server-address.js";
import { exchangeTcp } from "./tcp.js";
import {
  answersQuestion,
  decodeReply,
  encodeQuery,
  failedResult,
  isValidDnsName,
  peekId,
  randomQueryId,
  toQueryResult,
  type CompleteExchange,
  type Exchange,
  type PendingQuestion,
} from "./wire.js";

export interface UdpResolverOptions {
  readonly servers: readonly ServerAddress[];
  /** How long one try waits for its reply. */
  readonly perQueryTimeoutMs?: number;
  /** Tries per question, taking the servers in turn (RFC 1035 §7.2 retransmission). */
  readonly tries?: number;
}

export const DEFAULT_PER_QUERY_TIMEOUT_MS = 2000;
const DEFAULT_TRIES = 2;

/** A datagram this big that still does not decode was most likely cut short on the way: ask over TCP. */
const CUT_SHORT_MIN_BYTES = 512;

export function createUdpResolver(options: UdpResolverOptions): Resolver {
  const { servers, perQueryTimeoutMs = DEFAULT_PER_QUERY_TIMEOUT_MS, tries = DEFAULT_TRIES } = options;
  if (servers.length === 0) throw new Error("a DNS resolver needs at least one server");
  return {
    async query(name: string, type: RecordType, signal?: AbortSignal): Promise<QueryResult> {
      if (!isValidDnsName(name)) return { rcode: "ERROR", answers: [], reason: `not a valid DNS name: ${name}` };
      let last: QueryResult = { rcode: "TIMEOUT", answers: [], reason: "no try made" };
      for (let attempt = 0; attempt < tries; attempt++) {
        if (signal?.aborted) return { rcode: "TIMEOUT", answers: [], reason: "query aborted" };
        const server = servers[attempt % servers.length] as ServerAddress;
        const outcome = await askServer(server, name, type, perQueryTimeoutMs, signal);
        last = outcome.result;
        // No reply is worth another try; so is a server's failure when another server may do better.
        const worthAnotherTry = !outcome.replied || ((last.rcode === "SERVFAIL" || last.rcode === "REFUSED") && servers.length > 1);
        if (!worthAnotherTry) return last;
      }
      return last;
    },
  };
}

/** One server's answer, or why there was none. */
interface Attempt {
  readonly result: QueryResult;
  readonly replied: boolean;
}

async function askServer(server: ServerAddress, name: string, type: RecordType, timeoutMs: number, signal?: AbortSignal): Promise<Attempt> {
  const withEdns = await askOnce(server, name, type, { edns: true, timeoutMs, signal });
  // RFC 6891 §7: a server that predates EDNS0 answers FORMERR to a query with OPT; ask it again without.
  if (withEdns.result.rcode !== "FORMERR") return withEdns;
  return askOnce(server, name, type, { edns: false, timeoutMs, signal });
}

interface AskOptions {
  readonly edns: boolean;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
}

async function askOnce(server: ServerAddress, name: string, type: RecordType, { edns, timeoutMs, signal }: AskOptions): Promise<Attempt> {
  const udpQuestion = { id: randomQueryId(), name, type };
  const overUdp = await exchangeUdp(server, encodeQuery(name, type, { id: udpQuestion.id, edns }), udpQuestion, timeoutMs, signal);
  const overTcp = (): Promise<CompleteExchange> => {
    const tcpQuestion = { id: randomQueryId(), name, type };
    return exchangeTcp(server, encodeQuery(name, type, { id: tcpQuestion.id, edns }), tcpQuestion, timeoutMs, signal);
  };
  const exchange = overUdp.kind === "truncated" ? await overTcp() : overUdp;
  return exchange.kind === "reply"
    ? { result: toQueryResult(exchange.reply, name, type), replied: true }
    : { result: failedResult(exchange), replied: false };
}

function exchangeUdp(server: ServerAddress, query: Buffer, question: PendingQuestion, timeoutMs: number, signal?: AbortSignal): Promise<Exchange> {
  return new Promise((resolve) => {
    const where = formatServerAddress(server);
    // A fresh socket per try gets a fresh random source port from the OS (RFC 5452 §9.2), and
    // connect() makes the kernel drop datagrams from any other address or port (RFC 5452 §9.1).
    const socket = createSocket(server.family === 6 ? "udp6" : "udp4");
    let settled = false;
    const finish = (exchange: Exchange): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      closeQuietly(socket);
      resolve(exchange);
    };
    const onAbort = (): void => finish({ kind: "failed", rcode: "TIMEOUT", reason: `query to ${where} aborted` });
    const timer = setTimeout(() => finish({ kind: "failed", rcode: "TIMEOUT", reason: `no reply from ${where} within ${timeoutMs} ms` }), timeoutMs);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });

    socket.on("error", (error) => finish({ kind: "failed", rcode: "ERROR", reason: `UDP to ${where}: ${error.message}` }));
    socket.on("message", (datagram, source) => {
      // Checked again here, not only trusted to connect(): a spoofed reply must never be accepted.
      if (source.port !== server.port || source.address !== remoteAddressOf(socket)) return;
      const reply = decodeReply(datagram);
      if (reply === undefined) {
        if (peekId(datagram) === question.id && datagram.length >= CUT_SHORT_MIN_BYTES) finish({ kind: "truncated" });
        return;
      }
      if (!answersQuestion(reply, question.id, question.name, question.type)) return;
      finish(reply.flag_tc ? { kind: "truncated" } : { kind: "reply", reply });
    });
    socket.connect(server.port, server.host, () => socket.send(query));
  });
}

function remoteAddressOf(socket: Socket): string | undefined {
  try {
    return socket.remoteAddress().address;
  } catch {
    return undefined;
  }
}

function closeQuietly(socket: Socket): void {
  try {
    socket.close();
  } catch {
    // already closed after an error: nothing left to release
  }
}
