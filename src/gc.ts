// A major garbage collection on demand, for large messages only. V8 collects its old generation when
// it sees fit, which for a 20 MB message was after the peak: the input's Buffer and the garbage of
// decoding it were still held while the HTML DOM was built and the rules ran (bench/ANALYSIS.md,
// Memory). One collection at that point costs tens of milliseconds, nothing against the seconds such
// a message takes, and a small message never pays it.

/** Messages of at least this many bytes are collected for once their fields are read. */
export const LARGE_MESSAGE_BYTES = 4 * 1024 * 1024;

let collect: (() => void) | undefined;

/** A full, forced GC. node gives no API for one; --expose-gc set at run time puts gc() in a new context. */
export function collectGarbage(): void {
  if (!collect) {
    const v8 = process.getBuiltinModule("node:v8");
    const vm = process.getBuiltinModule("node:vm");
    v8.setFlagsFromString("--expose-gc");
    const found: unknown = vm.runInNewContext("typeof gc === 'function' ? gc : undefined");
    // contexts made later (vm, worker threads) get no gc global
    v8.setFlagsFromString("--no-expose-gc");
    // the flag is process-wide: a worker thread may have turned it off in between; the collection only
    // saves memory, so it is skipped this once rather than failing the check
    if (typeof found !== "function") return;
    collect = found as () => void;
  }
  collect();
}
