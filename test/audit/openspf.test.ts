// The OpenSPF RFC 7208 test suite (release 2014.04), run through our DNS client against the real
// loopback zone server, with mailauth's spf() in strict mode as check_host(). The zone data is
// served the way the suite's reference driver (pyspf's testspf.py) serves it: a type-SPF record is
// served as TXT only where the name has no TXT record (RFC 7208 dropped type SPF) and "TXT: NONE"
// says there is none; "TIMEOUT" times out the types not listed before it; a missing name is
// NXDOMAIN and a name without the type is NODATA.
//
// The zone server's faults work per name, not per type, so a name whose TIMEOUT follows records
// of its own (spftimeout.example.net: TXT, then TIMEOUT) is served without the drop: its TXT
// answers as the driver's would, and a type it lacks would give NODATA instead of a timeout —
// no test of the suite asks such a name for such a type.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { spf } from "mailauth/lib/spf/index.js";
import { createResolver } from "../../src/dns/index.js";
import { toMailauthResolver } from "../../src/dns/mailauth-adapter.js";
import type { Faults, Zone, ZoneNode } from "../dns/zone.js";
import { startZoneServer } from "../dns/zone-server.js";
import type { ZoneServer } from "../dns/zone-server.js";

const SUITE = new URL("../../../shared/peer-suites/openspf/rfc7208-tests.yml", import.meta.url);

type SuiteRecord = "TIMEOUT" | { readonly [type: string]: string | readonly (string | number)[] };

interface SuiteTest {
  readonly description?: string;
  readonly spec: string | readonly string[];
  readonly helo: string;
  readonly host: string;
  readonly mailfrom: string;
  readonly result: string | readonly string[];
}

interface Scenario {
  readonly description: string;
  readonly tests: Readonly<Record<string, SuiteTest>>;
  readonly zonedata?: Readonly<Record<string, readonly SuiteRecord[]>>;
}

/** Cases our setup does not pass, each with the reason. Empty: all 203 pass. */
const KNOWN_FAILURES: Readonly<Record<string, string>> = {};

const scenarios = parseAllDocuments(readFileSync(SUITE, "utf8")).map((document) => document.toJS() as Scenario);

function toZone(zonedata: Scenario["zonedata"]): { zone: Zone; faults: Faults } {
  const records: Record<string, ZoneNode> = {};
  const faults: Record<string, { drop: true }> = {};
  for (const [name, entries] of Object.entries(zonedata ?? {})) {
    const node: MutableNode = {};
    const spfRecords: (string | string[])[] = [];
    let timesOut = false;
    let noTxt = false;
    for (const entry of entries) {
      if (entry === "TIMEOUT") {
        timesOut = true;
        continue;
      }
      for (const [type, value] of Object.entries(entry)) {
        const text = (): string | string[] => (Array.isArray(value) ? value.map(String) : String(value));
        if (type === "SPF") spfRecords.push(text());
        else if (type === "TXT" && value === "NONE") noTxt = true;
        else if (type === "TXT") (node.TXT ??= []).push(text());
        else if (type === "A" || type === "AAAA" || type === "PTR") (node[type] ??= []).push(String(value));
        else if (type === "CNAME") node.CNAME = String(value);
        else if (type === "MX" && Array.isArray(value)) (node.MX ??= []).push({ preference: Number(value[0]), exchange: String(value[1]) });
        else throw new Error(`zonedata ${name}: unexpected record ${type}`);
      }
    }
    // The reference driver: type SPF stands in for TXT only where the name has no TXT of its own.
    if (!node.TXT && !noTxt && spfRecords.length > 0) node.TXT = spfRecords;
    if (timesOut && Object.keys(node).length === 0) faults[name] = { drop: true };
    records[name] = node;
  }
  return { zone: { records }, faults };
}

interface MutableNode extends ZoneNode {
  A?: string[];
  AAAA?: string[];
  PTR?: string[];
  TXT?: (string | string[])[];
  MX?: { preference: number; exchange: string }[];
  CNAME?: string;
}

const outcome = { passed: 0, failed: [] as string[] };

describe.each(scenarios.map((scenario) => [scenario.description, scenario] as const))("OpenSPF: %s", (_description, scenario) => {
  let server: ZoneServer;
  beforeAll(async () => {
    const { zone, faults } = toZone(scenario.zonedata);
    server = await startZoneServer({ zones: [zone], faults });
  });
  afterAll(() => server.close());

  for (const [name, test] of Object.entries(scenario.tests)) {
    const expected = typeof test.result === "string" ? [test.result] : [...test.result];
    const known = KNOWN_FAILURES[name];
    const run = known ? it.fails : it;
    run(`${name} (RFC 7208 ${String(test.spec)}) → ${expected.join(" or ")}${known ? ` — known failure: ${known}` : ""}`, async () => {
      const resolver = createResolver({ resolver: server.address, timeoutMs: 5000, perQueryTimeoutMs: 250, tries: 1 });
      const result = await spf({
        sender: test.mailfrom,
        ip: test.host,
        helo: test.helo,
        mta: "mail-preflight.test",
        resolver: toMailauthResolver(resolver),
        strict: true,
      });
      const got = result.status.result;
      if (expected.includes(got)) outcome.passed += 1;
      else outcome.failed.push(`${name}: expected ${expected.join("|")}, got ${got}`);
      expect(expected).toContain(got);
    });
  }
});

afterAll(() => {
  console.log(`OpenSPF RFC 7208 suite: ${outcome.passed} passed${outcome.failed.length ? `; failing: ${outcome.failed.join("; ")}` : ""}`);
});
