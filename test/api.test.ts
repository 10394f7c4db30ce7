// The library API gives the same report as the CLI's --format json.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { preflight, type Finding, type PreflightOptions, type Report } from "../src/index.js";
import { runCli } from "./helpers/cli.js";
import { expectValidReport } from "./helpers/schema.js";

describe("preflight()", () => {
  it.each(["fixtures/workflow/qp-links.eml", "fixtures/workflow/template-disables.html"])("returns the CLI's JSON report for %s", async (path) => {
    const options: PreflightOptions = { offline: true, from: "News <news@example.com>" };
    const report: Report = await preflight([{ name: path, path, bytes: readFileSync(path) }], options);
    expectValidReport(report);
    const cli = JSON.parse((await runCli(["check", path, "--offline", "--format", "json", "--from", "News <news@example.com>"])).stdout) as Report;
    expect(report).toEqual(cli);
    const findings: readonly Finding[] = report.results[0]!.findings;
    expect(findings.length).toBeGreaterThan(0);
  });
});
