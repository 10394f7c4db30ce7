// runAudit end to end against the loopback DNS server.
import { describe, expect, it } from "vitest";
import type { Requirement } from "../../src/audit/index.js";
import { auditZone, authZone, SENDER } from "./audit-zone.js";
import { signedMessage } from "./signed-message.js";
import { startZoneServer } from "../dns/zone-server.js";
import { createResolver } from "../../src/dns/index.js";
import { runAudit } from "../../src/audit/index.js";

const IP = "192.0.2.10";
const byId = (requirements: readonly Requirement[]) => Object.fromEntries(requirements.map((item) => [item.id, item.status]));
const unsubscribeHeaders = ["from", "to", "subject", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post"];

describe("runAudit", () => {
  it("meets every checkable provider requirement for a well set-up domain and a signed message", async () => {
    const message = await signedMessage({ listUnsubscribe: true, signedHeaders: unsubscribeHeaders });
    const { facts } = await auditZone("good", { ips: [IP, "2001:db8::10"], message });
    expect(facts.dkim.signatures.map((signature) => signature.result)).toEqual(["pass"]);
    expect(facts.alignment.aligned).toBe(true);
    expect(byId(facts.requirements)).toEqual({
      "spf-or-dkim": "pass",
      "spf-and-dkim": "pass",
      "dmarc-published": "pass",
      "dmarc-alignment": "pass",
      "ptr-fcrdns": "pass",
      tls: "not-checkable",
      "one-click-unsubscribe": "pass",
      "from-domain-receives-mail": "pass",
      "valid-from": "pass",
      "valid-message-id": "pass",
      "not-blocklisted": "pass",
      "spam-rate": "not-checkable",
      "unsubscribe-honoured-2-days": "not-checkable",
    });
    for (const item of facts.requirements) expect(item.providers.length).toBeGreaterThan(0);
  });

  it("makes a requirement unknown, never pass, when its lookup fails or a blocklist refuses", async () => {
    const failed = await auditZone("dns-temperror");
    expect(facts(failed)["dmarc-published"]).toBe("unknown");
    expect(failed.facts.dns.temporaryFailures).toEqual([{ name: "_dmarc.sender.example", type: "TXT", rcode: "SERVFAIL" }]);
    const refused = await auditZone("blocklist-unknown", { ips: [IP] });
    expect(facts(refused)["not-blocklisted"]).toBe("unknown");
    expect(refused.facts.blocklists.ips.find((answer) => answer.zone === "zen.spamhaus.org")).toMatchObject({ status: "unknown", codes: ["127.255.255.254"] });
  });

  it("ends with temperror facts when the server never answers, within the DNS budget", async () => {
    const server = await startZoneServer({ zones: [authZone("good")], faults: { "*": { drop: true } } });
    try {
      const started = performance.now();
      const resolver = createResolver({ resolver: server.address, timeoutMs: 1000, perQueryTimeoutMs: 300, tries: 2 });
      const result = await runAudit({ domain: SENDER, ips: [IP], resolver });
      expect(performance.now() - started).toBeLessThan(2500);
      expect(result.spf.state.status).toBe("temperror");
      expect(result.dmarc.state.status).toBe("temperror");
      expect(result.requirements.filter((item) => item.status === "pass")).toEqual([]);
      expect(result.dns.temporaryFailures.length).toBeGreaterThan(10);
    } finally {
      await server.close();
    }
  });

  it("runs independent lookups in parallel and asks no question twice", async () => {
    const server = await startZoneServer({ zones: [authZone("good")], faults: { "*": { delayMs: 100 } } });
    try {
      const started = performance.now();
      const resolver = createResolver({ resolver: server.address, timeoutMs: 10_000, perQueryTimeoutMs: 1000, maxInFlight: 64 });
      const result = await runAudit({ domain: SENDER, ips: [IP, "2001:db8::10"], resolver });
      const elapsed = performance.now() - started;
      const asked = server.queries.map((query) => `${query.name.toLowerCase()} ${query.type}`);
      expect(new Set(asked).size).toBe(asked.length);
      // 70-odd questions at 100 ms each would take 7 s one after another; the longest chain is a few round trips.
      expect(asked.length).toBeGreaterThan(50);
      expect(elapsed).toBeLessThan(1000);
      expect(result.dns.temporaryFailures).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("reads ed25519 keys (RFC 8463) and reports each probed selector that answered", async () => {
    const { facts } = await auditZone("dkim-key-invalid");
    expect(facts.dkim.keys.map((key) => [key.selector, key.state.status, key.keyType, key.bits])).toEqual([
      ["google", "found", "rsa", 2048],
      ["selector2", "invalid", "dsa", undefined],
      ["k1", "invalid", "rsa", undefined],
      ["k2", "found", "ed25519", 256],
    ]);
  });

  it("keeps the include path of every SPF lookup, even past 10", async () => {
    const { facts } = await auditZone("spf-too-many-lookups");
    expect(facts.spf.lookupCount).toBe(13);
    expect(facts.spf.lookups.slice(9, 11)).toEqual([
      { index: 10, term: "a:h4.b.example", domain: "_spf.b.example", path: ["include:_spf.b.example"] },
      { index: 11, term: "exists:%{i}.ex.b.example", domain: "_spf.b.example", path: ["include:_spf.b.example"] },
    ]);
    expect(facts.spf.tree?.children.map((child) => [child.via, child.totalLookups])).toEqual([
      ["include:_spf.a.example", 3],
      ["include:_spf.b.example", 6],
    ]);
    expect(facts.spf.tree?.children[1]?.unwalked).toEqual(["exists:%{i}.ex.b.example"]);
  });

  it("checks FCrDNS for IPv6 by its ip6.arpa name", async () => {
    const { facts } = await auditZone("good", { ips: ["2001:db8::10"] });
    expect(facts.ptr).toEqual([
      {
        ip: "2001:db8::10",
        reverseName: "0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
        state: { status: "found", names: ["mail.sender.example"] },
        forwardConfirmed: "yes",
        confirmedName: "mail.sender.example",
      },
    ]);
  });
});

function facts(audit: { facts: { requirements: readonly Requirement[] } }): Record<string, string> {
  return byId(audit.facts.requirements);
}
