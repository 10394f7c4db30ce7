// The worker-thread path of a batch gives exactly the reports of the one-thread path, in input
// order, and the streamed JSON is byte for byte what the whole-report formatter prints. The
// workers load the built modules (dist/, built by `pretest`), so this test imports from there too.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { InputMessage } from "../../src/cli/inputs.js";
import type { Result } from "../../src/report/types.js";

const dist = new URL("../../dist/", import.meta.url);
const { checkAll } = (await import(new URL("batch/index.js", dist).href)) as typeof import("../../src/batch/index.js");
const { streamJsonReport } = (await import(new URL("batch/json-stream.js", dist).href)) as typeof import("../../src/batch/json-stream.js");
const { expandInputs } = (await import(new URL("cli/inputs.js", dist).href)) as typeof import("../../src/cli/inputs.js");
const { buildReport } = (await import(new URL("report/build.js", dist).href)) as typeof import("../../src/report/build.js");
const { formatJson } = (await import(new URL("format/json.js", dist).href)) as typeof import("../../src/format/json.js");

/** Every 5th fixture message or template by sorted path (~20), plus the two-message mbox. */
function fixtureInputs(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(eml|html)$/.test(name)) found.push(path);
    }
  };
  walk("fixtures");
  return [...found.filter((_, index) => index % 5 === 0), "fixtures/inputs/two-messages.mbox"];
}

async function collect(results: AsyncIterable<Result>): Promise<Result[]> {
  const all: Result[] = [];
  for await (const result of results) all.push(result);
  return all;
}

describe("batch", () => {
  it("gives the same reports, in input order, on worker threads as in one thread", async () => {
    const messages: InputMessage[] = await expandInputs(fixtureInputs(), { maxInputBytes: 64 * 1024 * 1024 }, async () => Buffer.alloc(0));
    expect(messages.length).toBeGreaterThanOrEqual(20);
    const preflight = { offline: true };
    const single = await collect(checkAll(messages, { preflight, workers: 0 }));
    const pooled = await collect(checkAll(messages, { preflight, workers: 2 }));
    expect(pooled.map((result) => result.input)).toEqual(messages.map((message) => message.name));
    expect(pooled).toEqual(single);
  }, 60_000);

  it("streams JSON identical to the whole report", async () => {
    const messages = await expandInputs(fixtureInputs().slice(0, 6), { maxInputBytes: 1024 * 1024 }, async () => Buffer.alloc(0));
    const results = await collect(checkAll(messages, { preflight: { offline: true }, workers: 0 }));
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (chunk: Buffer) => chunks.push(chunk));
    const { severities } = await streamJsonReport(
      (async function* () {
        yield* results;
      })(),
      out,
    );
    expect(Buffer.concat(chunks).toString("utf8")).toBe(formatJson(buildReport(results)));
    expect([...severities].sort()).toEqual([...new Set(results.flatMap((result) => result.findings.map((finding) => finding.severity)))].sort());
  });

  it("streams an empty report as the formatter prints it", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (chunk: Buffer) => chunks.push(chunk));
    await streamJsonReport((async function* () {})(), out);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(formatJson(buildReport([])));
  });
});
