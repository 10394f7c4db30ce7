// The catalogue's scores are fitted (npm run fit-scores, issue 7), not hand-set: these fail when the
// committed scores no longer follow from the committed hit matrix, or when the rules no longer
// produce that matrix on the tuning corpus. Either way the fix is to refit and commit.
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../bench/lib/corpus-files.mjs";
import { scoreDifferences } from "../../scripts/fit/catalogue-scores.mjs";
import { fitScores, THRESHOLD, type ScoreBounds } from "../../scripts/fit/fit.mjs";
import { collectTuningHits, fittableRuleIds, hitDifferences, HITS_PATH, parseHits, type CatalogueRule } from "../../scripts/fit/hits-matrix.mjs";
import { renderFit } from "../../scripts/fit/render-fit.mjs";
import { FAIL_SCORE } from "../../src/report/score.js";
// @ts-expect-error: a plain .mjs script without type declarations
import { readCatalogue } from "../../scripts/gen-docs.mjs";

const REFIT = "run `npm run fit-scores` and commit rules/catalogue, bench/fit and docs";
const catalogue = readCatalogue(REPO_ROOT) as CatalogueRule[];
const committed = parseHits(readFileSync(HITS_PATH, "utf8"));
const bounds = JSON.parse(readFileSync(join(REPO_ROOT, "rules/score-bounds.json"), "utf8")) as ScoreBounds;

describe("fitted scores", () => {
  it("are scaled for the score at which a result fails", () => {
    expect(THRESHOLD).toBe(FAIL_SCORE);
  });

  it("the catalogue's scores are the fit of the committed hit matrix", () => {
    const fit = fitScores({ hits: committed, catalogue, bounds });
    const drift = scoreDifferences(catalogue, fit.scores).map(({ id, catalogue: was, fitted }) => `${id}: catalogue ${was}, fit ${fitted}`);
    expect(drift, `catalogue scores differ from the fit of bench/fit/hits-tuning.tsv: ${REFIT}`).toEqual([]);
  });

  // FIT.md's figures are what the issue notes quote: they must be those of the committed fit
  it("bench/fit/FIT.md above its hand-written part is the note of that fit", () => {
    const fit = fitScores({ hits: committed, catalogue, bounds });
    const generated = renderFit({ fit, severities: new Map(catalogue.map((rule) => [rule.id, rule.severity])), kept: "", bounds });
    const note = readFileSync(join(REPO_ROOT, "bench/fit/FIT.md"), "utf8");
    expect(note.slice(0, generated.length), `bench/fit/FIT.md is not the note of the committed fit: ${REFIT}`).toBe(generated);
  });

  // The whole tuning split (3,046 messages, about 8 s of two worker threads on an idle 2-core
  // machine): a sample would miss a rule change that touches only a few messages, and a rule that
  // fires on a handful of spam is exactly what the fit weighs most.
  it("the committed hit matrix is what the current rules produce on the tuning corpus", async () => {
    const fresh = await collectTuningHits({
      ruleIds: fittableRuleIds(catalogue),
      distDir: join(REPO_ROOT, "dist"),
      workers: Math.min(2, availableParallelism()),
    });
    const drift = hitDifferences(committed, fresh);
    expect(drift.slice(0, 20), `${drift.length} difference(s) from bench/fit/hits-tuning.tsv: the rules changed since the fit; ${REFIT}`).toEqual([]);
  }, 180_000);
});
