// Where our rules and their SpamAssassin counterparts (the catalogue's "spamassassin" field) agree
// on the corpus, and the hand-written reading of where they do not (bench/spamassassin-agreement.json).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./corpus-files.mjs";

export const EXPLANATIONS_FILE = join(REPO_ROOT, "bench/spamassassin-agreement.json");

/** What a class of disagreement is (issue 7). */
export const DISAGREEMENT_CLASSES = {
  "our-bug": "our bug",
  "their-quirk": "their quirk",
  "difference-of-purpose": "difference of purpose",
};
export const SIDES = ["onlyOurs", "onlyTheirs"];

/**
 * Our rules that have SpamAssassin counterparts, split by whether an offline run can compare
 * them: a network rule of ours needs DNS, and its counterparts are network tests that `-L` skips.
 * @param catalogue  Map id → catalogue entry (dist/rules/catalogue.js loadCatalogue())
 */
export function rulesWithCounterparts(catalogue) {
  const all = [...catalogue.entries()]
    .filter(([, meta]) => (meta.spamassassin ?? []).length > 0)
    .map(([id, meta]) => ({ id, counterparts: [...meta.spamassassin], network: Boolean(meta.network) }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { offline: all.filter((rule) => !rule.network), network: all.filter((rule) => rule.network) };
}

/**
 * For each rule: on how many messages of each kind both fired, only ours, only theirs (any one
 * counterpart, scored rule or "__" sub-rule), and which messages disagree.
 * @param records   our per-message records (crashed ones are left out)
 * @param results   SpamAssassin's, index-aligned with records (undefined ones are left out)
 * @param kindOf    group name → kind ("easy-ham", "hard-ham", "spam")
 * @param rules     [{ id, counterparts }]
 */
export function agreementByRule(records, results, kindOf, rules) {
  const pairs = records.map((record, index) => ({ record, result: results[index] })).filter(({ record, result }) => !record.crash && result);
  return rules.map(({ id, counterparts }) => {
    const byKind = {};
    const onlyOurs = [];
    const onlyTheirs = [];
    for (const { record, result } of pairs) {
      const ours = id in record.evidence;
      const hit = counterparts.filter((name) => result.tests.includes(name) || result.subtests.includes(name));
      const counts = (byKind[kindOf[record.group]] ??= { both: 0, onlyOurs: 0, onlyTheirs: 0, neither: 0 });
      if (ours && hit.length > 0) counts.both++;
      else if (ours) {
        counts.onlyOurs++;
        onlyOurs.push({ record, result });
      } else if (hit.length > 0) {
        counts.onlyTheirs++;
        onlyTheirs.push({ record, result, hit });
      } else counts.neither++;
    }
    return { id, counterparts, byKind, onlyOurs, onlyTheirs };
  });
}

/** A record's short name, as the explanations cite it: "spam-2/00123". */
export function shortName(record) {
  return `${record.group}/${record.file.split(".")[0]}`;
}

/** The hand-written explanations: rule id → { onlyOurs: [class…], onlyTheirs: [class…] }. */
export function loadExplanations(file = EXPLANATIONS_FILE) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
}

/**
 * What the explanations leave out or get wrong against this run's agreement: a rule with
 * counterparts and no entry, a side that disagrees with no class, an unknown class, an example that
 * no longer disagrees that way, an entry for a rule without counterparts.
 * @returns string[] one line each
 */
export function explanationProblems(agreement, explanations) {
  const problems = [];
  const compared = new Set(agreement.map((rule) => rule.id));
  for (const id of Object.keys(explanations)) if (!compared.has(id)) problems.push(`${id}: explained, but it has no SpamAssassin counterpart compared offline`);
  for (const rule of agreement) {
    const entry = explanations[rule.id];
    if (!entry) {
      problems.push(`${rule.id}: no explanation of its disagreements with ${rule.counterparts.join(", ")}`);
      continue;
    }
    for (const side of SIDES) {
      const classes = entry[side] ?? [];
      if (rule[side].length > 0 && classes.length === 0) problems.push(`${rule.id}: ${rule[side].length} messages ${sideLabel(side)}, no class explains them`);
      const names = new Set(rule[side].map(({ record }) => shortName(record)));
      for (const item of classes) {
        if (!(item.class in DISAGREEMENT_CLASSES)) problems.push(`${rule.id}: unknown class "${item.class}" (${Object.keys(DISAGREEMENT_CLASSES).join(", ")})`);
        for (const example of item.examples ?? []) if (!names.has(example)) problems.push(`${rule.id}: example ${example} is no longer ${sideLabel(side)}`);
      }
    }
  }
  return problems;
}

export function sideLabel(side) {
  return side === "onlyOurs" ? "only ours" : "only theirs";
}
