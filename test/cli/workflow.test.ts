// The CI workflow features end to end: config schema and options, per-path overrides, inline
// disables, --baseline, batch output. Runs the built bin like a pipeline would.
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";
import { expectValidReport } from "../helpers/schema.js";
import type { Report } from "../../src/report/types.js";

const caps = join(process.cwd(), "fixtures/subject-all-caps/fires-shouting.eml");
const disables = "fixtures/workflow/template-disables.html";
const from = ["--from", "News <news@example.com>"];

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "mp-wf-"));
}

function withConfig(config: unknown): string {
  const dir = tempDir();
  writeFileSync(join(dir, "mail-preflight.config.json"), JSON.stringify(config));
  return dir;
}

const ids = (report: Report, index = 0) => report.results[index]!.findings.map((finding) => finding.ruleId);

function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe("config file validation (exit 2, one line naming the key)", () => {
  it.each([
    [{ timeout: "soon" }, /config .*mail-preflight\.config\.json: timeout must be integer$/],
    [{ offline: "yes" }, /: offline must be boolean$/],
    [{ format: "xml" }, /: format must be one of text, json, sarif, markdown, html$/],
    [{ rules: { "no-such-rule": "off" } }, /: rules\."no-such-rule" is not a rule id/],
    [{ rules: { "subject-all-caps": "loud" } }, /: rules\."subject-all-caps" must be one of off, info, warning, error$/],
    [{ rules: { "subject-all-caps": ["warning", { minLetterz: 3 }] } }, /rules\."subject-all-caps" has no option "minLetterz" \(options: minLetters, maxCapitalRatio\)/],
    [{ rules: { "subject-all-caps": ["warning", { minLetters: "3" }] } }, /rules\."subject-all-caps" option "minLetters" must be a number/],
    [{ overrides: [{ files: ["a/**"], rules: { "subject-all-caps": "off" }, colour: 1 }] }, /unknown key "colour" in overrides\[0\]$/],
    [{ overrides: [{ files: ["a/**"], rules: { nope: "off" } }] }, /overrides\[0\]\.rules\."nope" is not a rule id/],
  ])("%j", async (config, pattern) => {
    const run = await runCli(["check", caps], { cwd: withConfig(config) });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expectOneLineError(run.stderr, pattern);
  });
});

describe("config rules: levels and options", () => {
  it('"rules": { id: [level, options] } passes options to the rule', async () => {
    const loud = await runCli(["check", caps], { cwd: withConfig({ offline: true, format: "json", rules: { "subject-all-caps": ["error", { minLetters: 8 }] } }) });
    expect((JSON.parse(loud.stdout) as Report).results[0]!.findings.find((f) => f.ruleId === "subject-all-caps")?.severity).toBe("error");
    const quiet = await runCli(["check", caps], { cwd: withConfig({ offline: true, format: "json", rules: { "subject-all-caps": ["error", { minLetters: 500 }] } }) });
    expect(ids(JSON.parse(quiet.stdout) as Report)).not.toContain("subject-all-caps");
  });

  it("per-path overrides match globs relative to the config file; --rule still wins", async () => {
    const dir = withConfig({
      offline: true,
      format: "json",
      from: "News <news@example.com>",
      rules: { "numeric-ip-link": "error" },
      overrides: [{ files: ["templates/legacy/**"], rules: { "numeric-ip-link": "off" } }],
    });
    const template = '<p><a href="http://192.0.2.10/x">store</a></p>\n';
    for (const folder of ["templates/legacy", "templates/new"]) {
      mkdirSync(join(dir, folder), { recursive: true });
      writeFileSync(join(dir, folder, "offer.html"), template);
    }
    const run = await runCli(["check", "templates"], { cwd: dir });
    const report = JSON.parse(run.stdout) as Report;
    expect(report.results.map((result) => result.input)).toEqual(["templates/legacy/offer.html", "templates/new/offer.html"]);
    expect(ids(report, 0)).not.toContain("numeric-ip-link");
    expect(ids(report, 1)).toContain("numeric-ip-link");

    const forced = JSON.parse((await runCli(["check", "templates", "--rule", "numeric-ip-link=warning"], { cwd: dir })).stdout) as Report;
    expect(ids(forced, 0)).toContain("numeric-ip-link");
  });
});

describe("inline disables", () => {
  it("file-wide and next-line directives silence findings; unused ones are reported as info", async () => {
    const run = await runCli(["check", disables, "--offline", "--format", "json", ...from]);
    const report = JSON.parse(run.stdout) as Report;
    expectValidReport(report);
    const findings = report.results[0]!.findings;
    expect(findings.filter((f) => f.ruleId === "url-shortener")).toEqual([]);
    expect(findings.filter((f) => f.ruleId === "numeric-ip-link").map((f) => f.location?.line)).toEqual([9]);
    const unused = findings.filter((f) => f.ruleId === "unused-disable");
    expect(unused).toHaveLength(1);
    expect(unused[0]).toMatchObject({
      severity: "info",
      score: 0,
      message: "Unused inline disable: no spam-phrases finding on line 11 of the HTML to silence.",
      location: { part: "text/html", line: 10, column: 1 },
    });
  });

  it("a misspelt rule id is reported; the header form works for .eml", async () => {
    const eml = readFileSync(caps, "utf8").replace(/^Subject:/m, "X-Mail-Preflight-Disable: subject-all-caps, subjet-all-caps\r\nSubject:");
    const run = await runCli(["check", "-", "--offline", "--format", "json"], { stdin: eml });
    const findings = (JSON.parse(run.stdout) as Report).results[0]!.findings;
    expect(findings.map((f) => f.ruleId)).not.toContain("subject-all-caps");
    expect(findings.filter((f) => f.ruleId === "unused-disable").map((f) => f.message)).toEqual([
      'Inline disable names "subjet-all-caps", which is not a rule id (see: mail-preflight rules).',
    ]);
  });
});

describe("--baseline", () => {
  it("reports and fails only on findings the earlier report did not have, whatever their line", async () => {
    const dir = tempDir();
    const template = join(dir, "offer.html");
    writeFileSync(template, '<p><a href="http://192.0.2.10/x">store</a></p>\n');
    const baseline = join(dir, "baseline.json");
    const first = await runCli(["check", template, "--offline", "--format", "json", "--output", baseline, ...from]);
    expect(first.code).toBe(1);

    // the same link two lines lower is the same problem; a second IP link is new
    writeFileSync(template, '<h1>Offers</h1>\n<p>New:</p>\n<p><a href="http://192.0.2.10/x">store</a></p>\n<p><a href="http://198.51.100.7/y">new store</a></p>\n');
    const run = await runCli(["check", template, "--offline", "--format", "json", "--baseline", baseline, ...from]);
    const report = JSON.parse(run.stdout) as Report;
    expectValidReport(report);
    const evidence = report.results[0]!.findings.map((f) => f.evidence).filter(Boolean);
    expect(evidence).not.toContain("http://192.0.2.10/x");
    expect(evidence).toContain("http://198.51.100.7/y");
    const previous = JSON.parse(readFileSync(baseline, "utf8")) as Report;
    const before = previous.results[0]!.findings.length;
    expect(report.summary.baselineSuppressed).toBe(before);
    expect(report.summary.errors + report.summary.warnings + report.summary.infos).toBe(report.results[0]!.findings.length);
    expect(run.code).toBe(1);

    // unchanged input against its own report: nothing left, exit 0
    writeFileSync(template, '<p><a href="http://192.0.2.10/x">store</a></p>\n');
    const same = await runCli(["check", template, "--offline", "--baseline", baseline, ...from]);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/in the baseline not shown/);
  });

  it.each([
    ["not JSON", "{ nope", /invalid baseline .*: /],
    ["not a report", JSON.stringify({ results: "x" }), /invalid baseline .*not a mail-preflight JSON report/],
  ])("2 for a baseline that is %s", async (_, content, pattern) => {
    const file = join(tempDir(), "baseline.json");
    writeFileSync(file, content);
    const run = await runCli(["check", caps, "--offline", "--baseline", file]);
    expect(run.code).toBe(2);
    expectOneLineError(run.stderr, pattern);
  });

  it("2 for a missing baseline", async () => {
    const run = await runCli(["check", caps, "--offline", "--baseline", "no-such-baseline.json"]);
    expect(run.code).toBe(2);
    expectOneLineError(run.stderr, /cannot read baseline no-such-baseline\.json: ENOENT/);
  });
});

describe("batch", () => {
  it("text output ends with a summary table of every input; no progress bar off a TTY", async () => {
    const run = await runCli(["check", "fixtures/workflow", "--offline", "--format", "text", ...from]);
    expect(run.stderr).toBe("");
    const tail = run.stdout.slice(run.stdout.lastIndexOf("Input"));
    expect(tail).toMatch(/^Input\s+Score\s+Verdict\n/);
    for (const input of ["base64-html.eml", "qp-links.eml", "template-disables.html"]) expect(tail).toMatch(new RegExp(`fixtures/workflow/${input}\\s+\\d+\\.\\d\\s+(PASS|WARN|FAIL)`));
  });

  it("--format json stays one document for many inputs", async () => {
    const run = await runCli(["check", "fixtures/workflow", "fixtures/inputs", "--offline", "--format", "json", ...from]);
    const report = JSON.parse(run.stdout) as Report;
    expectValidReport(report);
    expect(report.summary.inputs).toBe(8);
  });
});
