#!/usr/bin/env node
// Starts the CLI, from node's start-up snapshot when it can (dist/mail-preflight.blob, built by
// `npm run build`): every module already evaluated and the rule data already prepared, restored in
// one step. That takes a second node process started with --snapshot-blob, so the snapshot is used
// only for a plain run: no node options (--cpu-prof, --import, --inspect… in the command line or in
// NODE_OPTIONS, where node would ignore --import), not MAIL_PREFLIGHT_SNAPSHOT=0, and a blob whose
// key still matches (snapshot-key.js: this node binary, this directory, the rules/ data). Otherwise
// the bundled CLI (dist/mail-preflight.js) runs in this process, with node's module compile cache.
// A batch that may use worker threads runs from the bundle too: in node 22 a worker of a process
// restored from a user snapshot aborts as soon as it loads node:net (an assertion in stream_wrap).
import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { snapshotKey } from "./snapshot-key.js";
import { WORKER_THRESHOLD } from "../dist/batch/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const blob = join(root, "dist", "mail-preflight.blob");
const args = process.argv.slice(2);

const notFromSnapshot = whyNotSnapshot();
// MAIL_PREFLIGHT_DEBUG=1 (which also prints an internal error's stack) tells how the run started
if (process.env.MAIL_PREFLIGHT_DEBUG) process.stderr.write(`mail-preflight: start-up ${notFromSnapshot ? `from the bundle: ${notFromSnapshot}` : "from the snapshot"}\n`);
if (notFromSnapshot) await runHere();
else runSnapshot();

/** Why this run cannot start from the snapshot, or undefined when it can. */
function whyNotSnapshot() {
  if (process.execArgv.length > 0 || process.env.NODE_OPTIONS) return "node options given";
  if (process.env.MAIL_PREFLIGHT_SNAPSHOT === "0") return "MAIL_PREFLIGHT_SNAPSHOT=0";
  if (!existsSync(blob)) return "no dist/mail-preflight.blob";
  let key;
  try {
    key = readFileSync(`${blob}.json`, "utf8");
  } catch {
    return "no dist/mail-preflight.blob.json";
  }
  if (key !== snapshotKey(root)) return "built by another node binary, in another directory or with other rules/ data";
  if (mayStartWorkers()) return "the batch may use worker threads";
  return undefined;
}

/**
 * Whether src/batch could spread this `check` over worker threads: MAIL_PREFLIGHT_WORKERS is set, or
 * the inputs may reach WORKER_THRESHOLD messages (a directory, a glob, an mbox, or that many arguments).
 * Every argument counts as a possible input, option values too, so a doubt goes to the bundle.
 */
function mayStartWorkers() {
  if (args[0] !== "check") return false;
  if (process.env.MAIL_PREFLIGHT_WORKERS) return true;
  if (args.length >= WORKER_THRESHOLD) return true;
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
  const child = spawn(process.execPath, ["--snapshot-blob", blob, "--", ...args], { stdio: "inherit" });
  // the child is the run: a signal sent to this process (a CI timeout, kill) is passed on to it
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
  const forward = (signal) => child.kill(signal);
  for (const signal of signals) process.on(signal, forward);
  child.on("exit", (code, signal) => {
    for (const name of signals) process.off(name, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 2;
  });
  // no process could be started (EAGAIN, ENOMEM): run here instead
  child.on("error", (error) => {
    if (child.pid !== undefined) throw error;
    for (const name of signals) process.off(name, forward);
    void runHere();
  });
}

async function runHere() {
  const { enableCompileCache } = await import("node:module");
  enableCompileCache?.();
  const { main } = await import("../dist/mail-preflight.js");
  process.exitCode = await main(args);
}
