// `dns` and `check` against a real DNS server on 127.0.0.1 serving fixture zones: the CLI as users run it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { startZoneServer, type ZoneServer } from "../dns/zone-server.js";
import { runCli } from "../helpers/cli.js";
import { expectValidReport } from "../helpers/schema.js";
import type { Report } from "../../src/report/types.js";

let good: ZoneServer;
let broken: ZoneServer;
let silent: ZoneServer;

beforeAll(async () => {
  // a TXT record far over 512 bytes at the audited name: only EDNS0 or TCP can carry it
  const zone = JSON.parse(readFileSync("fixtures/zones/auth-good.json", "utf8")) as { records: Record<string, { TXT?: unknown[] }> };
  zone.records["sender.example"]!.TXT!.push(`site-verification=${"x".repeat(900)}`);
  good = await startZoneServer({ zones: [zone] });
  broken = await startZoneServer({ zones: ["fixtures/zones/auth-spf-missing.json"] });
  silent = await startZoneServer({ zones: ["fixtures/zones/auth-good.json"], faults: { "*": { drop: true } } });
});
afterAll(async () => {
  await Promise.all([good.close(), broken.close(), silent.close()]);
});

const ruleIds = (report: Report) => report.results.flatMap((result) => result.findings.map((finding) => finding.ruleId));

describe("mail-preflight dns", () => {
  it("a well set-up domain: no error, requirements met, no question asked twice", async () => {
    good.queries.length = 0;
    const run = await runCli(["dns", "sender.example", "--resolver", good.address, "--ip", "192.0.2.10", "--format", "json"]);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as Report;
    expectValidReport(report);
    const result = report.results[0]!;
    expect(result.input).toBe("sender.example");
    expect(result.findings.filter((finding) => finding.severity !== "info")).toEqual([]);
    expect(run.code).toBe(0);
    const requirements = result.checks.requirements as { id: string; status: string }[];
    expect(requirements.find((item) => item.id === "spf-or-dkim")?.status).toBe("pass");
    expect(requirements.some((item) => item.status === "not-checkable")).toBe(true);
    const asked = good.queries.map((query) => `${query.name.toLowerCase()} ${query.type}`);
    // over UDP; a truncated answer is asked again over TCP, which is the same question completed
    const udp = good.queries.filter((query) => query.transport === "udp").map((query) => `${query.name.toLowerCase()} ${query.type}`);
    expect(udp.length).toBe(new Set(udp).size);
    expect(asked).toContain("sender.example TXT");
  });

  it("reads a TXT record over 512 bytes (EDNS0 or TCP)", async () => {
    const run = await runCli(["dns", "sender.example", "--resolver", good.address, "--format", "json"]);
    const report = JSON.parse(run.stdout) as Report;
    expect(ruleIds(report)).not.toContain("dns-temperror");
    expect(ruleIds(report)).not.toContain("spf-missing");
  });

  it("a domain without SPF: spf-missing, exit 1", async () => {
    const run = await runCli(["dns", "sender.example", "--resolver", broken.address, "--format", "json"]);
    const report = JSON.parse(run.stdout) as Report;
    expectValidReport(report);
    expect(ruleIds(report)).toContain("spf-missing");
    expect(run.code).toBe(1);
  });

  it("a server that never answers: --timeout 2000 ends within 3 s with dns-temperror findings, requirements unknown", async () => {
    const run = await runCli(["dns", "sender.example", "--resolver", silent.address, "--timeout", "2000", "--format", "json"]);
    expect(run.ms).toBeLessThan(3000);
    const report = JSON.parse(run.stdout) as Report;
    expectValidReport(report);
    expect(ruleIds(report)).toContain("dns-temperror");
    expect(ruleIds(report)).not.toContain("spf-missing");
    const requirements = report.results[0]!.checks.requirements as { status: string }[];
    expect(requirements.some((item) => item.status === "pass")).toBe(false);
  });

  it("a bad --resolver is a usage error", async () => {
    const run = await runCli(["dns", "sender.example", "--resolver", "not a server"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a bad domain is a usage error", async () => {
    const run = await runCli(["dns", "not a domain"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is not a domain name/);
  });
});

describe("mail-preflight check with DNS", () => {
  const message = [
    "From: Sender News <news@sender.example>",
    "To: reader@example.org",
    "Subject: Our news",
    "Date: Mon, 23 Nov 2026 09:00:00 +0000",
    "Message-ID: <dns-1@sender.example>",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Hello, see https://sender.example/news",
    "",
  ].join("\r\n");

  it("runs the audit of the From domain beside the content rules, facts under checks", async () => {
    const run = await runCli(["check", "-", "--resolver", broken.address, "--format", "json"], { stdin: message });
    const report = JSON.parse(run.stdout) as Report;
    expectValidReport(report);
    const result = report.results[0]!;
    expect(ruleIds(report)).toContain("spf-missing");
    expect(ruleIds(report)).not.toContain("dns-skipped");
    expect(result.checks).toHaveProperty("spf");
    expect(result.checks).toHaveProperty("requirements");
  });

  it("--offline: no query at all, one dns-skipped finding", async () => {
    broken.queries.length = 0;
    const run = await runCli(["check", "-", "--offline", "--resolver", broken.address, "--format", "json"], { stdin: message });
    const report = JSON.parse(run.stdout) as Report;
    expect(ruleIds(report).filter((id) => id === "dns-skipped")).toHaveLength(1);
    expect(broken.queries).toEqual([]);
  });
});

describe("one resolver", () => {
  it("nothing in src/ calls node:dns or the system resolver behind the Resolver interface", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
    for (const file of files("src").filter((path) => path.endsWith(".ts"))) {
      const source = readFileSync(file, "utf8");
      expect(source, file).not.toMatch(/from\s+["'](node:)?dns(\/promises)?["']|require\(["'](node:)?dns/);
    }
  });
});
