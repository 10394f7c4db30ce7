// From the hit matrix to catalogue scores: a class-weighted logistic regression in log-odds, then a
// scale to SpamAssassin-like points chosen so that 5.0 is a sensible spam threshold. Pure: the same
// matrix, catalogue and bounds give the same scores on every run.
import { GROUPS } from "../../bench/lib/corpus-files.mjs";
import { rocAuc } from "../../bench/lib/stats.mjs";
import { fittableRuleIds } from "./hits-matrix.mjs";
import { fitLogistic } from "./logistic.mjs";

/**
 * Each class's share of the total weight. A preflight's users send legitimate bulk mail, which is
 * what hard ham is (newsletters, promotions): its 250 messages weigh as much as the 1,400 easy ham,
 * or the fit would buy spam recall with them. Spam and ham weigh the same.
 */
export const CLASS_SHARES = { spam: 0.5, "hard-ham": 0.25, "easy-ham": 0.25 };
/** Pull towards each rule's prior, in units of the (normalised) message weight. */
export const LAMBDA = 1;
/** The operating point: at most this share of hard ham may score 5.0 or more on the tuning split. */
export const HARD_HAM_TARGET = 0.025;
/** The scales tried, in points per unit of log-odds: 0.2, 0.3 … 4.0. */
export const SCALE_GRID = Array.from({ length: 39 }, (_, i) => (i + 2) / 10);
/** SPEC's fail score (FAIL_SCORE in src/report/score.ts), the threshold the scale is chosen for. */
export const THRESHOLD = 5.0;
/** Cross-validation folds over the tuning split (message index modulo FOLDS: every class in each). */
export const FOLDS = 5;

const KIND_OF_GROUP = new Map(GROUPS.map((group) => [group.name, group.kind]));

/**
 * @param hits      parseHits() of the committed matrix
 * @param catalogue readCatalogue() (every rule, with network/engine flags)
 * @param bounds    rules/score-bounds.json, parsed
 * @returns { scores: Map id → points, rules: per-rule detail, scale, candidates, metrics, handSet (the priors' metrics), crossValidated (out-of-fold), messages }
 */
export function fitScores({ hits, catalogue, bounds }) {
  const ruleIds = fittableRuleIds(catalogue);
  checkInputs(ruleIds, hits, bounds);
  const index = new Map(ruleIds.map((id, j) => [id, j]));
  const messages = hits.rows.map((row) => ({ ...row, kind: kindOf(row.group), features: row.hits.map((id) => index.get(id)) }));
  const ruleBounds = ruleIds.map((id) => boundsOf(id, bounds));
  const priors = ruleIds.map((id) => bounds.priors[id]);
  const fitAt = (scale, training) => fitInPoints(training, priors, ruleBounds, scale);

  const candidates = SCALE_GRID.map((scale) => {
    const { fit, tenths } = fitAt(scale, messages);
    return { scale, fit, tenths, metrics: evaluate(messages, tenths) };
  });
  const chosen = chooseOperatingPoint(candidates);
  // an honest estimate of how the chosen fit ranks mail it was not fitted on, without the held-out split
  const outOfFold = new Array(messages.length);
  for (let fold = 0; fold < FOLDS; fold++) {
    const { tenths } = fitAt(chosen.scale, messages.filter((_, m) => m % FOLDS !== fold));
    messages.forEach((message, m) => {
      if (m % FOLDS === fold) outOfFold[m] = scoreOf(message, tenths);
    });
  }

  const rules = ruleIds.map((id, j) => {
    const counts = Object.fromEntries(Object.keys(CLASS_SHARES).map((kind) => [kind, 0]));
    for (const message of messages) if (message.hits.includes(id)) counts[message.kind]++;
    const score = chosen.tenths[j] / 10;
    return { id, hits: counts, prior: priors[j], coefficient: chosen.fit.coefficients[j], score, bound: boundApplied(score, ruleBounds[j], counts) };
  });
  return {
    scores: new Map(rules.map((rule) => [rule.id, rule.score])),
    rules,
    scale: chosen.scale,
    intercept: chosen.fit.intercept,
    sweeps: chosen.fit.sweeps,
    candidates: candidates.map(({ scale, metrics }) => ({ scale, metrics })),
    metrics: chosen.metrics,
    handSet: evaluate(messages, priors.map((prior) => Math.round(prior * 10))),
    crossValidated: metricsOf(messages, outOfFold),
    messages: messages.map((message, m) => ({ group: message.group, kind: message.kind, message: message.message, hits: message.hits, score: chosen.metrics.scores[m] })),
  };
}

/** The class-weighted fit of the given messages at one scale; scores in tenths of a point. */
function fitInPoints(messages, priors, ruleBounds, scale) {
  const fit = fitLogistic({
    rows: messages.map((message) => message.features),
    labels: messages.map((message) => (message.kind === "spam" ? 1 : 0)),
    weights: classWeights(messages),
    lambda: LAMBDA,
    features: priors.map((prior, j) => ({ centre: prior / scale, lower: ruleBounds[j].floor / scale, upper: ruleBounds[j].ceiling / scale })),
  });
  return { fit, tenths: fit.coefficients.map((weight) => Math.round(weight * scale * 10)) };
}

/** A maintainer's mistake is named with its fix; the fit never guesses a missing input. */
function checkInputs(ruleIds, hits, bounds) {
  const stale = [...ruleIds.filter((id) => !hits.rules.includes(id)), ...hits.rules.filter((id) => !ruleIds.includes(id))];
  if (stale.length > 0) throw new Error(`the hit matrix does not cover the catalogue's fittable rules (${stale.join(", ")}): run \`npm run fit-scores\``);
  const withoutPrior = ruleIds.filter((id) => typeof bounds.priors[id] !== "number");
  if (withoutPrior.length > 0) throw new Error(`no prior in rules/score-bounds.json for ${withoutPrior.join(", ")}: add the points an expert would give`);
  const unknown = [...Object.keys(bounds.priors), ...Object.keys(bounds.bounds)].filter((id) => !id.startsWith("$") && !ruleIds.includes(id));
  if (unknown.length > 0) throw new Error(`rules/score-bounds.json names rules that are not fitted: ${unknown.join(", ")}`);
}

function kindOf(group) {
  const kind = KIND_OF_GROUP.get(group);
  if (kind === undefined) throw new Error(`the hit matrix names an unknown group ${group}`);
  return kind;
}

/** Message weights giving each class its share, normalised so they sum to the number of messages. */
function classWeights(messages) {
  const counts = new Map();
  for (const message of messages) counts.set(message.kind, (counts.get(message.kind) ?? 0) + 1);
  return messages.map((message) => (CLASS_SHARES[message.kind] * messages.length) / counts.get(message.kind));
}

function boundsOf(id, bounds) {
  const own = bounds.bounds[id] ?? {};
  const fallback = bounds.bounds.$default;
  if ("fixed" in own) return { floor: own.fixed, ceiling: own.fixed, fixed: true };
  return { floor: own.floor ?? fallback.floor, ceiling: own.ceiling ?? fallback.ceiling, fixed: false };
}

function boundApplied(score, { floor, ceiling, fixed }, counts) {
  if (fixed) return "fixed";
  if (Object.values(counts).every((count) => count === 0)) return "prior (no hits)";
  if (score === floor && floor > 0) return "floor";
  if (score === ceiling) return "ceiling";
  if (score === 0) return "floor 0";
  return "";
}

/** A message's score: rule scores in tenths of a point are integers, so the sum is exact. */
function scoreOf(message, tenths) {
  return message.features.reduce((sum, j) => sum + tenths[j], 0) / 10;
}

function evaluate(messages, tenths) {
  return metricsOf(messages, messages.map((message) => scoreOf(message, tenths)));
}

/** The figures the operating point is chosen on: the share of each class at 5.0 or more, and the AUC. */
function metricsOf(messages, scores) {
  const of = (kind) => scores.filter((_, m) => messages[m].kind === kind);
  const spam = of("spam");
  const hardHam = of("hard-ham");
  const easyHam = of("easy-ham");
  const atThreshold = (values) => values.filter((score) => score >= THRESHOLD).length / values.length;
  return {
    scores,
    aucAllHam: rocAuc(spam, [...easyHam, ...hardHam]),
    aucHardHam: rocAuc(spam, hardHam),
    spamAtThreshold: atThreshold(spam),
    hardHamAtThreshold: atThreshold(hardHam),
    easyHamAtThreshold: atThreshold(easyHam),
  };
}

/**
 * The scale that catches the most spam at 5.0 while hard ham at 5.0 stays within HARD_HAM_TARGET
 * (ties go to the smaller scale: smaller points). Every scale ranks messages almost alike; the scale
 * decides where 5.0 falls.
 */
function chooseOperatingPoint(candidates) {
  const allowed = candidates.filter((candidate) => candidate.metrics.hardHamAtThreshold <= HARD_HAM_TARGET);
  if (allowed.length === 0) throw new Error(`no scale keeps hard ham at ${THRESHOLD} within ${HARD_HAM_TARGET * 100}%`);
  return allowed.reduce((best, candidate) => (candidate.metrics.spamAtThreshold > best.metrics.spamAtThreshold ? candidate : best));
}
