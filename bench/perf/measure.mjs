// Running and timing child processes for the bench: wall time measured here, peak RSS reported by
// the child itself (peak-rss.mjs), medians over repeats.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = join(REPO_ROOT, "bin/mail-preflight.js");
const PEAK_RSS = fileURLToPath(new URL("./peak-rss.mjs", import.meta.url));

// GNU time: the child's CPU time (user + system, every thread), which other work on the machine
// inflates far less than wall time
const TIME = "/usr/bin/time";

/**
 * Runs `command args` once; stdout goes to `stdoutFile` (default /dev/null). With `rss`, a node
 * command is preloaded with peak-rss.mjs; with `cpu`, it runs under GNU time when installed.
 * Returns { ms, status, stderr, peakRssBytes, cpuMs }.
 */
export function run(command, args, { env = {}, stdoutFile = "/dev/null", rss = false, cpu = false, timeoutMs = 900_000 } = {}) {
  const timed = cpu && existsSync(TIME);
  const scratch = rss || timed ? mkdtempSync(join(tmpdir(), "bench-rss-")) : undefined;
  const rssFile = rss ? join(scratch, "rss") : undefined;
  const cpuFile = timed ? join(scratch, "cpu") : undefined;
  const childArgs = rss ? ["--import", PEAK_RSS, ...args] : args;
  const out = openSync(stdoutFile, "w");
  const started = performance.now();
  const child = spawnSync(timed ? TIME : command, timed ? ["-f", "%U %S", "-o", cpuFile, command, ...childArgs] : childArgs, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, ...(rssFile ? { BENCH_PEAK_RSS_FILE: rssFile } : {}) },
    stdio: ["ignore", out, "pipe"],
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  closeSync(out);
  const readScratch = (file) => {
    try {
      return readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
  };
  const peakRssBytes = rssFile && readScratch(rssFile) !== undefined ? Number(readScratch(rssFile)) : undefined;
  // GNU time writes "user system" in seconds as the last line of its file
  const times = cpuFile && readScratch(cpuFile)?.trim().split("\n").at(-1)?.split(" ").map(Number);
  const cpuMs = times && times.length === 2 && times.every(Number.isFinite) ? (times[0] + times[1]) * 1000 : undefined;
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  if (child.error) throw new Error(`${command} ${args.join(" ")}: ${child.error.message}`);
  return { ms, status: child.status, stderr: child.stderr.toString("utf8"), peakRssBytes, cpuMs };
}

/** `mail-preflight` with this node; exit codes 0 and 1 (findings) are both a completed run. */
export function runCli(args, options = {}) {
  const result = run(process.execPath, [BIN, ...args], options);
  if (result.status !== 0 && result.status !== 1) throw new Error(`mail-preflight ${args.join(" ")} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
  return result;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Whether `command` is on PATH. */
export function onPath(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}
