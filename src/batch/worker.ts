// One check worker (see pool.ts): a session with the run's options; checks what it is handed.
import { parentPort, workerData } from "node:worker_threads";
import type { InputKind } from "../cli/inputs.js";
import type { PreflightOptions } from "../preflight.js";
import type { Result } from "../report/types.js";

export interface WorkerTask {
  readonly index: number;
  readonly name: string;
  readonly path?: string;
  readonly kind: InputKind;
  readonly firstLine: number;
  readonly bytes: Uint8Array;
}

export type WorkerReply = { readonly index: number; readonly result: Result } | { readonly index: number; readonly error: { readonly message: string; readonly stack?: string } };

const port = parentPort!;
const { startSession } = await import("../preflight.js");
const session = await startSession((workerData as { preflight: PreflightOptions }).preflight);

port.on("message", async (task: WorkerTask) => {
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  let reply: WorkerReply;
  try {
    const { index, bytes: _moved, ...input } = task;
    reply = { index, result: await session.check({ ...input, read: async () => bytes }) };
  } catch (error) {
    reply = { index: task.index, error: { message: (error as Error).message, ...((error as Error).stack ? { stack: (error as Error).stack } : {}) } };
  }
  port.postMessage(reply);
});
