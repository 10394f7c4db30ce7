// Every input of a `check` run → its result, in input order. Offline batches above a threshold are
// spread over worker threads (content rules are pure CPU: parsing and rules scale with cores);
// small batches, online runs and the HTML report (whose previews need each parsed message in this
// thread) check in this thread, where one session's DNS resolver and cache serve every message.
import { availableParallelism } from "node:os";
import type { InputMessage } from "../cli/inputs.js";
import type { PreflightOptions, SessionHooks } from "../preflight.js";
import type { Result } from "../report/types.js";
import { readingAhead } from "./read-ahead.js";

/**
 * Below this many messages, starting workers (each loads the parser and every rule, ~150 ms) costs
 * more than it saves at ~2 ms a message. Measured in bench/RESULTS.md (scale).
 */
export const WORKER_THRESHOLD = 200;
/** Each worker holds its own rules and parser (~60 MB); beyond 4 the reordering main thread is the limit. */
const MAX_WORKERS = 4;

export interface BatchOptions {
  readonly preflight: PreflightOptions;
  readonly hooks?: SessionHooks;
  /**
   * Worker threads; default: the MAIL_PREFLIGHT_WORKERS environment variable, else one per core
   * (at most 4) for an offline batch of WORKER_THRESHOLD messages or more. 0 or 1: this thread only.
   */
  readonly workers?: number;
  /** Called with each result as it is yielded (the progress bar). */
  readonly onResult?: (result: Result) => void;
}

export async function* checkAll(messages: readonly InputMessage[], options: BatchOptions): AsyncGenerator<Result> {
  for await (const result of inOrder(messages, options)) {
    options.onResult?.(result);
    yield result;
  }
}

async function* inOrder(messages: readonly InputMessage[], options: BatchOptions): AsyncGenerator<Result> {
  const workers = workerCount(messages.length, options);
  if (workers > 1) {
    const { checkInWorkers } = await import("./pool.js");
    yield* checkInWorkers(messages, options.preflight, workers);
    return;
  }
  const { startSession } = await import("../preflight.js");
  const session = await startSession(options.preflight, options.hooks);
  for (const message of readingAhead(messages)) yield await session.check(message);
}

function workerCount(messageCount: number, options: BatchOptions): number {
  // hooks see each parsed MessageModel, which cannot cross threads; the DNS resolver stays shared here
  if (options.hooks?.onParsed || !options.preflight.offline) return 0;
  const requested = options.workers ?? workersFromEnv(process.env.MAIL_PREFLIGHT_WORKERS);
  if (requested !== undefined) return Number.isInteger(requested) && requested > 1 ? Math.min(requested, messageCount) : 0;
  if (messageCount < WORKER_THRESHOLD) return 0;
  return Math.min(availableParallelism(), MAX_WORKERS);
}

/**
 * The worker threads MAIL_PREFLIGHT_WORKERS asks for: undefined when it is unset or empty (the batch
 * decides), else 0 (this thread only) unless it is a whole number above 1. bin/mail-preflight.js reads
 * it the same way, to start from the snapshot when it rules workers out.
 */
export function workersFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const count = Number(value);
  return Number.isInteger(count) && count > 1 ? count : 0;
}
