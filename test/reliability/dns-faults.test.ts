// DNS faults at the level users see them: `mail-preflight dns` and `check` through the real client
// against a loopback server that misbehaves. Every fault ends in findings (dns-temperror for what
// could not be known, spf-* permerrors for records that break the rules) within the run's budget,
// with a schema-valid report and no crash; forged answers are never believed.
// Client-level cases (each fault on one query, EDNS0 fallback, CNAME chains) are in test/dns/udp.test.ts.
import { createSocket, type Socket } from "node:dgram";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as dnsPacket from "dns-packet";
import { afterAll, describe, expect, it } from "vitest";
import { startZoneServer, type ZoneServer } from "../dns/zone-server.js";
import type { Faults, Zone } from "../dns/zone.js";
import { runCli, type CliRun } from "../helpers/cli.js";
import { expectValidReport } from "../helpers/schema.js";
import type { Report } from "../../src/report/types.js";

const SENDER = "sender.example";
const dir = mkdtempSync(join(tmpdir(), "mail-preflight-dns-faults-"));
const servers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  rmSync(dir, { recursive: true, force: true });
});

type Records = Record<string, Record<string, unknown>>;

/** auth-good.json (no DNS rule fires) with some names' records replaced. */
function goodZone(changes: Records = {}): Zone {
  const zone = JSON.parse(readFileSync("fixtures/zones/auth-good.json", "utf8")) as { records: Records };
  for (const [name, records] of Object.entries(changes)) zone.records[name] = { ...zone.records[name], ...records };
  return zone as unknown as Zone;
}

async function serve(zone: Zone, faults: Faults = {}): Promise<ZoneServer> {
  const server = await startZoneServer({ zones: [zone], faults });
  servers.push(server);
  return server;
}

interface Outcome {
  readonly run: CliRun;
  readonly report: Report;
  readonly ruleIds: readonly string[];
  readonly messages: readonly string[];
}

async function audit(address: string, extra: readonly string[] = []): Promise<Outcome> {
  const run = await runCli(["dns", SENDER, "--resolver", address, "--format", "json", ...extra]);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect([0, 1]).toContain(run.code);
  const report = JSON.parse(run.stdout) as Report;
  expectValidReport(report);
  const findings = report.results.flatMap((result) => result.findings);
  return { run, report, ruleIds: findings.map((finding) => finding.ruleId), messages: findings.map((finding) => `${finding.ruleId}: ${finding.message}`) };
}

/** A UDP "server" that answers every query only with junk, or only with replies that do not match it. */
async function hostileServer(reply: (query: dnsPacket.Packet, bytes: Buffer) => Buffer[]): Promise<string> {
  const socket: Socket = createSocket("udp4");
  socket.on("message", (bytes, client) => {
    let query: dnsPacket.Packet;
    try {
      query = dnsPacket.decode(bytes);
    } catch {
      return;
    }
    for (const answer of reply(query, bytes)) socket.send(answer, client.port, client.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  servers.push({ close: () => new Promise<void>((resolve) => socket.close(() => resolve())) });
  return `127.0.0.1:${socket.address().port}`;
}

const forgedSpf = (query: dnsPacket.Packet, id: number, name: string): Buffer =>
  dnsPacket.encode({
    type: "response",
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ name, type: query.questions![0]!.type, class: "IN" }],
    answers: [{ name, type: "TXT", ttl: 60, data: ["v=spf1 +all"] }],
  });

describe("servers that never give a usable answer", () => {
  it("only malformed packets: temperror findings within the budget", async () => {
    const address = await hostileServer((query, bytes) => [Buffer.from([0xde, 0xad]), bytes.subarray(0, 7), Buffer.concat([bytes.subarray(0, 2), Buffer.from([0x81, 0x80, 0xff, 0xff])])]);
    const { run, ruleIds } = await audit(address, ["--timeout", "1500"]);
    expect(ruleIds).toContain("dns-temperror");
    expect(ruleIds).not.toContain("spf-missing");
    expect(run.ms).toBeLessThan(5000);
  });

  it("only forged answers (wrong id, wrong question): never believed, so no +all is reported, only temperror", async () => {
    const address = await hostileServer((query) => [forgedSpf(query, ((query.id ?? 0) + 1) & 0xffff, query.questions![0]!.name), forgedSpf(query, query.id ?? 0, "evil.example")]);
    const { run, ruleIds } = await audit(address, ["--timeout", "1500"]);
    expect(ruleIds).toContain("dns-temperror");
    expect(ruleIds).not.toContain("spf-permissive-all");
    expect(run.ms).toBeLessThan(5000);
  });

  it("a silent server and a slow one: the run ends at --timeout with temperror findings", async () => {
    for (const fault of [{ drop: true }, { delayMs: 4000 }]) {
      const server = await serve(goodZone(), { "*": fault });
      const { run, ruleIds } = await audit(server.address, ["--timeout", "1500"]);
      expect(ruleIds).toContain("dns-temperror");
      expect(ruleIds.filter((id) => id.endsWith("-missing"))).toEqual([]);
      expect(run.ms).toBeLessThan(5000);
    }
  });

  it("SERVFAIL and REFUSED for the SPF record: temperror, never spf-missing", async () => {
    for (const rcode of ["SERVFAIL", "REFUSED"] as const) {
      const server = await serve(goodZone(), { [SENDER]: { rcode } });
      const { ruleIds, messages } = await audit(server.address, ["--timeout", "3000"]);
      expect(ruleIds).toContain("dns-temperror");
      expect(messages.join("\n")).toMatch(new RegExp(rcode));
      expect(ruleIds).not.toContain("spf-missing");
    }
  });
});

describe("answers that arrive despite noise", () => {
  it("forgeries and junk before the real answer are ignored: the real SPF record is read", async () => {
    for (const fault of [{ spoof: "wrong-id" }, { spoof: "wrong-question" }, { spoof: "wrong-source" }, { malformed: true }] as const) {
      const server = await serve(goodZone(), { "*": fault });
      const { ruleIds } = await audit(server.address);
      expect(ruleIds, JSON.stringify(fault)).not.toContain("dns-temperror");
      expect(ruleIds, JSON.stringify(fault)).not.toContain("spf-missing");
    }
  });

  it("a truncated UDP answer is asked again over TCP", async () => {
    const server = await serve(goodZone(), { [SENDER]: { truncateUdp: true } });
    const { ruleIds } = await audit(server.address);
    expect(ruleIds).not.toContain("spf-missing");
    expect(server.queries.some((query) => query.name === SENDER && query.transport === "tcp")).toBe(true);
  });

  it("an oversized TXT set (40 KB of verification strings beside SPF) comes over TCP and is read", async () => {
    const junk = Array.from({ length: 160 }, (_, i) => `verification-${i}=${"v".repeat(240)}`);
    const server = await serve(goodZone({ [SENDER]: { TXT: ["v=spf1 ip4:192.0.2.0/24 include:_spf.esp.example -all", ...junk] } }));
    const { ruleIds, run } = await audit(server.address);
    expect(ruleIds).not.toContain("dns-temperror");
    expect(ruleIds).not.toContain("spf-missing");
    expect(run.ms).toBeLessThan(5000);
  });
});

describe("records built to exhaust an evaluator", () => {
  it("a CNAME loop at _dmarc: the lookup ends (temperror), no hang", async () => {
    const server = await serve(goodZone({ [`_dmarc.${SENDER}`]: { TXT: undefined, CNAME: `loop._dmarc.${SENDER}` }, [`loop._dmarc.${SENDER}`]: { CNAME: `_dmarc.${SENDER}` } }));
    const { ruleIds, run } = await audit(server.address);
    expect(ruleIds).toContain("dns-temperror");
    expect(run.ms).toBeLessThan(5000);
  });

  it("an SPF include loop: spf-include-loop, each name asked once", async () => {
    const server = await serve(
      goodZone({ [SENDER]: { TXT: ["v=spf1 include:loop.sender.example -all"] }, [`loop.${SENDER}`]: { TXT: ["v=spf1 include:sender.example -all"] } }),
    );
    const { ruleIds } = await audit(server.address);
    expect(ruleIds).toContain("spf-include-loop");
    const asked = server.queries.filter((query) => query.transport === "udp").map((query) => `${query.name} ${query.type}`);
    expect(asked.length).toBe(new Set(asked).size);
  });

  it("a 10,000-term SPF record: spf-too-many-lookups, and no more than a few dozen questions", async () => {
    // short terms: a DNS message holds at most 64 KB, and this record is 25 KB
    const terms = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? "a" : "mx"));
    const record = `v=spf1 ${terms.join(" ")} -all`;
    const strings = record.match(/.{1,255}/g)!;
    const server = await serve(goodZone({ [SENDER]: { TXT: [strings] } }));
    const { ruleIds, run } = await audit(server.address);
    expect(ruleIds).toContain("spf-too-many-lookups");
    expect(server.queries.length).toBeLessThan(200);
    expect(run.ms).toBeLessThan(5000);
  });
});

describe("the run's DNS query limit", () => {
  it("limits.maxDnsQueries: lookups past it are temperror and limit-exceeded says so", async () => {
    const server = await serve(goodZone());
    const config = join(dir, "dns-limit.config.json");
    writeFileSync(config, JSON.stringify({ limits: { maxDnsQueries: 3 } }));
    const message = join(dir, "message.eml");
    writeFileSync(message, `From: News <news@${SENDER}>\r\nSubject: hello\r\nContent-Type: text/plain\r\n\r\nHello\r\n`);
    const run = await runCli(["check", message, "--resolver", server.address, "--format", "json", "--config", config]);
    const report = JSON.parse(run.stdout) as Report;
    expectValidReport(report);
    const findings = report.results[0]!.findings;
    expect(findings.filter((finding) => finding.ruleId === "limit-exceeded").map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^\d+ DNS lookups were not asked: the run reached its limit of 3 DNS queries/),
    ]);
    expect(findings.some((finding) => finding.ruleId === "dns-temperror")).toBe(true);
    expect(new Set(server.queries.map((query) => `${query.name} ${query.type}`)).size).toBeLessThanOrEqual(3);
  });
});
