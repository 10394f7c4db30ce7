// Reads and rewrites the "score" of catalogue entries in rules/catalogue/*.json without touching
// anything else in the files (key order, line breaks, the way other numbers are written).
import { readdirSync, readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { join } from "node:path";

function catalogueDir(root) {
  return join(root, "rules", "catalogue");
}

/** Rules whose catalogue score differs from the fitted one: { id, catalogue, fitted }, sorted by id. */
export function scoreDifferences(catalogue, scores) {
  return catalogue
    .filter((rule) => scores.has(rule.id) && rule.score !== scores.get(rule.id))
    .map((rule) => ({ id: rule.id, catalogue: rule.score, fitted: scores.get(rule.id) }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The catalogue files whose text changes when the given scores are written: file path → new text.
 * A score is written with one decimal ("2.0"), as the catalogue writes them.
 */
export function rewriteCatalogueScores(root, scores) {
  const dir = catalogueDir(root);
  const changed = new Map();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".json")).sort()) {
    const path = join(dir, file);
    const text = readFileSync(path, "utf8");
    const updated = withScores(text, scores, file);
    if (updated !== text) changed.set(path, updated);
  }
  return changed;
}

// A rule's own "score" is the first member at four-space indent after its two-space-indented key:
// the catalogue files are formatted that way, and the result is verified by parsing, not assumed.
const RULE_KEY = /^ {2}"([^"]+)": \{/gm;
const SCORE_MEMBER = /^ {4}"score": (-?\d+(?:\.\d+)?)(?=,?$)/m;

function withScores(text, scores, file) {
  const before = JSON.parse(text);
  let updated = text;
  const keys = [...text.matchAll(RULE_KEY)];
  // replace from the end so earlier offsets stay valid
  for (let k = keys.length - 1; k >= 0; k--) {
    const id = keys[k][1];
    if (!scores.has(id) || before[id].score === scores.get(id)) continue;
    const start = keys[k].index;
    const end = k + 1 < keys.length ? keys[k + 1].index : updated.length;
    const span = updated.slice(start, end);
    const member = SCORE_MEMBER.exec(span);
    if (member === null) throw new Error(`${file}: no "score" line in the entry of ${id}`);
    const at = start + member.index + member[0].length - member[1].length;
    updated = `${updated.slice(0, at)}${scores.get(id).toFixed(1)}${updated.slice(at + member[1].length)}`;
  }
  const expected = structuredClone(before);
  for (const id of Object.keys(expected)) if (scores.has(id)) expected[id].score = scores.get(id);
  if (!isDeepStrictEqual(JSON.parse(updated), expected)) throw new Error(`${file}: rewriting the scores changed more than the scores`);
  return updated;
}
