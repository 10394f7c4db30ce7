// A rule that throws on one message: that result carries an internal-error finding, every other rule
// and message is still reported, the JSON and SARIF documents stay whole, and the run exits 2 with one
// line. The fault is injected by a preload (test/helpers/fault-in-rules.mjs) into the built CLI.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "../helpers/cli.js";
import { expectValidReport } from "../helpers/schema.js";
import type { Report } from "../../src/report/types.js";

const preload = fileURLToPath(new URL("../helpers/fault-in-rules.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "mp-internal-error-"));
const faulty = join(dir, "faulty.eml");
writeFileSync(
  faulty,
  [
    "From: News <news@example.com>",
    "To: reader@example.org",
    "Subject: Our November news",
    "Date: Mon, 23 Nov 2026 10:00:00 +0000",
    "Message-ID: <faulty@example.com>",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Hello, this text carries FAULT-INJECTED-7f3a for the test.",
    "",
  ].join("\r\n"),
);
const clean = "fixtures/newsletter.eml";

describe("a rule that throws on one message", () => {
  it.each([
    ["in this thread", "0"],
    ["in worker threads", "2"],
  ])("%s: an internal-error finding, the rest reported, exit 2 and one line", async (_, workers) => {
    const env = { NODE_OPTIONS: `--import ${preload}`, MAIL_PREFLIGHT_WORKERS: workers };
    const [withFault, without] = await Promise.all([
      runCli(["check", clean, faulty, clean, "--offline", "--format", "json"], { env }),
      runCli(["check", clean, "--offline", "--format", "json"], { env: { MAIL_PREFLIGHT_WORKERS: workers } }),
    ]);
    expect(withFault.code).toBe(2);
    const lines = withFault.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^mail-preflight: internal error: rule [a-z-]+ failed on .*faulty\.eml.*; the report lists (it|them) as internal-error$/);
    expect(withFault.stderr).not.toMatch(/\n\s+at /);

    const report = JSON.parse(withFault.stdout) as Report;
    expectValidReport(report);
    expect(report.results.map((result) => result.input)).toEqual([clean, faulty, clean]);
    const failed = report.results[1]!.findings.filter((finding) => finding.ruleId === "internal-error");
    expect(failed.length).toBeGreaterThan(0);
    for (const finding of failed) {
      expect(finding).toMatchObject({ severity: "error", score: 0 });
      expect(finding.message).toContain(`The rule ${finding.evidence} failed on this message`);
      expect(finding.message).toContain("injected fault");
    }
    expect(report.results[1]!.verdict).toBe("fail");
    // the clean message before and after it is reported exactly as in a run without the fault
    const alone = (JSON.parse(without.stdout) as Report).results[0]!;
    expect(report.results[0]).toEqual(alone);
    expect(report.results[2]).toEqual(alone);
  });

  it("--format sarif stays one valid document with the finding", async () => {
    const run = await runCli(["check", faulty, "--offline", "--format", "sarif"], { env: { NODE_OPTIONS: `--import ${preload}` } });
    expect(run.code).toBe(2);
    const sarif = JSON.parse(run.stdout) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.some((result) => result.ruleId === "internal-error")).toBe(true);
  });

  it("the same message without the preload has no internal-error", async () => {
    const run = await runCli(["check", faulty, "--offline", "--format", "json"]);
    expect(run.code).not.toBe(2);
    expect((JSON.parse(run.stdout) as Report).results[0]!.findings.some((finding) => finding.ruleId === "internal-error")).toBe(false);
  });
});
