// One check worker (see pool.ts): a session with the run's options; checks what it is handed.
import { parentPort, workerData } from "node:worker_threads";
import type { InputKind } from "../cli/inputs.js";
import type { PreflightOptions } from "../preflight.js";
import type { Result } from "../report/types.js";
import { UnreadableInputError } from "../cli/errors.js";

interface TaskInput {
  readonly index: number;
  readonly name: string;
  readonly path?: string;
  readonly kind: InputKind;
  readonly firstLine: number;
}

/** A message to check: its bytes, or why the main thread could not read them. */
export type WorkerTask = TaskInput & ({ readonly bytes: Uint8Array } | { readonly unreadable: { readonly reason: string; readonly message: string } });

export type WorkerReply = { readonly index: number; readonly result: Result } | { readonly index: number; readonly error: { readonly message: string; readonly stack?: string } };

const port = parentPort!;
const { startSession } = await import("../preflight.js");
const session = await startSession((workerData as { preflight: PreflightOptions }).preflight);

port.on("message", async (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    const { index, name, kind, firstLine } = task;
    const read =
      "bytes" in task
        ? async () => Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength)
        : async () => {
            throw new UnreadableInputError(task.unreadable.reason, task.unreadable.message);
          };
    reply = { index, result: await session.check({ name, ...(task.path !== undefined ? { path: task.path } : {}), kind, firstLine, read }) };
  } catch (error) {
    reply = { index: task.index, error: { message: (error as Error).message, ...((error as Error).stack ? { stack: (error as Error).stack } : {}) } };
  }
  port.postMessage(reply);
});
