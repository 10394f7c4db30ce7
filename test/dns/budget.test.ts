import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createResolver } from "../../src/dns/index.js";
import { BASIC_ZONE } from "./fixtures.js";
import { startZoneServer, type ZoneServer } from "./zone-server.js";

let server: ZoneServer;

beforeAll(async () => {
  server = await startZoneServer({ zones: [BASIC_ZONE] });
});
afterEach(() => {
  server.setFaults({});
  server.queries.length = 0;
});
afterAll(() => server.close());

describe("one question on the wire per run", () => {
  it("sends 20 parallel identical lookups once", async () => {
    server.setFaults({ "example.com": { delayMs: 50 } });
    const resolver = createResolver({ resolver: server.address });
    const results = await Promise.all(Array.from({ length: 20 }, () => resolver.query("example.com", "TXT")));
    expect(new Set(results).size).toBe(1);
    expect(server.queries).toEqual([expect.objectContaining({ name: "example.com", type: "TXT", transport: "udp" })]);
    expect(resolver.stats()).toMatchObject({ asked: 1, joinedInFlight: 19 });
  });

  it("answers a later lookup from the cache, whatever the name's case", async () => {
    const resolver = createResolver({ resolver: server.address });
    const first = await resolver.query("example.com", "MX");
    expect(await resolver.query("EXAMPLE.com.", "MX")).toBe(first);
    expect(server.queries).toHaveLength(1);
    expect(resolver.stats()).toMatchObject({ asked: 1, cacheHits: 1 });
  });

  it("keeps types apart", async () => {
    const resolver = createResolver({ resolver: server.address });
    await Promise.all([resolver.query("example.com", "A"), resolver.query("example.com", "AAAA")]);
    expect(server.queries.map((query) => query.type).sort()).toEqual(["A", "AAAA"]);
  });

  it("logs each question once with its outcome and timing", async () => {
    const resolver = createResolver({ resolver: server.address });
    await Promise.all(["example.com", "nowhere.example.com", "example.com"].map((name) => resolver.query(name, "TXT")));
    const log = resolver.log();
    expect(log.map(({ name, type, rcode }) => ({ name, type, rcode }))).toEqual([
      { name: "example.com", type: "TXT", rcode: "NOERROR" },
      { name: "nowhere.example.com", type: "TXT", rcode: "NXDOMAIN" },
    ]);
    for (const entry of log) {
      expect(entry.ms).toBeGreaterThanOrEqual(0);
      expect(entry.startedAt).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("concurrency cap", () => {
  it("keeps at most maxInFlight questions on the wire", async () => {
    server.setFaults({ "*": { delayMs: 100 } });
    const resolver = createResolver({ resolver: server.address, maxInFlight: 4 });
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 12 }, (_, index) => resolver.query(`host${index}.example.com`, "A")));
    expect(results.every((result) => result.rcode === "NXDOMAIN")).toBe(true);
    expect(resolver.stats().peakInFlight).toBe(4);
    // 12 questions, 4 at a time, 100 ms each: three waves.
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    const firstWave = server.queries.filter((query) => query.at < server.queries[0]!.at + 90);
    expect(firstWave).toHaveLength(4);
  });
});

describe("the run's time budget", () => {
  it("ends every pending lookup promptly when a silent server eats a 2000 ms budget", async () => {
    server.setFaults({ "*": { drop: true } });
    const resolver = createResolver({ resolver: server.address, timeoutMs: 2000, perQueryTimeoutMs: 5000, maxInFlight: 4 });
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 10 }, (_, index) => resolver.query(`host${index}.example.com`, "TXT")));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1950);
    expect(elapsed).toBeLessThan(2500);
    expect(results.every((result) => result.rcode === "TIMEOUT" && result.reason === "DNS budget of 2000 ms spent")).toBe(true);
    // Four went on the wire; the six still queued were never asked.
    expect(resolver.stats()).toMatchObject({ asked: 4, skipped: 6, budgetSpent: true });

    const late = performance.now();
    expect(await resolver.query("example.com", "A")).toMatchObject({ rcode: "TIMEOUT" });
    expect(performance.now() - late).toBeLessThan(50);
  });

  it("still answers from the cache after the budget is spent", async () => {
    server.setFaults({ "silent.example.com": { drop: true } });
    const resolver = createResolver({ resolver: server.address, timeoutMs: 300, perQueryTimeoutMs: 1000 });
    const answered = await resolver.query("example.com", "A");
    expect((await resolver.query("silent.example.com", "A")).rcode).toBe("TIMEOUT");
    expect(await resolver.query("example.com", "A")).toBe(answered);
  });
});

describe("a caller's own signal", () => {
  it("ends that caller's wait only", async () => {
    server.setFaults({ "example.com": { delayMs: 200 } });
    const resolver = createResolver({ resolver: server.address });
    const impatient = new AbortController();
    const first = resolver.query("example.com", "A", impatient.signal);
    const second = resolver.query("example.com", "A");
    impatient.abort();
    expect((await first).rcode).toBe("TIMEOUT");
    expect((await second).answers[0]?.data).toBe("192.0.2.1");
  });
});
