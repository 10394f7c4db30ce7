// Child process of bench/perf/dns.mjs (run with --import ./bench/perf/ts-hooks.mjs): the full audit
// `mail-preflight dns` runs (dist/audit runAudit through dist/dns createResolver, a fresh resolver and
// cache per run) against the loopback test DNS server of test/dns/zone-server.ts serving the bench
// zone, answering every question after `delayMs`. Prints one JSON line: per delay, the wall times
// of the repeated runs and, for each run, the questions the server received more than once.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({ options: { zone: { type: "string" }, delays: { type: "string" }, repeats: { type: "string" } } });
const root = new URL("../../", import.meta.url);
const { startZoneServer } = await import(new URL("test/dns/zone-server.ts", root).href);
const { createResolver } = await import(new URL("dist/dns/index.js", root).href);
const { runAudit } = await import(new URL("dist/audit/index.js", root).href);

const zone = JSON.parse(readFileSync(args.zone, "utf8"));
const audit = zone.bench.audit;
const server = await startZoneServer({ zones: [args.zone] });
const runs = {};
try {
  for (const delayMs of args.delays.split(",").map(Number)) {
    server.setFaults(delayMs > 0 ? { "*": { delayMs } } : {});
    runs[delayMs] = [];
    // one unmeasured run first: the JIT and module loading are not DNS latency
    for (let repeat = -1; repeat < Number(args.repeats); repeat++) {
      server.queries.length = 0;
      const resolver = createResolver({ resolver: server.address, timeoutMs: 10_000 });
      const started = performance.now();
      const facts = await runAudit({ ...audit, resolver });
      const ms = performance.now() - started;
      if (repeat < 0) continue;
      const asked = new Map();
      for (const query of server.queries) {
        const key = `${query.type} ${query.name.toLowerCase()}`;
        asked.set(key, (asked.get(key) ?? 0) + 1);
      }
      runs[delayMs].push({
        ms,
        queries: server.queries.length,
        repeated: [...asked].filter(([, count]) => count > 1).map(([key, count]) => `${key} ×${count}`),
        // arrival times show the round trips: with a 100 ms server, questions of round k arrive near k×100 ms
        arrivals: server.queries.map((query) => query.at - server.queries[0].at),
        spf: facts.spf?.lookups ?? facts.spf?.lookupCount,
        temperror: JSON.stringify(facts).includes("temperror"),
      });
    }
  }
} finally {
  await server.close();
}
process.stdout.write(`${JSON.stringify(runs)}\n`);
