// SpamAssassin over the corpus messages, for the side-by-side in bench/CORPUS.md (issue 7): each
// message gets SpamAssassin's score and the rules it hit. Messages go in mbox chunks, with an id
// header to join the results back; the results are cached per message content, under a key of
// SpamAssassin's version, its configuration and its rule files, so a re-run only checks what changed.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { REPO_ROOT, readMessage } from "./corpus-files.mjs";
import { mboxEntry } from "./mbox.mjs";

/** Our join key, added as the first header of each message. */
export const ID_HEADER = "X-Preflight-Id";
/** The header SpamAssassin adds with its verdict ("add_header all Preflight" → X-Spam-Preflight). */
export const RESULT_HEADER = "X-Spam-Preflight";

/**
 * How SpamAssassin runs: as `check --offline` does for us, local tests only, and nothing learned
 * from the corpus itself.
 */
export const SPAMASSASSIN_ARGS = [
  // local tests only: no DNS blocklists, SPF, DKIM, Razor or Pyzor
  "-L",
  "--mbox",
  // the user's ~/.spamassassin/user_prefs would change scores and rules
  "--prefspath=/dev/null",
  // Bayes off: the home directory's database may have auto-learned these very messages (a plain
  // `spamassassin` run does), which would let it recognise the corpus rather than judge it
  "--cf=use_bayes 0",
  "--cf=bayes_auto_learn 0",
  // spam stays the original message with headers added, not wrapped in a report message
  "--cf=report_safe 0",
  // _SUBTESTSCOLLAPSED_ lists the "__" sub-rules hit too: some counterparts are sub-rules
  `--cf=add_header all Preflight id=_HEADER(${ID_HEADER})_ score=_SCORE_ tests=_TESTS(,)_ subtests=_SUBTESTSCOLLAPSED(,)_`,
];

/** Where SpamAssassin's rules and configuration live (Debian's package and sa-update's directory). */
const PACKAGE_RULES_DIR = "/usr/share/spamassassin";
const UPDATES_DIR = "/var/lib/spamassassin";
const SITE_DIR = "/etc/spamassassin";
const MESSAGES_PER_CHUNK = 500;

export const DEFAULT_CACHE_DIR = join(REPO_ROOT, "bench/.cache");

/** The installed SpamAssassin's version, or undefined when `spamassassin` is not on PATH. */
export function spamAssassinVersion() {
  const result = spawnSync("spamassassin", ["--version"]);
  if (result.error) return undefined;
  return /version ([\d.]+)/.exec(result.stdout.toString())?.[1] ?? "unknown";
}

/** The names of every rule and sub-rule the installed rule files define (empty without them). */
export function spamAssassinRuleNames() {
  const names = new Set();
  const definition = /^\s*(?:header|body|rawbody|uri|full|meta|mimeheader|askdns|uridnsbl|urirhsbl|urirhssub|uridnssub)\s+([A-Z0-9_]+)\b/gm;
  for (const file of ruleFiles()) for (const match of readFileSync(file, "latin1").matchAll(definition)) names.add(match[1]);
  return names;
}

/**
 * Rules that `-L` with Bayes off never runs: those whose score in score set 0 (no network, no
 * Bayes: the first of a rule's four scores) is 0, as the last `score` line read sets it. Counted
 * here so the agreement table can say a counterpart was off rather than silent.
 */
export function rulesOffInScoreSet0() {
  const scores = new Map();
  for (const file of ruleFiles().filter((path) => path.endsWith(".cf"))) {
    for (const match of readFileSync(file, "latin1").matchAll(/^\s*score\s+([A-Z0-9_]+)\s+(-?[\d.]+)/gm)) scores.set(match[1], Number(match[2]));
  }
  return new Set([...scores].filter(([, score]) => score === 0).map(([name]) => name));
}

/** The key a result is valid under: SpamAssassin's version, how we run it and its rule files. */
export function spamAssassinCacheKey(version) {
  const hash = createHash("sha256").update(`${version}\n${SPAMASSASSIN_ARGS.join("\n")}\n`);
  for (const file of ruleFiles()) hash.update(`${file}\n`).update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

/** A message's id: the hash of its corpus bytes (before our id header and the mbox quoting), so the cache follows the content. */
export function messageId(bytes) {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 32);
}

/**
 * One X-Spam-Preflight header value (folded or not) → { id, score, tests, subtests }, or undefined
 * when it is not one of ours. SpamAssassin folds long headers after a comma or at a space.
 */
export function parseResultHeader(value) {
  const fields = Object.fromEntries(
    value
      .replace(/\r?\n[ \t]+/g, " ")
      .replace(/,\s+/g, ",")
      .trim()
      .split(/\s+/)
      .map((field) => [field.slice(0, field.indexOf("=")), field.slice(field.indexOf("=") + 1)]),
  );
  const score = Number(fields.score);
  if (!fields.id || !Number.isFinite(score) || fields.tests === undefined || fields.subtests === undefined) return undefined;
  // _TESTS_ says "none" when nothing hit; _SUBTESTSCOLLAPSED_ adds "(n)" after a sub-rule hit n times
  const names = (list) => (list === "none" || list === "" ? [] : list.split(",").map((name) => name.replace(/\(\d+\)$/, "")));
  return { id: fields.id, score, tests: names(fields.tests), subtests: names(fields.subtests) };
}

/**
 * Reads SpamAssassin's output line by line and calls onResult for each result header. Only header
 * lines matter; the message bodies are passed over.
 */
export function resultHeaderReader(onResult) {
  let pending;
  const flush = () => {
    if (pending === undefined) return;
    const result = parseResultHeader(pending);
    pending = undefined;
    if (result) onResult(result);
  };
  return {
    line(text) {
      if (pending !== undefined && /^[ \t]/.test(text)) {
        pending += `\n${text}`;
        return;
      }
      flush();
      if (text.startsWith(`${RESULT_HEADER}:`)) pending = text.slice(RESULT_HEADER.length + 1);
    },
    end: flush,
  };
}

/**
 * Every entry through SpamAssassin (the cached ones excepted), `processes` at a time over chunks of
 * MESSAGES_PER_CHUNK messages.
 * @param entries  corpus entries ({ path })
 * @returns {Promise<{ version, key, results, fromCache, checked, seconds, missing }>} results are
 *   index-aligned with entries ({ score, tests, subtests } or undefined when SpamAssassin gave none);
 *   missing counts those.
 */
export async function runSpamAssassinOnCorpus(entries, { version, processes = 2, cacheDir = DEFAULT_CACHE_DIR, onProgress = () => {} }) {
  const key = spamAssassinCacheKey(version);
  const cacheFile = join(cacheDir, `spamassassin-${version}-${key}.json`);
  const cache = existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, "utf8")).results : {};
  const messages = entries.map((entry) => mboxEntryWithId(readMessage(entry.path)));
  // a message that is in the corpus twice is checked once
  const todo = [...new Map(messages.filter((message) => !(message.id in cache)).map((message) => [message.id, message])).values()];
  const fromCache = messages.filter((message) => message.id in cache).length;
  const chunks = [];
  for (let i = 0; i < todo.length; i += MESSAGES_PER_CHUNK) chunks.push(todo.slice(i, i + MESSAGES_PER_CHUNK));

  const started = performance.now();
  let done = 0;
  const scratch = mkdtempSync(join(tmpdir(), "corpus-spamassassin-"));
  try {
    const worker = async () => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
        const found = await checkChunk(chunk, scratch, () => onProgress(++done, todo.length));
        Object.assign(cache, found);
        // saved after each chunk: an interrupted run keeps what it finished
        saveCache(cacheFile, { version, key, args: SPAMASSASSIN_ARGS, results: cache });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(processes, chunks.length)) }, worker));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const results = messages.map((message) => cache[message.id]);
  return { version, key, results, fromCache, checked: todo.length, seconds: (performance.now() - started) / 1000, missing: results.filter((result) => !result).length };
}

/** The message with our id header first, as an mbox entry; the id is the hash of the message. */
function mboxEntryWithId(bytes) {
  const id = messageId(bytes);
  return { id, mbox: mboxEntry(Buffer.concat([Buffer.from(`${ID_HEADER}: ${id}\n`), bytes])) };
}

/** One `spamassassin` process over one chunk; resolves to id → result for the chunk's messages. */
function checkChunk(chunk, scratch, onMessage) {
  const mboxPath = join(scratch, `${chunk[0].id}.mbox`);
  writeFileSync(mboxPath, Buffer.concat(chunk.map((message) => message.mbox)));
  const wanted = new Set(chunk.map((message) => message.id));
  const found = {};
  const child = spawn("spamassassin", [...SPAMASSASSIN_ARGS, mboxPath], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (data) => (stderr = (stderr + data).slice(-2000)));
  const reader = resultHeaderReader(({ id, ...result }) => {
    if (!wanted.has(id) || id in found) return;
    found[id] = result;
    onMessage();
  });
  // latin1: the bodies may be any bytes, and only our ASCII header is read
  const lines = createInterface({ input: child.stdout.setEncoding("latin1"), crlfDelay: Infinity });
  lines.on("line", reader.line);
  const exited = new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  // the last lines may still be in readline when the process has closed: wait for both
  return Promise.all([exited, once(lines, "close")]).then(([status]) => {
    reader.end();
    rmSync(mboxPath, { force: true });
    if (status !== 0 && Object.keys(found).length === 0) throw new Error(`spamassassin exited ${status}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`);
    return found;
  });
}

function saveCache(file, content) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(content));
  renameSync(`${file}.tmp`, file);
}

/**
 * The rule and configuration files SpamAssassin reads (*.cf, *.pre), in the order it reads them:
 * the rules (sa-update's directory, when it has run, instead of the package's), then the site's.
 */
function ruleFiles() {
  const updates = filesUnder(UPDATES_DIR).filter((path) => path.includes("/updates_spamassassin_org/"));
  return [...(updates.length > 0 ? updates : filesUnder(PACKAGE_RULES_DIR)), ...filesUnder(SITE_DIR)];
}

/** *.cf and *.pre files under dir, sorted by path; none when dir is absent or unreadable. */
function filesUnder(dir) {
  const found = [];
  const walk = (at) => {
    let entries;
    try {
      entries = readdirSync(at, { withFileTypes: true });
    } catch {
      return; // absent, or not readable by this user (sa-update's key ring)
    }
    for (const entry of entries) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && /\.(cf|pre)$/.test(entry.name)) found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}
