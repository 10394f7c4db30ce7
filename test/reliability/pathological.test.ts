// Each pathological input through the real CLI: exit 0, 1 or 2, no stack trace, within 10 s.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { expectValidReport } from "../helpers/schema.js";
import { pathologicalInputs } from "./pathological-inputs.js";
import { startZoneServer } from "../dns/zone-server.js";

const dir = mkdtempSync(join(tmpdir(), "mail-preflight-pathological-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STACK_FRAME = /^\s+at .+\(.*:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;
const timings: string[] = [];
afterAll(() => console.log(`pathological inputs (CLI wall time):\n${timings.join("\n")}`));

describe("pathological inputs through the CLI", () => {
  for (const input of pathologicalInputs) {
    it(`${input.name}: a report or one clean line, within 10 s`, { timeout: 20_000 }, async () => {
      const path = join(dir, input.file);
      writeFileSync(path, input.content());
      const run = await runCli(["check", "--offline", "--format", "json", "--from", "Path <path@example.com>", path]);
      timings.push(`  ${input.name.padEnd(34)} ${Math.round(run.ms)} ms, exit ${run.code}`);
      expect([0, 1, 2]).toContain(run.code);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(run.stderr).not.toMatch(/internal error/);
      if (run.code === 2) expect(run.stderr.trim().split("\n")).toHaveLength(1);
      else expectValidReport(JSON.parse(run.stdout));
      expect(run.ms).toBeLessThan(10_000);
    });
  }

  it("a 300 KB From header with the DNS audit on: the address patterns see 16 KB of it", async () => {
    const server = await startZoneServer({ zones: ["fixtures/zones/auth-good.json"] });
    try {
      const path = join(dir, "long-from.eml");
      writeFileSync(path, `From: ${"a".repeat(300_000)}\r\nSubject: s\r\nContent-Type: text/plain\r\n\r\nhello\r\n`);
      const run = await runCli(["check", "--domain", "sender.example", "--resolver", server.address, "--format", "json", path]);
      timings.push(`  ${"a 300 KB From header, DNS on".padEnd(34)} ${Math.round(run.ms)} ms, exit ${run.code}`);
      expectValidReport(JSON.parse(run.stdout));
      expect(run.ms).toBeLessThan(10_000);
    } finally {
      await server.close();
    }
  });

  it("an input over limits.maxInputBytes is exit 2 with one line naming the limit", async () => {
    const path = join(dir, "big.eml");
    writeFileSync(path, `Subject: big\r\n\r\n${"x".repeat(2048)}`);
    const config = join(dir, "small-limit.config.json");
    writeFileSync(config, JSON.stringify({ limits: { maxInputBytes: 1024 } }));
    const atLimit = join(dir, "at-limit.eml");
    writeFileSync(atLimit, `Subject: at\r\n\r\n${"x".repeat(1024 - 15)}`);
    expect((await runCli(["check", "--offline", "--config", config, atLimit])).code).not.toBe(2);
    const run = await runCli(["check", "--offline", "--config", config, path]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/over the input limit of 1024 bytes/)]);
    const stdin = await runCli(["check", "--offline", "--config", config, "-"], { stdin: `Subject: big\r\n\r\n${"x".repeat(2048)}` });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr.trim().split("\n")).toEqual([expect.stringMatching(/standard input is over the input limit of 1024 bytes/)]);
  });

  it("config limits reach the parser: a lower maxLinks is reported as limit-exceeded", async () => {
    const path = join(dir, "few-links.eml");
    writeFileSync(path, `From: a@example.com\r\nSubject: l\r\nContent-Type: text/html\r\n\r\n${'<a href="https://example.com/">x</a>'.repeat(3)}`);
    const config = join(dir, "links.config.json");
    writeFileSync(config, JSON.stringify({ limits: { maxLinks: 2 } }));
    const run = await runCli(["check", "--offline", "--format", "json", "--config", config, path]);
    const findings = JSON.parse(run.stdout).results[0].findings as { ruleId: string; message: string }[];
    expect(findings.filter((finding) => finding.ruleId === "limit-exceeded").map((finding) => finding.message)).toEqual([
      "The message has more than 2 links; only the first 2 were analysed (limit maxLinks).",
    ]);
  });

  it("an unknown limit in the config is exit 2 naming it", async () => {
    const config = join(dir, "bad.config.json");
    writeFileSync(config, JSON.stringify({ limits: { maxEverything: 1 } }));
    const run = await runCli(["check", "--offline", "--config", config, "fixtures/newsletter.eml"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/maxEverything/);
  });
});
