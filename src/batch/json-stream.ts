// `--format json` written as results arrive: the same bytes format/json.ts prints for the whole
// report (two-space indentation, summary last), without holding every result until the end.
import type { Writable } from "node:stream";
import type { Report, Result } from "../report/types.js";
import type { Severity } from "../rules/types.js";

export interface StreamedReport {
  /** Every distinct severity reported (for --fail-on). */
  readonly severities: ReadonlySet<Severity>;
}

export async function streamJsonReport(results: AsyncIterable<Result>, out: Writable): Promise<StreamedReport> {
  const { buildReport, summaryTally } = await import("../report/build.js");
  const empty = buildReport([]);
  const severities = new Set<Severity>();
  // the summary is counted as results pass: a 10,000-message run keeps no per-result state
  const tally = summaryTally();
  let count = 0;
  await write(out, `{\n  "schemaVersion": ${JSON.stringify(empty.schemaVersion)},\n  "tool": ${nested(empty.tool, 1)},\n  "results": [`);
  for await (const result of results) {
    await writeChunked(out, [count++ === 0 ? "\n    " : ",\n    ", ...pieces(result, 2, 2)]);
    for (const finding of result.findings) severities.add(finding.severity);
    tally.add(result);
  }
  const summary: Report["summary"] = tally.summary();
  await write(out, `${count === 0 ? "]" : "\n  ]"},\n  "summary": ${nested(summary, 1)}\n}\n`);
  return { severities };
}

/** JSON.stringify(value, null, 2) as it appears `depth` levels deep (JSON strings hold no raw newline). */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${"  ".repeat(depth)}`);
}

/**
 * nested(value, depth) in pieces: plain objects and arrays `levels` deep are written member by member.
 * A result with 5,000 findings is 3 MB of JSON; made as one string (two bytes a character once a
 * finding quotes an en dash), then indented and concatenated, it added 20 MB to a 20 MB message's
 * peak RSS (bench/ANALYSIS.md, Memory).
 */
export function* pieces(value: unknown, depth: number, levels: number): Generator<string> {
  if (levels === 0 || !splittable(value)) {
    yield nested(value, depth);
    return;
  }
  const inner = `\n${"  ".repeat(depth + 1)}`;
  // Array.from, not map: a hole is written as null, as JSON.stringify does
  const members = Array.isArray(value) ? Array.from(value, (item, index) => [index, item] as const) : Object.entries(value);
  let written = 0;
  for (const [key, member] of members) {
    const label = typeof key === "number" ? "" : `${JSON.stringify(key)}: `;
    const head = `${written === 0 ? (Array.isArray(value) ? "[" : "{") : ","}${inner}${label}`;
    if (splittable(member) && levels > 1) {
      yield head;
      yield* pieces(member, depth + 1, levels - 1);
    } else {
      const text = JSON.stringify(member, null, 2);
      // as in JSON.stringify: what has no JSON form is left out of an object and null in an array
      if (text === undefined && typeof key !== "number") continue;
      yield head + (text === undefined ? "null" : text.replace(/\n/g, inner));
    }
    written++;
  }
  const close = Array.isArray(value) ? "]" : "}";
  yield written === 0 ? `${Array.isArray(value) ? "[" : "{"}${close}` : `\n${"  ".repeat(depth)}${close}`;
}

/** An array or a plain object that JSON.stringify writes member by member (no toJSON of its own). */
function splittable(value: unknown): value is Record<string, unknown> | unknown[] {
  if (typeof value !== "object" || value === null || typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Bytes gathered before a write: a write per finding would cost a system call each on a file. */
const CHUNK_CHARACTERS = 64 * 1024;

async function writeChunked(out: Writable, texts: Iterable<string>): Promise<void> {
  let chunk = "";
  for (const text of texts) {
    chunk += text;
    if (chunk.length >= CHUNK_CHARACTERS) {
      await write(out, chunk);
      chunk = "";
    }
  }
  if (chunk !== "") await write(out, chunk);
}

function write(out: Writable, text: string): Promise<void> | void {
  if (out.write(text)) return;
  return new Promise((resolve) => out.once("drain", () => resolve()));
}
