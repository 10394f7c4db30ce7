// Reading inputs ahead of their turn, so checking a batch never waits for the disk: while one message
// is parsed and checked, the next ones are already being read on the thread pool (a run that read each
// file only when its turn came sat idle for 18 % of its time, bench/ANALYSIS.md).
import type { InputMessage } from "../cli/inputs.js";

/** At most this many messages are read ahead of the one being checked… */
const AHEAD_MESSAGES = 16;
/** …holding at most this many bytes between them (a batch of 20 MB messages reads one at a time). */
const AHEAD_BYTES = 8 * 1024 * 1024;

interface Reading {
  readonly bytes: Promise<Buffer>;
  readonly size: number;
}

/** The inputs in order, each one's read started before its turn; read() gives those bytes. */
export function* readingAhead(messages: readonly InputMessage[]): Generator<InputMessage> {
  const ahead: Reading[] = [];
  let aheadBytes = 0;
  let next = 0;
  const start = (): Reading => {
    const message = messages[next++]!;
    const bytes = message.read();
    // a failed read is reported when its turn comes; until then it must not count as unhandled
    bytes.catch(() => undefined);
    return { bytes, size: message.size ?? 0 };
  };
  for (let turn = 0; turn < messages.length; turn++) {
    let current = ahead.shift();
    if (current) aheadBytes -= current.size;
    else current = start();
    while (next < messages.length && ahead.length < AHEAD_MESSAGES && aheadBytes + (messages[next]!.size ?? 0) <= AHEAD_BYTES) {
      const reading = start();
      ahead.push(reading);
      aheadBytes += reading.size;
    }
    const input = handOver(messages[turn]!, current.bytes);
    // while this generator waits at the yield, the input is the only holder of its bytes
    current = undefined;
    yield input;
  }
}

/**
 * The message, whose first read() gives the bytes read ahead and lets go of them: from then on only the
 * caller holds them, which can let a large message's Buffer go once it is parsed (src/preflight.ts).
 * A later read() reads the input again.
 */
function handOver(message: InputMessage, bytes: Promise<Buffer>): InputMessage {
  let ahead: Promise<Buffer> | undefined = bytes;
  return {
    ...message,
    read: () => {
      const given = ahead ?? message.read();
      ahead = undefined;
      return given;
    },
  };
}
