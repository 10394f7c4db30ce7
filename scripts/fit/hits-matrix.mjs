// The binary hit matrix the scores are fitted on: which fittable rules fired on each tuning message.
// A rule scores once per message (src/report/score.ts), so "fired or not" is all the fit needs.
// Written to bench/fit/hits-tuning.tsv by `npm run fit-scores` and committed, so a refit (and the
// drift test) needs no corpus run.
import { join } from "node:path";
import { listSpamAssassin, REPO_ROOT } from "../../bench/lib/corpus-files.mjs";
import { runPool } from "../../bench/lib/pool.mjs";

export const HITS_PATH = join(REPO_ROOT, "bench/fit/hits-tuning.tsv");

const HEADER = [
  "# Rule hits on the tuning split (spam-2, easy-ham-2, hard-ham-1), written by `npm run fit-scores`: do not edit.",
  "# One line per message: group, message number (the file name's prefix), fired fittable rules (sorted).",
];
const RULES_PREFIX = "# rules: ";

/** Catalogue rules whose score is fitted: the ones an offline run can fire that are not the engine's own. */
export function fittableRuleIds(catalogue) {
  return catalogue.filter((rule) => !rule.network && !rule.engine).map((rule) => rule.id).sort();
}

/** The tuning split's messages, in corpus order (group, then file name). */
function tuningEntries() {
  return listSpamAssassin().filter((entry) => entry.split === "tuning");
}

/** The corpus file name's number ("00123.9f…txt" → "00123"); unique within a group. */
function messageNumber(file) {
  return file.slice(0, file.indexOf("."));
}

/**
 * Runs the tuning split offline through dist/ and returns its hits. Throws when a message crashed or
 * a fittable rule could not run (its module missing): a matrix without them would fit wrong scores.
 * @returns {Promise<{ rules: string[], rows: { group: string, message: string, hits: string[] }[] }>}
 */
export async function collectTuningHits({ ruleIds, distDir, workers, timeoutMs = 60_000, onProgress }) {
  const entries = tuningEntries();
  const { records, withoutModule } = await runPool(entries, { workers, distDir, timeoutMs, onProgress });
  const missing = ruleIds.filter((id) => withoutModule.includes(id));
  if (missing.length > 0) throw new Error(`rules without a module cannot be fitted: ${missing.join(", ")}`);
  const crashed = records.filter((record) => record.crash);
  if (crashed.length > 0) {
    throw new Error(`${crashed.length} tuning message(s) crashed, e.g. ${crashed[0].group}/${crashed[0].file}: ${crashed[0].crash.detail}`);
  }
  const fittable = new Set(ruleIds);
  const rows = records.map((record) => ({
    group: record.group,
    message: messageNumber(record.file),
    hits: Object.keys(record.evidence).filter((id) => fittable.has(id)).sort(),
  }));
  return { rules: [...ruleIds], rows };
}

export function formatHits({ rules, rows }) {
  const lines = [...HEADER, `${RULES_PREFIX}${rules.join(" ")}`, ...rows.map((row) => `${row.group}\t${row.message}\t${row.hits.join(",")}`)];
  return `${lines.join("\n")}\n`;
}

export function parseHits(text) {
  const lines = text.split("\n").filter((line) => line !== "");
  const rulesLine = lines.find((line) => line.startsWith(RULES_PREFIX));
  if (rulesLine === undefined) throw new Error(`the hit matrix has no "${RULES_PREFIX.trim()}" line`);
  const rules = rulesLine.slice(RULES_PREFIX.length).split(" ").filter((id) => id !== "");
  const known = new Set(rules);
  const rows = lines
    .filter((line) => !line.startsWith("#"))
    .map((line, index) => {
      const [group, message, hits, extra] = line.split("\t");
      if (group === undefined || message === undefined || hits === undefined || extra !== undefined) throw new Error(`hit matrix row ${index + 1} is not group<TAB>message<TAB>rules: ${line}`);
      const ids = hits === "" ? [] : hits.split(",");
      const unknown = ids.find((id) => !known.has(id));
      if (unknown !== undefined) throw new Error(`hit matrix row ${index + 1} names ${unknown}, which is not on its rules line`);
      return { group, message, hits: ids };
    });
  return { rules, rows };
}

/** How a freshly collected matrix differs from the committed one, one line per difference. */
export function hitDifferences(committed, fresh) {
  const differences = [];
  if (committed.rules.join(" ") !== fresh.rules.join(" ")) differences.push(`rules: committed ${committed.rules.length}, now ${fresh.rules.length} (${symmetricDifference(committed.rules, fresh.rules).join(", ")})`);
  const key = (row) => `${row.group}/${row.message}`;
  const before = new Map(committed.rows.map((row) => [key(row), row.hits.join(",")]));
  const after = new Map(fresh.rows.map((row) => [key(row), row.hits.join(",")]));
  for (const [message, hits] of after) {
    if (!before.has(message)) differences.push(`${message}: not in the committed matrix`);
    else if (before.get(message) !== hits) differences.push(`${message}: committed [${before.get(message)}], now [${hits}]`);
  }
  for (const message of before.keys()) if (!after.has(message)) differences.push(`${message}: no longer in the corpus`);
  return differences;
}

function symmetricDifference(a, b) {
  return [...a.filter((id) => !b.includes(id)).map((id) => `-${id}`), ...b.filter((id) => !a.includes(id)).map((id) => `+${id}`)];
}
