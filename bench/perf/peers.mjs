// The peers on the same messages: SpamAssassin 4 (`spamassassin -L --mbox`, local tests only, one
// process as its users run it) and rspamd (network, Bayes and fuzzy modules off, loopback, two
// workers, scanned with rspamc). Either is skipped, with the reason, when it is not installed or
// does not start.
import { spawn, spawnSync } from "node:child_process";
import { chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onPath, run } from "./measure.mjs";

export { spamAssassinVersion } from "../lib/spamassassin.mjs";

/** Wall and CPU time of one `spamassassin -L --mbox` over the mbox (start-up included, as for us): { ms, cpuMs }. */
export function runSpamAssassin(mboxPath) {
  const result = run("spamassassin", ["-L", "--mbox", mboxPath], { cpu: true });
  if (result.status !== 0) throw new Error(`spamassassin exited ${result.status}: ${result.stderr.slice(0, 300)}`);
  return { ms: result.ms, cpuMs: result.cpuMs };
}

// Modules that reach the network (DNS lists, SPF/DKIM/DMARC, fuzzy storage) or need Redis (Bayes,
// neural, rate limits): off, so rspamd measures local content rules as we do offline.
const RSPAMD_MODULES_OFF = [
  "fuzzy_check", "rbl", "surbl", "spf", "dkim", "dmarc", "asn", "emails", "phishing", "neural", "ratelimit", "greylist",
  "replies", "url_redirector", "rspamd_update", "dcc", "hfilter", "multimap", "mx_check", "dkim_signing", "arc",
  "reputation", "history_redis", "clickhouse", "elastic", "metadata_exporter", "external_services", "antivirus",
  "whitelist", "classifier-bayes",
];

/** Starts rspamd on loopback; resolves to { address, version, stop() } or throws why it did not start. */
export async function startRspamd({ port = 21333, startTimeoutMs = 90_000 } = {}) {
  if (!onPath("rspamd") || !onPath("rspamc")) throw new Error("rspamd is not installed (apt-get install rspamd)");
  const version = /version ([\d.]+)/.exec(spawnSync("rspamd", ["--version"]).stdout.toString())?.[1] ?? "unknown";
  const dir = mkdtempSync(join(tmpdir(), "bench-rspamd-"));
  for (const sub of ["override.d", "db", "run"]) mkdirSync(join(dir, sub));
  const override = (name, text) => writeFileSync(join(dir, "override.d", name), `${text}\n`);
  override("worker-normal.inc", `bind_socket = "127.0.0.1:${port}";\ncount = 2;`);
  override("worker-controller.inc", `bind_socket = "127.0.0.1:${port + 1}";`);
  override("worker-proxy.inc", `bind_socket = "127.0.0.1:${port + 2}";`);
  override("logging.inc", `type = "file";\nfilename = "${join(dir, "rspamd.log")}";\nlevel = "error";`);
  // any DNS query that is left goes nowhere, fast
  override("options.inc", `dns { nameserver = ["127.0.0.1:9"]; timeout = 0.05s; retransmits = 0; }`);
  for (const module of RSPAMD_MODULES_OFF) override(`${module}.conf`, "enabled = false;");
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? ["-u", "_rspamd", "-g", "_rspamd"] : [];
  if (asRoot) chownRecursive(dir, "_rspamd");
  const daemon = spawn("rspamd", ["-f", "-c", "/etc/rspamd/rspamd.conf", "--var", `LOCAL_CONFDIR=${dir}`, "--var", `DBDIR=${join(dir, "db")}`, "--var", `RUNDIR=${join(dir, "run")}`, "--var", `LOGDIR=${dir}`, ...user], { stdio: "ignore" });
  const stop = () => {
    daemon.kill("SIGTERM");
    // its workers may still be writing their caches as they exit: a leftover temp dir is no failure
    daemon.once("exit", () => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));
  };
  const address = `127.0.0.1:${port}`;
  const started = performance.now();
  // its first start compiles the regex database (~10 s): wait until a scan answers
  while (performance.now() - started < startTimeoutMs) {
    if (daemon.exitCode !== null) {
      stop();
      throw new Error(`rspamd exited with code ${daemon.exitCode} while starting`);
    }
    // the normal worker's HTTP /ping answers "pong" once the rules are loaded
    const pong = await fetch(`http://${address}/ping`, { signal: AbortSignal.timeout(2000) }).then((reply) => reply.text(), () => "");
    if (/pong/i.test(pong)) return { address, version, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stop();
  throw new Error(`rspamd did not answer within ${startTimeoutMs / 1000} s`);
}

/** Wall time of rspamc scanning every file of dir with `parallel` requests in flight. */
export function runRspamc(address, dir, parallel) {
  const files = readdirSync(dir).map((file) => join(dir, file));
  const result = run("rspamc", ["-h", address, "-n", String(parallel), "-t", "60", ...files]);
  if (result.status !== 0) throw new Error(`rspamc exited ${result.status}: ${result.stderr.slice(0, 300)}`);
  return result.ms;
}

function chownRecursive(path, user) {
  const uid = Number(spawnSync("id", ["-u", user]).stdout.toString());
  const gid = Number(spawnSync("id", ["-g", user]).stdout.toString());
  chownSync(path, uid, gid);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) chownRecursive(child, user);
    else chownSync(child, uid, gid);
  }
}
