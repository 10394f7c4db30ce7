// Worker threads for a batch: the main thread reads each input and hands its bytes over (moved, not
// copied); each worker keeps one session (parser and rules loaded once) and sends back the result.
// Results are yielded in input order; at most WINDOW results wait for a slower earlier one, so a
// 10,000-message run holds a bounded number of results however it is consumed.
import { Worker } from "node:worker_threads";
import type { InputMessage } from "../cli/inputs.js";
import type { PreflightOptions } from "../preflight.js";
import type { Result } from "../report/types.js";
import type { WorkerReply, WorkerTask } from "./worker.js";
import { readingAhead } from "./read-ahead.js";
import { UnreadableInputError } from "../cli/errors.js";
import { resolveLimits } from "../limits.js";

/** Messages handed out ahead of the next one to yield. */
const WINDOW = 64;
/** Tasks queued at one worker, so it never waits for the main thread between messages. */
const PER_WORKER = 2;
/**
 * A worker's old generation may grow to this many times the largest input it can be handed. The
 * limit is what keeps a long batch's memory flat: with V8's default (a quarter of the machine's memory,
 * 2 GB or more) V8 lets the old generation grow to 4x its live size between full collections, and a
 * worker's heap grew from ~60 MB to ~110 MB over 10,000 messages with no more live in it; below 2 GB the
 * factor falls towards 1.3 (1.8 at 1.5 GB), and the 10,000-message peak RSS went from 391 to 295 MB
 * (bench/ANALYSIS.md, scale). The most a message needed here was ~560 MB (60 MB of one-letter words,
 * one thread), 9x its size; past the limit the worker ends and the run with one line, exit 2.
 */
const HEAP_PER_INPUT_BYTE = 24;

interface Pending {
  readonly promise: Promise<Result>;
  resolve(result: Result): void;
  reject(error: Error): void;
}

export async function* checkInWorkers(messages: readonly InputMessage[], preflight: PreflightOptions, count: number): AsyncGenerator<Result> {
  const pending = new Map<number, Pending>();
  const load = new Map<Worker, number>();
  const inputs = readingAhead(messages);
  let nextToHand = 0;
  let yielded = 0;
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const entry of pending.values()) entry.reject(failure);
  };

  const handOut = async (): Promise<void> => {
    for (const worker of load.keys()) {
      while (!failure && load.get(worker)! < PER_WORKER && nextToHand < messages.length && nextToHand < yielded + WINDOW) {
        const index = nextToHand++;
        pending.set(index, deferred());
        load.set(worker, load.get(worker)! + 1);
        const input = inputs.next().value!;
        const about = { index, name: input.name, ...(input.path !== undefined ? { path: input.path } : {}), kind: input.kind, firstLine: input.firstLine };
        let bytes: Buffer;
        try {
          bytes = await input.read();
        } catch (error) {
          // the worker's session reports an unreadable input as its result, as in one thread
          if (!(error instanceof UnreadableInputError)) return fail(error as Error);
          worker.postMessage({ ...about, unreadable: { reason: error.reason, message: error.message } } satisfies WorkerTask);
          continue;
        }
        // a Buffer may be a view of Node's shared pool: copy out exactly its bytes, then move them
        const owned = new Uint8Array(bytes);
        worker.postMessage({ ...about, bytes: owned } satisfies WorkerTask, [owned.buffer]);
      }
    }
  };

  // Tasks are handed out at once: a worker's port keeps them until its session is loaded, so the files
  // are read while the workers start (each loads the parser and every rule, ~300 ms) instead of after.
  const maxOldGenerationSizeMb = Math.ceil((HEAP_PER_INPUT_BYTE * resolveLimits(preflight.limits).maxInputBytes) / 2 ** 20);
  for (let i = 0; i < count; i++) {
    const worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: { preflight }, resourceLimits: { maxOldGenerationSizeMb } });
    load.set(worker, 0);
    worker.on("message", (reply: WorkerReply) => {
      load.set(worker, load.get(worker)! - 1);
      const entry = pending.get(reply.index)!;
      if ("error" in reply) entry.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
      else entry.resolve(reply.result);
      void handOut();
    });
    worker.on("error", (error) => fail(error));
    worker.on("exit", (code) => code !== 0 && fail(new Error(`a check worker stopped with exit code ${code}`)));
  }
  try {
    await handOut();
    while (yielded < messages.length) {
      if (failure) throw failure;
      const entry = pending.get(yielded);
      if (!entry) throw failure ?? new Error(`internal: message ${yielded} was never handed to a worker`);
      const result = await entry.promise;
      pending.delete(yielded);
      yielded++;
      void handOut();
      yield result;
    }
  } finally {
    await Promise.all([...load.keys()].map((worker) => worker.removeAllListeners("exit").terminate()));
  }
}

function deferred(): Pending {
  let resolve!: (result: Result) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<Result>((ok, ko) => {
    resolve = ok;
    reject = ko;
  });
  // a rejection is awaited when its turn comes; until then it must not count as unhandled
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
