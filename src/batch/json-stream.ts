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
    await write(out, `${count++ === 0 ? "" : ","}\n    ${nested(result, 2)}`);
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

function write(out: Writable, text: string): Promise<void> | void {
  if (out.write(text)) return;
  return new Promise((resolve) => out.once("drain", () => resolve()));
}
