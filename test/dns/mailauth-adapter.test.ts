import { spf } from "mailauth/lib/spf/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResolver } from "../../src/dns/index.js";
import { toMailauthResolver } from "../../src/dns/mailauth-adapter.js";
import type { DNSResolver } from "mailauth";
import { BASIC_ZONE } from "./fixtures.js";
import { startZoneServer, type ZoneServer } from "./zone-server.js";

let server: ZoneServer;
let resolve: DNSResolver;

beforeAll(async () => {
  server = await startZoneServer({ zones: [BASIC_ZONE] });
  resolve = toMailauthResolver(createResolver({ resolver: server.address, perQueryTimeoutMs: 200, tries: 1 }));
});
afterAll(() => server.close());

describe("answers in the shapes of dns.promises.resolve", () => {
  it("TXT as one array of character-strings per record", async () => {
    expect(await resolve("example.com", "TXT")).toEqual([["v=spf1 ip4:192.0.2.0/24 -all"], ["google-site-verification=", "abc123"]]);
  });

  it("MX as { exchange, priority }", async () => {
    expect(await resolve("example.com", "MX")).toEqual([
      { exchange: "mx1.example.com", priority: 10 },
      { exchange: "mx2.example.com", priority: 20 },
    ]);
  });

  it("A, AAAA, PTR and CNAME as strings", async () => {
    expect(await resolve("example.com", "A")).toEqual(["192.0.2.1"]);
    expect(await resolve("example.com", "AAAA")).toEqual(["2001:db8::1"]);
    expect(await resolve("1.2.0.192.in-addr.arpa", "PTR")).toEqual(["example.com"]);
    expect(await resolve("www.example.com", "CNAME")).toEqual(["example.com"]);
  });
});

describe("failures as node:dns error codes", () => {
  it.each([
    ["nowhere.example.com", "TXT", "ENOTFOUND"],
    ["a-only.example.com", "TXT", "ENODATA"],
    ["servfail.example.com", "TXT", "ESERVFAIL"],
    ["refused.example.com", "TXT", "EREFUSED"],
    ["silent.example.com", "TXT", "ETIMEOUT"],
    [`${"x".repeat(64)}.example.com`, "TXT", "EBADNAME"],
    ["example.com", "SRV", "ENOTIMP"],
  ])("%s %s → %s", async (name, type, code) => {
    await expect(resolve(name, type)).rejects.toMatchObject({ code, hostname: name, syscall: `query${type.charAt(0)}${type.slice(1).toLowerCase()}` });
  });
});

describe("mailauth through the adapter", () => {
  it("evaluates SPF: pass inside ip4:, fail outside", async () => {
    const inside = await spf({ ip: "192.0.2.77", sender: "news@example.com", helo: "mx1.example.com", mta: "mx.test", resolver: resolve });
    const outside = await spf({ ip: "203.0.113.5", sender: "news@example.com", helo: "mx1.example.com", mta: "mx.test", resolver: resolve });
    expect(inside.status.result).toBe("pass");
    expect(outside.status.result).toBe("fail");
  });

  it("turns a SERVFAIL into temperror", async () => {
    const result = await spf({ ip: "192.0.2.77", sender: "news@servfail.example.com", mta: "mx.test", resolver: resolve });
    expect(result.status.result).toBe("temperror");
  });
});
