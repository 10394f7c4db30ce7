import { describe, expect, it } from "vitest";
import { BASIC_ZONE } from "./fixtures.js";
import { createZoneResolver, loadZone } from "./zone.js";

describe("the in-memory zone resolver", () => {
  const resolver = createZoneResolver(loadZone(BASIC_ZONE), {
    records: { "Extra.Example.com.": { TXT: ["x".repeat(300)] } },
    faults: { "flaky.example.com": { drop: true } },
  });

  it("answers like the server: records, NXDOMAIN, NODATA, empty non-terminals", async () => {
    expect((await resolver.query("example.com", "A")).answers[0]?.data).toBe("192.0.2.1");
    expect((await resolver.query("nowhere.example.com", "A")).rcode).toBe("NXDOMAIN");
    expect(await resolver.query("a-only.example.com", "TXT")).toEqual({ rcode: "NOERROR", answers: [] });
    expect(await resolver.query("_domainkey.example.com", "TXT")).toEqual({ rcode: "NOERROR", answers: [] });
  });

  it("follows CNAMEs and applies the zone's faults", async () => {
    expect((await resolver.query("alias.example.com", "A")).answers[0]?.data).toBe("192.0.2.1");
    expect((await resolver.query("servfail.example.com", "TXT")).rcode).toBe("SERVFAIL");
    expect((await resolver.query("flaky.example.com", "TXT")).rcode).toBe("TIMEOUT");
  });

  it("merges zones by lower-cased name and splits long TXT into 255-byte strings", async () => {
    const result = await resolver.query("extra.example.com", "TXT");
    expect(result.answers[0]?.strings?.map((chunk) => chunk.length)).toEqual([255, 45]);
  });

  it("records every question", () => {
    expect(resolver.calls.length).toBeGreaterThan(0);
    expect(resolver.calls[0]).toEqual({ name: "example.com", type: "A" });
  });
});
