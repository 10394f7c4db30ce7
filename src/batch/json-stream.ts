// `--format json` written as results arrive: the same bytes format/json.ts prints for the whole
// report (two-space indentation, summary last), without holding every result until the end.
import type { Writable } from "node:stream";
import type { Finding } from "../rules/engine.js";
import type { Report, Result } from "../report/types.js";
import type { Severity } from "../rules/types.js";

export interface StreamedReport {
  /** Every distinct severity reported (for --fail-on). */
  readonly severities: ReadonlySet<Severity>;
}

export async function streamJsonReport(results: AsyncIterable<Result>, out: Writable): Promise<StreamedReport> {
  const { buildReport } = await import("../report/build.js");
  const empty = buildReport([]);
  const severities = new Set<Severity>();
  // what the summary needs of each result, and nothing else (its verdict and finding severities)
  const tallies: Result[] = [];
  await write(out, `{\n  "schemaVersion": ${JSON.stringify(empty.schemaVersion)},\n  "tool": ${nested(empty.tool, 1)},\n  "results": [`);
  for await (const result of results) {
    await write(out, `${tallies.length === 0 ? "" : ","}\n    ${nested(result, 2)}`);
    for (const finding of result.findings) severities.add(finding.severity);
    tallies.push({ input: "", message: null, score: 0, verdict: result.verdict, findings: result.findings.map(({ severity }) => ({ severity }) as Finding), checks: {} });
  }
  const summary: Report["summary"] = buildReport(tallies).summary;
  await write(out, `${tallies.length === 0 ? "]" : "\n  ]"},\n  "summary": ${nested(summary, 1)}\n}\n`);
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
