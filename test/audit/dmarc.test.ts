import { describe, expect, it } from "vitest";
import { auditDmarc, organizationalDomainFrom, treeWalkNames } from "../../src/audit/dmarc.js";
import { parseDmarc } from "../../src/audit/dmarc-record.js";
import { createZoneResolver } from "../dns/zone.js";

describe("RFC 9989 DNS tree walk", () => {
  it("asks the domain, then jumps to 7 labels and walks down to one: at most 8 queries (§4.10.1)", () => {
    expect(treeWalkNames("a.b.c.d.e.f.g.h.i.example")).toEqual([
      "a.b.c.d.e.f.g.h.i.example",
      "d.e.f.g.h.i.example",
      "e.f.g.h.i.example",
      "f.g.h.i.example",
      "g.h.i.example",
      "h.i.example",
      "i.example",
      "example",
    ]);
    expect(treeWalkNames("News.Example.COM.")).toEqual(["news.example.com", "example.com", "com"]);
  });

  it("takes the organisational domain from psd=n, one below psd=y, else the shortest name with a record (§4.10.2)", () => {
    const record = (name: string, text: string) => ({ name, outcome: "record" as const, record: text });
    const none = (name: string) => ({ name, outcome: "none" as const });
    expect(organizationalDomainFrom("a.b.example.gov", [none("a.b.example.gov"), none("b.example.gov"), none("example.gov"), record("gov", "v=DMARC1; p=reject; psd=y")])).toBe("example.gov");
    expect(organizationalDomainFrom("a.b.example.com", [none("a.b.example.com"), record("b.example.com", "v=DMARC1; p=none; psd=n"), record("example.com", "v=DMARC1; p=reject")])).toBe("b.example.com");
    expect(organizationalDomainFrom("a.b.example.com", [record("a.b.example.com", "v=DMARC1; p=none"), none("b.example.com"), record("example.com", "v=DMARC1; p=reject")])).toBe("example.com");
    expect(organizationalDomainFrom("a.example.com", [none("a.example.com"), none("example.com"), none("com")])).toBe("a.example.com");
  });

  it("applies sp= to a subdomain found by the walk, and queries every level at once", async () => {
    const resolver = createZoneResolver({
      records: { "_dmarc.example.com": { TXT: ["v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@example.com"] }, "example.com": { A: ["192.0.2.1"] } },
    });
    const facts = await auditDmarc(resolver, "news.mail.example.com");
    expect(facts.state.status === "found" && facts.state.policyDomain).toBe("example.com");
    expect(facts.appliedPolicy).toBe("quarantine");
    expect(facts.walk.map((query) => query.outcome)).toEqual(["nxdomain", "nxdomain", "record", "nxdomain"]);
    expect(facts.rfc7489).toMatchObject({ organizationalDomain: "example.com", policyDomain: "example.com", differs: false });
  });

  it("applies np= to a subdomain that does not exist, sp= to one that does, p= to the policy domain (§4.7)", async () => {
    const resolver = createZoneResolver({
      records: {
        "_dmarc.example.com": { TXT: ["v=DMARC1; p=none; sp=quarantine; np=reject; rua=mailto:d@example.com"] },
        "example.com": { A: ["192.0.2.1"] },
        "news.example.com": { MX: [{ preference: 10, exchange: "mx.example.com" }] },
      },
    });
    const applied = async (domain: string) => {
      const facts = await auditDmarc(resolver, domain);
      return [facts.fromDomainExists, facts.appliedTag, facts.appliedPolicy];
    };
    expect(await applied("ghost.example.com")).toEqual(["no", "np", "reject"]);
    expect(await applied("news.example.com")).toEqual(["yes", "sp", "quarantine"]);
    expect(await applied("example.com")).toEqual(["yes", "p", "none"]);
  });

  it("falls back from np= to sp= to p=, and applies sp= when the From domain's existence is unknown", async () => {
    const resolver = createZoneResolver({
      records: { "_dmarc.example.com": { TXT: ["v=DMARC1; p=quarantine"] }, "_dmarc.example.org": { TXT: ["v=DMARC1; p=none; sp=quarantine; np=reject"] } },
      faults: { "flaky.example.org": { rcode: "SERVFAIL" } },
    });
    const facts = await auditDmarc(resolver, "ghost.example.com");
    expect([facts.fromDomainExists, facts.appliedTag, facts.appliedPolicy]).toEqual(["no", "p", "quarantine"]);
    const unknown = await auditDmarc(resolver, "flaky.example.org");
    expect([unknown.fromDomainExists, unknown.appliedTag, unknown.appliedPolicy]).toEqual(["unknown", "sp", "quarantine"]);
  });
});

describe("DMARC record tags (RFC 9989 §4.7)", () => {
  it("parses the current tags and keeps removed and unknown ones apart", () => {
    const record = parseDmarc("v=DMARC1; p=quarantine; sp=reject; np=reject; psd=n; t=y; adkim=s; aspf=r; fo=1:d; pct=20; rf=afrf; ri=86400; foo=bar; rua=mailto:a@example.com!10m");
    expect(record).toMatchObject({ policy: "quarantine", subdomainPolicy: "reject", nonExistentPolicy: "reject", psd: "n", testing: true, adkim: "s", aspf: "r", fo: "1:d" });
    expect(record.syntaxErrors).toEqual([]);
    expect(record.removedTags.map((tag) => tag.tag)).toEqual(["pct", "rf", "ri"]);
    expect(record.unknownTags).toEqual(["foo"]);
    expect(record.rua).toEqual([{ uri: "mailto:a@example.com", domain: "example.com" }]);
  });

  it("reports values outside the grammar", () => {
    const record = parseDmarc("v=DMARC1; p=block; t=maybe; fo=2; rua=dmarc@example.com; p=none");
    expect(record.syntaxErrors.map((error) => error.tag)).toEqual(["", "p", "t", "fo", "rua"]);
  });
});
