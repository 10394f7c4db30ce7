import { createSocket } from "node:dgram";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isNoData, type Resolver } from "../../src/dns/resolver.js";
import { createUdpResolver } from "../../src/dns/udp.js";
import { BASIC_ZONE, serverAt } from "./fixtures.js";
import { startZoneServer, type ZoneServer } from "./zone-server.js";

let server: ZoneServer;
let resolver: Resolver;

beforeAll(async () => {
  server = await startZoneServer({ zones: [BASIC_ZONE] });
  resolver = createUdpResolver({ servers: [serverAt(server.address)], perQueryTimeoutMs: 300 });
});
afterEach(() => {
  server.setFaults({});
  server.queries.length = 0;
});
afterAll(() => server.close());

const transportsFor = (name: string): string[] => server.queries.filter((query) => query.name.toLowerCase() === name).map((query) => query.transport);

describe("record types", () => {
  it("reads A and AAAA", async () => {
    expect(await resolver.query("example.com", "A")).toMatchObject({ rcode: "NOERROR", answers: [{ name: "example.com", type: "A", ttl: 300, data: "192.0.2.1" }] });
    expect((await resolver.query("example.com", "AAAA")).answers.map((record) => record.data)).toEqual(["2001:db8::1"]);
  });

  it("joins TXT character-strings and keeps them", async () => {
    const result = await resolver.query("example.com", "TXT");
    expect(result.answers.map((record) => record.data)).toEqual(["v=spf1 ip4:192.0.2.0/24 -all", "google-site-verification=abc123"]);
    expect(result.answers[1]?.strings).toEqual(["google-site-verification=", "abc123"]);
  });

  it("decodes UTF-8 TXT", async () => {
    expect((await resolver.query("utf8.example.com", "TXT")).answers[0]?.data).toBe("café ✓");
  });

  it("reads MX, NS and PTR", async () => {
    expect((await resolver.query("example.com", "MX")).answers.map((record) => record.data)).toEqual([
      { preference: 10, exchange: "mx1.example.com" },
      { preference: 20, exchange: "mx2.example.com" },
    ]);
    expect((await resolver.query("example.com", "NS")).answers[0]?.data).toBe("ns1.example.com");
    expect((await resolver.query("1.2.0.192.in-addr.arpa", "PTR")).answers[0]?.data).toBe("example.com");
  });

  it("matches the question case-insensitively (RFC 4343)", async () => {
    expect((await resolver.query("ExAmPlE.CoM", "A")).answers[0]?.data).toBe("192.0.2.1");
  });
});

describe("CNAME", () => {
  it("follows a chain to records of the asked type", async () => {
    const result = await resolver.query("alias.example.com", "A");
    expect(result).toMatchObject({ rcode: "NOERROR", answers: [{ name: "example.com", data: "192.0.2.1" }] });
  });

  it("answers a CNAME question with the alias itself", async () => {
    expect((await resolver.query("www.example.com", "CNAME")).answers.map((record) => record.data)).toEqual(["example.com"]);
  });

  it("stops at a loop, and does not ask again: the server did answer", async () => {
    expect(await resolver.query("loop1.example.com", "A")).toMatchObject({ rcode: "ERROR", answers: [], reason: expect.stringMatching(/CNAME/) });
    expect(server.queries).toHaveLength(1);
  });
});

describe("outcomes stay apart", () => {
  it("NXDOMAIN, NODATA and an empty non-terminal", async () => {
    expect(await resolver.query("nowhere.example.com", "TXT")).toEqual({ rcode: "NXDOMAIN", answers: [] });
    expect(isNoData(await resolver.query("a-only.example.com", "TXT"))).toBe(true);
    // RFC 8020: _domainkey.example.com has names below it, so it exists.
    expect(await resolver.query("_domainkey.example.com", "TXT")).toEqual({ rcode: "NOERROR", answers: [] });
  });

  it("SERVFAIL and REFUSED, asked once when there is no other server", async () => {
    expect((await resolver.query("servfail.example.com", "TXT")).rcode).toBe("SERVFAIL");
    expect((await resolver.query("refused.example.com", "TXT")).rcode).toBe("REFUSED");
    expect(server.queries).toHaveLength(2);
  });

  it("TIMEOUT after the tries, each try on its own", async () => {
    const result = await resolver.query("silent.example.com", "TXT");
    expect(result.rcode).toBe("TIMEOUT");
    expect(result.reason).toMatch(/no reply/);
    expect(transportsFor("silent.example.com")).toEqual(["udp", "udp"]);
  });

  it("ERROR without asking for a name that cannot exist (RFC 1035 §2.3.4)", async () => {
    expect((await resolver.query(`${"a".repeat(64)}.example.com`, "TXT")).rcode).toBe("ERROR");
    expect(server.queries).toHaveLength(0);
  });

  it("ERROR when nothing listens on the port", async () => {
    const probe = createSocket("udp4");
    await new Promise<void>((resolve) => probe.bind(0, "127.0.0.1", resolve));
    const closedPort = probe.address().port;
    await new Promise<void>((resolve) => probe.close(resolve));
    const nobody = createUdpResolver({ servers: [serverAt(`127.0.0.1:${closedPort}`)], perQueryTimeoutMs: 1000 });
    const started = performance.now();
    expect((await nobody.query("example.com", "A")).rcode).toBe("ERROR");
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("big answers (RFC 6891, RFC 7766)", () => {
  it("takes a 722-byte TXT over UDP thanks to EDNS0", async () => {
    const result = await resolver.query("big.example.com", "TXT");
    expect(result.answers[0]?.data).toHaveLength(722);
    expect(transportsFor("big.example.com")).toEqual(["udp"]);
  });

  it("falls back to TCP for an answer over the 1232-byte payload", async () => {
    const result = await resolver.query("huge.example.com", "TXT");
    expect(result.answers[0]?.data).toHaveLength(2918);
    expect(result.answers[0]?.strings?.length).toBeGreaterThan(1);
    expect(transportsFor("huge.example.com")).toEqual(["udp", "tcp"]);
  });

  it("falls back to TCP when the server sets TC", async () => {
    server.setFaults({ "big.example.com": { truncateUdp: true } });
    expect((await resolver.query("big.example.com", "TXT")).answers[0]?.data).toHaveLength(722);
    expect(transportsFor("big.example.com")).toEqual(["udp", "tcp"]);
  });

  it("keeps SERVFAIL over TCP", async () => {
    server.setFaults({ "big.example.com": { truncateUdp: true, rcode: "SERVFAIL" } });
    expect((await resolver.query("big.example.com", "TXT")).rcode).toBe("SERVFAIL");
  });
});

describe("servers without EDNS0 (RFC 6891 §7)", () => {
  it("asks again without OPT after FORMERR", async () => {
    server.setFaults({ "example.com": { ednsUnsupported: true } });
    expect((await resolver.query("example.com", "A")).answers[0]?.data).toBe("192.0.2.1");
    expect(server.queries.map(({ transport, edns }) => ({ transport, edns }))).toEqual([
      { transport: "udp", edns: true },
      { transport: "udp", edns: false },
    ]);
  });

  it("then gets a 722-byte answer over TCP, as 512 bytes is all plain UDP carries", async () => {
    server.setFaults({ "big.example.com": { ednsUnsupported: true } });
    expect((await resolver.query("big.example.com", "TXT")).answers[0]?.data).toHaveLength(722);
    expect(transportsFor("big.example.com")).toEqual(["udp", "udp", "tcp"]);
  });
});

describe("spoofing and noise (RFC 5452)", () => {
  it.each(["wrong-id", "wrong-question", "wrong-source"] as const)("ignores a forged NXDOMAIN with %s sent first", async (spoof) => {
    server.setFaults({ "example.com": { spoof } });
    expect(await resolver.query("example.com", "A")).toMatchObject({ rcode: "NOERROR", answers: [{ data: "192.0.2.1" }] });
  });

  it("ignores junk and a reply cut short, then takes the real one", async () => {
    server.setFaults({ "example.com": { malformed: true } });
    expect(await resolver.query("example.com", "TXT")).toMatchObject({ rcode: "NOERROR", answers: [{}, {}] });
  });
});

describe("several servers", () => {
  it("takes the servers in turn: a silent first server costs one try", async () => {
    const silent = await startZoneServer({ zones: [BASIC_ZONE], faults: { "*": { drop: true } } });
    try {
      const both = createUdpResolver({ servers: [serverAt(silent.address), serverAt(server.address)], perQueryTimeoutMs: 200 });
      expect((await both.query("example.com", "A")).answers[0]?.data).toBe("192.0.2.1");
      expect(silent.queries).toHaveLength(1);
      expect(server.queries).toHaveLength(1);
    } finally {
      await silent.close();
    }
  });

  it("asks the next server after SERVFAIL", async () => {
    const failing = await startZoneServer({ zones: [BASIC_ZONE], faults: { "*": { rcode: "SERVFAIL" } } });
    try {
      const both = createUdpResolver({ servers: [serverAt(failing.address), serverAt(server.address)], perQueryTimeoutMs: 200 });
      expect((await both.query("example.com", "A")).rcode).toBe("NOERROR");
    } finally {
      await failing.close();
    }
  });
});

describe("IPv6 loopback", () => {
  it("asks a server on [::1]", async (context) => {
    const v6 = await startZoneServer({ zones: [BASIC_ZONE], host: "::1" }).catch(() => undefined);
    if (v6 === undefined) return context.skip("no IPv6 loopback here");
    try {
      const client = createUdpResolver({ servers: [serverAt(v6.address)], perQueryTimeoutMs: 300 });
      expect((await client.query("huge.example.com", "TXT")).answers[0]?.data).toHaveLength(2918);
    } finally {
      await v6.close();
    }
  });
});
