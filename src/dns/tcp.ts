// DNS over TCP (RFC 7766), used when a UDP answer comes back truncated or cannot be read whole.
import { connect } from "node:net";
import { formatServerAddress, type ServerAddress } from "./server-address.js";
import { answersQuestion, decodeReply, type CompleteExchange, type PendingQuestion } from "./wire.js";

/** RFC 1035 §4.2.2, RFC 7766 §8: each message is preceded by its length as two octets. */
function withLengthPrefix(message: Buffer): Buffer {
  const prefix = Buffer.alloc(2);
  prefix.writeUInt16BE(message.length);
  return Buffer.concat([prefix, message]);
}

export function exchangeTcp(
  server: ServerAddress,
  query: Buffer,
  question: PendingQuestion,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<CompleteExchange> {
  return new Promise((resolve) => {
    const where = formatServerAddress(server);
    const socket = connect({ host: server.host, port: server.port });
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (exchange: CompleteExchange): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      socket.destroy();
      resolve(exchange);
    };
    const onAbort = (): void => finish({ kind: "failed", rcode: "TIMEOUT", reason: `query to ${where} aborted` });
    const timer = setTimeout(
      () => finish({ kind: "failed", rcode: "TIMEOUT", reason: `no TCP reply from ${where} within ${timeoutMs} ms` }),
      timeoutMs,
    );
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });

    socket.on("connect", () => socket.write(withLengthPrefix(query)));
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      // RFC 7766 §6.2.1: a server may send several messages on one connection; take the one that answers us.
      while (received.length >= 2) {
        const length = received.readUInt16BE(0);
        if (received.length < 2 + length) return;
        const reply = decodeReply(received.subarray(2, 2 + length));
        received = received.subarray(2 + length);
        if (reply !== undefined && answersQuestion(reply, question.id, question.name, question.type)) {
          return finish({ kind: "reply", reply });
        }
      }
    });
    socket.on("error", (error) => finish({ kind: "failed", rcode: "ERROR", reason: `TCP to ${where}: ${error.message}` }));
    socket.on("close", () => finish({ kind: "failed", rcode: "ERROR", reason: `TCP connection to ${where} closed before a reply` }));
  });
}
