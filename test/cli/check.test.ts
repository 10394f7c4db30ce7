// The CLI as a user runs it: exit codes, streams, inputs, output files. Runs the built bin.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";
import { expectValidReport } from "../helpers/schema.js";
import type { Report } from "../../src/report/types.js";

const caps = "fixtures/subject-all-caps/fires-shouting.eml";
// only subject-all-caps (a warning) stays on, so exit codes depend on nothing else
const onlyCaps = async () => {
  const { loadCatalogue } = await import("../../src/rules/catalogue.js");
  return [...loadCatalogue().keys()].filter((id) => id !== "subject-all-caps").flatMap((id) => ["--rule", `${id}=off`]);
};

function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^mail-preflight: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe("exit codes", () => {
  it("0 when no finding reaches --fail-on (a warning under the default error)", async () => {
    const run = await runCli(["check", caps, "--offline", ...(await onlyCaps())]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("subject-all-caps");
    expect(run.code).toBe(0);
  });

  it("1 when a finding reaches --fail-on", async () => {
    const run = await runCli(["check", caps, "--offline", "--fail-on", "warning", ...(await onlyCaps())]);
    expect(run.code).toBe(1);
  });

  it("1 when --rule raises a rule to error; 0 with --fail-on never", async () => {
    const raised = await runCli(["check", caps, "--offline", ...(await onlyCaps()), "--rule", "subject-all-caps=error"]);
    expect(raised.code).toBe(1);
    const never = await runCli(["check", caps, "--offline", ...(await onlyCaps()), "--rule", "subject-all-caps=error", "--fail-on", "never"]);
    expect(never.code).toBe(0);
  });

  it("--rule id=off removes the rule's findings", async () => {
    const run = await runCli(["check", caps, "--offline", "--format", "json", ...(await onlyCaps()), "--rule", "subject-all-caps=off"]);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.results[0]!.findings.filter((finding) => finding.ruleId === "subject-all-caps")).toEqual([]);
  });

  it.each([
    [["check", "fixtures/does-not-exist.eml"], /cannot read fixtures\/does-not-exist\.eml/],
    [["check"], /at least one input/],
    [["check", caps, "--bogus"], /unknown option '--bogus'/],
    [["check", caps, "--format", "xml"], /unknown --format "xml"/],
    [["check", caps, "--fail-on", "sometimes"], /unknown --fail-on/],
    [["check", caps, "--rule", "no-such-rule=off"], /no rule with id "no-such-rule"/],
    [["check", caps, "--rule", "subject-all-caps=loud"], /level must be one of/],
    [["check", caps, "--timeout", "soon"], /--timeout "soon"/],
    [["check", caps, "--ip", "999.1.1.1"], /not an IPv4 or IPv6 address/],
    [["frobnicate"], /unknown command 'frobnicate'/],
    [["check", "fixtures/inputs/*.nothing"], /no \.eml, \.html, \.htm or \.mbox file matches/],
  ])("2 with one line on stderr for %j", async (args, pattern) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expectOneLineError(run.stderr, pattern);
  });

  it("2 for an unreadable file", async () => {
    if (process.getuid?.() === 0) return; // root reads everything; the permission path cannot be exercised
    const dir = mkdtempSync(join(tmpdir(), "mp-"));
    writeFileSync(join(dir, "locked.eml"), "From: a@b.c\n\nx", { mode: 0o000 });
    const run = await runCli(["check", join(dir, "locked.eml")]);
    expect(run.code).toBe(2);
    expectOneLineError(run.stderr, /permission denied/);
  });
});

// A file that fails when its turn comes to be read, for root too: reading a process's own memory from
// offset 0 is EIO (chmod 000 does not stop root, and a dangling link or a loop fails at listing).
const failsToRead = "/proc/self/mem";

describe("an input that cannot be read mid-batch", () => {
  const batch = ["fixtures/newsletter.eml", failsToRead, caps];

  it.skipIf(process.platform !== "linux").each([["json"], ["sarif"]])(
    "is a result of the --format %s document, which stays whole; exit 2 and one line",
    async (format) => {
      const run = await runCli(["check", ...batch, "--offline", "--format", format]);
      expect(run.code).toBe(2);
      expectOneLineError(run.stderr, /cannot read \/proc\/self\/mem: EIO; the report lists it as unreadable-input/);
      const document = JSON.parse(run.stdout) as Report & { runs: { results: { ruleId: string; locations: unknown[] }[] }[] };
      if (format === "json") {
        expectValidReport(document);
        expect(document.results.map((result) => result.input)).toEqual(batch);
        expect(document.results[1]).toMatchObject({ input: failsToRead, message: null, verdict: "fail", findings: [{ ruleId: "unreadable-input", severity: "error", evidence: "EIO" }] });
        expect(document.results[2]!.findings.some((finding) => finding.ruleId === "subject-all-caps")).toBe(true);
      } else {
        const unreadable = document.runs[0]!.results.filter((result) => result.ruleId === "unreadable-input");
        expect(unreadable).toMatchObject([{ locations: [{ physicalLocation: { artifactLocation: { uri: "file:///proc/self/mem" } } }] }]);
      }
    },
  );

  it.skipIf(process.platform !== "linux")("is reported alike by worker threads, and exit 2 wins over --fail-on never", async () => {
    const oneThread = await runCli(["check", ...batch, "--offline", "--format", "json", "--fail-on", "never"]);
    const workers = await runCli(["check", ...batch, "--offline", "--format", "json", "--fail-on", "never"], { env: { MAIL_PREFLIGHT_WORKERS: "2" } });
    expect([oneThread.code, workers.code]).toEqual([2, 2]);
    expect(workers.stdout).toBe(oneThread.stdout);
    expect(workers.stderr).toBe(oneThread.stderr);
  });
});

describe("odd messages are checked, not refused", () => {
  it.each(["fixtures/inputs/garbage.eml", "fixtures/inputs/empty.eml"])("%s gives a report", async (input) => {
    const run = await runCli(["check", input, "--offline", "--format", "json"]);
    expect([0, 1]).toContain(run.code);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as Report;
    expectValidReport(report);
    expect(report.results).toHaveLength(1);
  });
});

describe("inputs", () => {
  it("json: one valid document on stdout, nothing else", async () => {
    const run = await runCli(["check", caps, "--offline", "--format", "json"]);
    const report = JSON.parse(run.stdout) as Report;
    expectValidReport(report);
    expect(report.results[0]!.message).toMatchObject({ from: "Deals <deals@example.com>", domain: "example.com" });
  });

  it("reads one message from stdin with -", async () => {
    const run = await runCli(["check", "-", "--offline", "--format", "json"], { stdin: readFileSync(caps) });
    const report = JSON.parse(run.stdout) as Report;
    expect(report.results.map((result) => result.input)).toEqual(["-"]);
    expect(report.results[0]!.findings.map((finding) => finding.ruleId)).toContain("subject-all-caps");
  });

  it("checks every message of an mbox, each a result of its own", async () => {
    const run = await runCli(["check", "fixtures/inputs/two-messages.mbox", "--offline", "--format", "json"]);
    const report = JSON.parse(run.stdout) as Report;
    expectValidReport(report);
    expect(report.results.map((result) => result.input)).toEqual(["fixtures/inputs/two-messages.mbox#1", "fixtures/inputs/two-messages.mbox#2"]);
    expect(report.results.map((result) => result.message?.subject)).toEqual(["First message", "SECOND MESSAGE SHOUTS LOUDLY"]);
    const firstIds = report.results[0]!.findings.map((finding) => finding.ruleId);
    const secondIds = report.results[1]!.findings.map((finding) => finding.ruleId);
    expect(firstIds).not.toContain("subject-all-caps");
    expect(secondIds).toContain("subject-all-caps");
  });

  it("a directory: every .eml/.html/.htm/.mbox below it, sorted by path", async () => {
    const run = await runCli(["check", "fixtures/inputs", "--offline", "--format", "json"]);
    const report = JSON.parse(run.stdout) as Report;
    const inputs = report.results.map((result) => result.input);
    expect(inputs).toEqual([
      "fixtures/inputs/empty.eml",
      "fixtures/inputs/garbage.eml",
      "fixtures/inputs/template.html",
      "fixtures/inputs/two-messages.mbox#1",
      "fixtures/inputs/two-messages.mbox#2",
    ]);
  });

  it("a glob", async () => {
    const run = await runCli(["check", "fixtures/inputs/*.html", "--offline", "--format", "json", "--from", "News <news@example.com>", "--subject", "Autumn"]);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.results.map((result) => result.input)).toEqual(["fixtures/inputs/template.html"]);
    expect(report.results[0]!.message).toMatchObject({ from: "News <news@example.com>", subject: "Autumn", domain: "example.com" });
  });

  it("--output writes the report atomically and prints nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mp-"));
    const out = join(dir, "report.json");
    const run = await runCli(["check", caps, "--offline", "--format", "json", "--output", out]);
    expect(run.stdout).toBe("");
    expectValidReport(JSON.parse(readFileSync(out, "utf8")));
    expect(readdirSync(dir)).toEqual(["report.json"]);
  });
});

describe("config file", () => {
  it("is found from the working directory up and applies rule levels", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mp-"));
    writeFileSync(join(dir, "mail-preflight.config.json"), JSON.stringify({ offline: true, format: "json", rules: { "subject-all-caps": "error" } }));
    const run = await runCli(["check", join(process.cwd(), caps)], { cwd: dir });
    const report = JSON.parse(run.stdout) as Report;
    expect(report.results[0]!.findings.find((finding) => finding.ruleId === "subject-all-caps")?.severity).toBe("error");
    expect(run.code).toBe(1);
  });

  it("an unknown key is exit 2 naming the key", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mp-"));
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ offline: true, colour: "blue" }));
    const run = await runCli(["check", caps, "--config", join(dir, "bad.json")]);
    expect(run.code).toBe(2);
    expectOneLineError(run.stderr, /unknown key "colour"/);
  });

  it("broken JSON is exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mp-"));
    writeFileSync(join(dir, "bad.json"), "{ offline: yes");
    const run = await runCli(["check", caps, "--config", join(dir, "bad.json")]);
    expect(run.code).toBe(2);
    expectOneLineError(run.stderr, /invalid config/);
  });
});
