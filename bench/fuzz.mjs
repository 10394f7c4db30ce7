#!/usr/bin/env node
// npm run fuzz [-- <runs> [<seed>]]: the fuzz properties of test/fuzz at 10,000 cases by default, with a
// fresh seed each time (printed first, so a failure can be replayed: npm run fuzz -- 10000 <seed>).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { helpFromHeader } from "./lib/help.mjs";

helpFromHeader(import.meta.url);
const [runs = process.env.FUZZ_RUNS ?? "10000", seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31))] = process.argv.slice(2);
// test/fuzz reads both with Number(): a typo would become NaN there, far from the command that caused it
for (const [name, value] of [["runs", runs], ["seed", seed]]) {
  if (!/^\d+$/.test(value)) {
    process.stderr.write(`npm run fuzz: ${name} must be a whole number, not "${value}" (npm run fuzz -- <runs> [<seed>])\n`);
    process.exit(2);
  }
}
console.log(`npm run fuzz: ${runs} cases, seed ${seed}`);
const vitest = join(dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");
const run = spawnSync(process.execPath, [vitest, "run", "test/fuzz"], { stdio: "inherit", env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed } });
process.exit(run.status ?? 1);
