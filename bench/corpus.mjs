#!/usr/bin/env node
// npm run corpus [-- --split tuning|held-out|all] [--workers N] [--timeout MS] [--out FILE] [--no-spamassassin]
//
// Every SpamAssassin public corpus message (and ../shared/corpus) through the built library
// (dist/, so run `npm run build` first), offline. Prints the note and writes bench/CORPUS.md:
// crashes, score distributions, verdicts, ROC AUC (spam vs ham, spam vs hard ham) per issue 7's
// split, and every rule's firing rate per group. With `spamassassin` installed, the corpus messages
// also go through it (cached in bench/.cache): its AUC beside ours, and each rule's agreement with
// its SpamAssassin counterparts beside the reading in bench/spamassassin-agreement.json.
// Exit 1 when any message crashed.
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { REPO_ROOT, listSharedCorpus, listSpamAssassin } from "./lib/corpus-files.mjs";
import { runPool } from "./lib/pool.mjs";
import { renderCorpusNote } from "./lib/render.mjs";
import { rulesOffInScoreSet0, runSpamAssassinOnCorpus, SPAMASSASSIN_ARGS, spamAssassinVersion } from "./lib/spamassassin.mjs";
import { agreementByRule, explanationProblems, loadExplanations, rulesWithCounterparts } from "./lib/spamassassin-agreement.mjs";
import { helpFromHeader } from "./lib/help.mjs";

helpFromHeader(import.meta.url);
const args = parseOptions({
  options: {
    split: { type: "string", default: "all" },
    workers: { type: "string", default: String(Math.min(2, availableParallelism())) },
    timeout: { type: "string", default: "60000" },
    out: { type: "string", default: join(REPO_ROOT, "bench/CORPUS.md") },
    "no-spamassassin": { type: "boolean", default: false },
  },
});
if (!["all", "tuning", "held-out"].includes(args.split)) usage(`--split must be all, tuning or held-out, not ${args.split}`);
const workers = Number(args.workers);
const timeoutMs = Number(args.timeout);
if (!Number.isInteger(workers) || workers < 1) usage("--workers must be a positive integer");
if (!(timeoutMs > 0)) usage("--timeout must be a positive number of milliseconds");

const distDir = join(REPO_ROOT, "dist");
if (!existsSync(join(distDir, "preflight.js"))) usage("dist/preflight.js is missing: run `npm run build` first");
warnIfStale();

const { loadCatalogue } = await import(pathToFileURL(join(distDir, "rules/catalogue.js")).href);
const { toolVersion } = await import(pathToFileURL(join(distDir, "version.js")).href);

const corpus = listSpamAssassin().filter((entry) => args.split === "all" || entry.split === args.split);
const sharedEntries = listSharedCorpus();
if (sharedEntries.length === 0) process.stderr.write("../shared/corpus not found beside the repository: checking the SpamAssassin corpus only\n");
const entries = [...corpus, ...sharedEntries];

const started = performance.now();
let lastShown = 0;
const { records, withoutModule } = await runPool(entries, {
  workers,
  distDir,
  timeoutMs,
  onProgress(done, total) {
    if (!process.stderr.isTTY || (done < total && performance.now() - lastShown < 250)) return;
    lastShown = performance.now();
    process.stderr.write(`\r${done}/${total} messages`);
    if (done === total) process.stderr.write("\n");
  },
}).catch((error) => {
  process.stderr.write(`\n${error.message}\n`);
  process.exit(2);
});
const seconds = (performance.now() - started) / 1000;

const corpusRecords = records.slice(0, corpus.length);
const catalogue = loadCatalogue();
const ruleIdsFired = [...new Set(records.flatMap((record) => (record.crash ? [] : Object.keys(record.evidence))))].sort();
// rules an offline run can fire: not the DNS ones, not the engine's own; dns-skipped says only
// that the run was offline, and is on every message
const offlineRules = [...catalogue.values()].filter((meta) => !meta.network && !meta.engine && !withoutModule.includes(meta.id)).map((meta) => meta.id);
const engineFired = ruleIdsFired.filter((id) => id !== "dns-skipped" && catalogue.get(id)?.engine);
const ruleIds = [...new Set([...offlineRules, ...engineFired])].sort();

const spamassassin = await sideBySide();

const { markdown, crashes } = renderCorpusNote({
  records: corpusRecords,
  shared: records.slice(corpus.length),
  ruleIds,
  ruleIdsFired: ruleIdsFired.filter((id) => id !== "dns-skipped"),
  catalogueSize: catalogue.size,
  withoutModule,
  seconds,
  workers,
  splitFilter: args.split,
  version: toolVersion(),
  spamassassin,
});
process.stdout.write(`${markdown}\n`);
writeFileSync(args.out, `${markdown}\n`);
process.stderr.write(`wrote ${args.out}\n`);
process.exitCode = crashes.length > 0 ? 1 : 0;

/**
 * The corpus messages through SpamAssassin (after our run, so the two do not share the cores) and
 * each rule's agreement with its counterparts; { note } when SpamAssassin is skipped or absent.
 */
async function sideBySide() {
  if (args["no-spamassassin"]) return { note: "skipped (--no-spamassassin)" };
  const saVersion = spamAssassinVersion();
  if (!saVersion) {
    const note = "not installed, side by side skipped (apt-get install spamassassin)";
    process.stderr.write(`SpamAssassin: ${note}\n`);
    return { note };
  }
  let lastShown = 0;
  const run = await runSpamAssassinOnCorpus(corpus, {
    version: saVersion,
    processes: workers,
    onProgress(done, total) {
      if (!process.stderr.isTTY || (done < total && performance.now() - lastShown < 250)) return;
      lastShown = performance.now();
      process.stderr.write(`\rSpamAssassin: ${done}/${total} messages`);
      if (done === total) process.stderr.write("\n");
    },
  }).catch((error) => ({ error }));
  if (run.error) {
    const note = `failed, side by side skipped: ${run.error.message.split("\n")[0]}`;
    process.stderr.write(`SpamAssassin: ${note}\n`);
    return { note };
  }
  const kindOf = Object.fromEntries(corpus.map((entry) => [entry.group, entry.kind]));
  const { offline, network } = rulesWithCounterparts(catalogue);
  // a rule turned off for want of a module would only ever be "only theirs"
  const agreement = agreementByRule(corpusRecords, run.results, kindOf, offline.filter((rule) => !withoutModule.includes(rule.id)));
  const explanations = loadExplanations();
  const problems = explanationProblems(agreement, explanations);
  for (const problem of problems) process.stderr.write(`warning: spamassassin-agreement.json: ${problem}\n`);
  return { ...run, args: SPAMASSASSIN_ARGS, processes: workers, agreement, network, explanations, problems, off: rulesOffInScoreSet0() };
}

function usage(message) {
  process.stderr.write(`corpus: ${message}\n`);
  process.exit(2);
}

/** The run measures dist/, not src/: say so when a source file is newer than the build. */
function warnIfStale() {
  const built = statSync(join(distDir, "preflight.js")).mtimeMs;
  const newer = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") && statSync(path).mtimeMs > built) newer.push(path.slice(REPO_ROOT.length + 1));
    }
  };
  walk(join(REPO_ROOT, "src"));
  if (newer.length > 0) process.stderr.write(`warning: dist/ is older than ${newer.length} source file(s) (e.g. ${newer[0]}): run \`npm run build\`\n`);
}

/** parseArgs' own message (an unknown option, a missing value) is the one line a usage error needs. */
function parseOptions(config) {
  try {
    return parseArgs(config).values;
  } catch (error) {
    return usage(error.message);
  }
}
