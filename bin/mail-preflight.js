#!/usr/bin/env node
// Starts the CLI, from node's start-up snapshot when it can (dist/mail-preflight.blob, built by
// `npm run build`): every module already evaluated and the rule data already prepared, restored in
// one step. That takes node started again with --snapshot-blob (process.execve), so the snapshot is used
// only for a plain run: no node options (--cpu-prof, --import, --inspect… in the command line or in
// NODE_OPTIONS, where node would ignore --import), not MAIL_PREFLIGHT_SNAPSHOT=0, and a blob whose
// key still matches (snapshot-key.js: this node binary, this directory, the rules/ data). Otherwise
// the bundled CLI (dist/mail-preflight.js) runs in this process, with node's module compile cache.
// A batch that may use worker threads runs from the bundle too: in node 22 a worker of a process
// restored from a user snapshot aborts as soon as it loads node:net (an assertion in stream_wrap).
// CommonJS (bin/package.json): node starts a CommonJS entry without its ESM loader, ≈ 6 ms less CPU
// for a script that only execve's (41 alternating runs, load 7).
"use strict";
const { existsSync, readFileSync, statSync, writeSync } = require("node:fs");
const { extname, join } = require("node:path");
const { snapshotKeyHolds } = require("./snapshot-key.js");

const root = join(__dirname, "..");
const blob = join(root, "dist", "mail-preflight.blob");
const args = process.argv.slice(2);

const notFromSnapshot = whyNotSnapshot();
// MAIL_PREFLIGHT_DEBUG=1 (which also prints an internal error's stack) tells how the run started;
// written at once, as execve would drop a buffered write
if (process.env.MAIL_PREFLIGHT_DEBUG) writeSync(2, `mail-preflight: start-up ${notFromSnapshot ? `from the bundle: ${notFromSnapshot}` : "from the snapshot"}\n`);
if (notFromSnapshot) void runHere();
else runSnapshot();

function notBuilt(why) {
  writeSync(2, `mail-preflight: ${why}: run \`npm run build\`\n`);
  process.exit(2);
}

/** Why this run cannot start from the snapshot, or undefined when it can. */
function whyNotSnapshot() {
  if (process.execArgv.length > 0 || process.env.NODE_OPTIONS) return "node options given";
  if (process.env.MAIL_PREFLIGHT_SNAPSHOT === "0") return "MAIL_PREFLIGHT_SNAPSHOT=0";
  if (typeof process.execve !== "function") return "no process.execve on this platform";
  let keyText;
  try {
    keyText = readFileSync(`${blob}.json`, "utf8");
  } catch {
    return "no dist/mail-preflight.blob.json";
  }
  // a key comes with its blob: a build that fails to snapshot writes neither
  const key = snapshotKeyHolds(keyText, root);
  if (key === undefined || !existsSync(blob)) return "built by another node binary, in another directory or with other rules/ data";
  if (mayStartWorkers(key.workerThreshold)) return "the batch may use worker threads";
  return undefined;
}

/**
 * Whether src/batch could spread this `check` over worker threads: MAIL_PREFLIGHT_WORKERS asks for 2 or
 * more, or it is not set and the inputs may reach the batch's worker threshold (written into the key
 * at build time: a directory, a glob, an mbox, or that many arguments).
 * Every argument counts as a possible input, option values too, so a doubt goes to the bundle.
 */
function mayStartWorkers(workerThreshold) {
  if (args[0] !== "check") return false;
  // as src/batch's workersFromEnv reads it (test/cli/startup.test.ts holds both to the same values): a
  // number set there wins over the input count, and only a whole number above 1 starts workers
  const requested = process.env.MAIL_PREFLIGHT_WORKERS;
  if (requested !== undefined && requested !== "") return Number.isInteger(Number(requested)) && Number(requested) > 1;
  if (args.length >= workerThreshold) return true;
  return args.some((arg) => /[*?[\]{}()!]/.test(arg) || extname(arg).toLowerCase() === ".mbox" || isDirectory(arg));
}

function isDirectory(path) {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    // a name too long or not readable is no directory of inputs
    return false;
  }
}

function runSnapshot() {
  // this process becomes the snapshot's node (same pid, stdio, signals and exit code), so it costs
  // one more node start-up and nothing while the run lasts
  try {
    process.execve(process.execPath, [process.execPath, "--snapshot-blob", blob, "--", ...args]);
  } catch {
    // the exec itself failed (E2BIG, ENOMEM): run here instead
    return runHere();
  }
}

async function runHere() {
  // a checkout before `npm run build` has no dist/, and one updated since may have an older dist/: one
  // line, not a module-not-found stack or a TypeError
  if (!existsSync(join(root, "dist", "mail-preflight.js"))) notBuilt("not built");
  require("node:module").enableCompileCache?.();
  // the bundle is ESM: import() from CommonJS loads it as such
  const { main } = await import("../dist/mail-preflight.js");
  if (typeof main !== "function") notBuilt("dist/ was built from older sources");
  process.exitCode = await main(args);
}
