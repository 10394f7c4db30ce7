import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResolver, ResolverSpecError } from "../../src/dns/index.js";
import { parseServerAddress } from "../../src/dns/server-address.js";
import { BASIC_ZONE } from "./fixtures.js";
import { startZoneServer, type ZoneServer } from "./zone-server.js";

describe("--resolver", () => {
  it.each([
    ["192.0.2.53", { host: "192.0.2.53", port: 53, family: 4 }],
    ["192.0.2.53:5353", { host: "192.0.2.53", port: 5353, family: 4 }],
    ["2001:db8::53", { host: "2001:db8::53", port: 53, family: 6 }],
    ["[2001:db8::53]:5353", { host: "2001:db8::53", port: 5353, family: 6 }],
  ])("reads %s", (spec, expected) => {
    expect(parseServerAddress(spec)).toEqual(expected);
  });

  it.each(["dns.example", "192.0.2.53:0", "192.0.2.53:70000", "[2001:db8::53", "ftp://192.0.2.1/"])("refuses %j", (spec) => {
    expect(() => createResolver({ resolver: spec })).toThrow(ResolverSpecError);
  });

  it("means the system's resolvers when empty, without reading anything yet", () => {
    expect(createResolver({ resolver: "" }).stats().asked).toBe(0);
  });
});

describe("several servers in one --resolver", () => {
  let silent: ZoneServer;
  let answering: ZoneServer;
  beforeAll(async () => {
    silent = await startZoneServer({ zones: [BASIC_ZONE], faults: { "*": { drop: true } } });
    answering = await startZoneServer({ zones: [BASIC_ZONE] });
  });
  afterAll(() => Promise.all([silent.close(), answering.close()]));

  it("takes them in turn", async () => {
    const resolver = createResolver({ resolver: `${silent.address},${answering.address}`, perQueryTimeoutMs: 200 });
    expect((await resolver.query("example.com", "A")).answers[0]?.data).toBe("192.0.2.1");
    expect([silent.queries.length, answering.queries.length]).toEqual([1, 1]);
  });
});
