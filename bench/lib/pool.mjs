// Runs corpus entries over N worker threads, one message per hand-off. Records come back in entry
// order whatever the timing. A message that takes longer than `timeoutMs` is recorded as a crash
// (kind "timeout"), its worker is replaced and the run goes on.
import { Worker } from "node:worker_threads";

const WORKER_URL = new URL("./worker.mjs", import.meta.url);

/**
 * @param entries   corpus entries ({ group, file, path })
 * @param options   { workers, distDir, timeoutMs, onProgress(done, total) }
 * @returns { records (index-aligned with entries), withoutModule (catalogue ids turned off) }
 */
export function runPool(entries, { workers, distDir, timeoutMs, onProgress = () => {} }) {
  const records = new Array(entries.length);
  let next = 0;
  let done = 0;
  let withoutModule = [];
  return new Promise((resolve, reject) => {
    if (entries.length === 0) return resolve({ records, withoutModule });
    let failed = false;
    const fail = (error) => {
      if (failed) return;
      failed = true;
      reject(error);
    };

    const start = () => {
      const worker = new Worker(WORKER_URL, { workerData: { distDir }, execArgv: [] });
      let current = -1;
      let timer;
      const handOut = () => {
        if (failed || next >= entries.length) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = next++;
        timer = setTimeout(() => {
          const entry = entries[current];
          records[current] = { group: entry.group, file: entry.file, ms: timeoutMs, crash: { kind: "timeout", detail: `no result after ${timeoutMs} ms` } };
          finish();
          worker.removeAllListeners();
          void worker.terminate();
          start();
        }, timeoutMs);
        worker.postMessage({ index: current, entry: entries[current] });
      };
      const finish = () => {
        done++;
        onProgress(done, entries.length);
        if (done === entries.length) resolve({ records, withoutModule });
      };
      worker.on("message", (message) => {
        if (message.ready) {
          withoutModule = message.withoutModule;
          return handOut();
        }
        clearTimeout(timer);
        records[message.index] = message.record;
        finish();
        handOut();
      });
      worker.on("error", (error) => {
        clearTimeout(timer);
        // a throw outside checkOne (loading the rules, the worker itself) stops the whole run
        fail(new Error(`corpus worker failed${current >= 0 ? ` on ${entries[current].group}/${entries[current].file}` : " while starting"}: ${error.stack ?? error}`));
      });
    };
    for (let i = 0; i < Math.min(workers, entries.length); i++) start();
  });
}
