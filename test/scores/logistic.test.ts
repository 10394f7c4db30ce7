// The fitting routine behind `npm run fit-scores`: a bounded, L2-regularised logistic regression.
import { describe, expect, it } from "vitest";
import { fitLogistic, type FeatureBox } from "../../scripts/fit/logistic.mjs";

const FREE: FeatureBox = { centre: 0, lower: -Infinity, upper: Infinity };
const NON_NEGATIVE: FeatureBox = { centre: 0, lower: 0, upper: Infinity };

/** Messages as (features, label, count): repeated rows make the data easy to reason about. */
function problem(groups: readonly [readonly number[], 0 | 1, number][], features: readonly FeatureBox[], lambda: number) {
  const rows = groups.flatMap(([hits, , count]) => Array.from({ length: count }, () => hits));
  const labels = groups.flatMap(([, label, count]) => Array.from({ length: count }, () => label));
  return { rows, labels, weights: rows.map(() => 1), features, lambda };
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

describe("fitLogistic", () => {
  it("recovers the log-odds of a single feature when the fit is unpenalised", () => {
    // without the feature: 10 spam in 40 (odds 1:3); with it: 30 spam in 40 (odds 3:1)
    const fit = fitLogistic(problem([[[], 1, 10], [[], 0, 30], [[0], 1, 30], [[0], 0, 10]], [FREE], 0));
    expect(fit.intercept).toBeCloseTo(Math.log(1 / 3), 6);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(3) - Math.log(1 / 3), 6);
  });

  it("stops at the gradient's zero: each interior weight balances data against its prior", () => {
    const features = [{ centre: 0.5, lower: 0, upper: 10 }, { centre: 2, lower: 0, upper: 10 }];
    const input = problem([[[0], 1, 12], [[0], 0, 3], [[1], 1, 5], [[0, 1], 1, 4], [[1], 0, 6], [[], 0, 20], [[], 1, 2]], features, 2);
    const fit = fitLogistic(input);
    fit.coefficients.forEach((weight, j) => {
      const residual = input.rows.reduce((sum, hits, m) => {
        const z = fit.intercept + hits.reduce((acc, k) => acc + (fit.coefficients[k] ?? 0), 0);
        return hits.includes(j) ? sum + logistic(z) - (input.labels[m] ?? 0) : sum;
      }, 0);
      expect(weight).toBeGreaterThan(0);
      expect(residual + 2 * (weight - (features[j]?.centre ?? 0))).toBeCloseTo(0, 6);
    });
  });

  it("keeps a feature that never fires at its prior", () => {
    const fit = fitLogistic(problem([[[0], 1, 10], [[], 0, 10]], [NON_NEGATIVE, { centre: 1.5, lower: 0, upper: 4 }], 1));
    expect(fit.coefficients[1]).toBe(1.5);
  });

  it("holds a weight within its bounds: a ham-only feature stops at 0, a spam-only one at its ceiling", () => {
    const fit = fitLogistic(problem([[[0], 0, 20], [[1], 1, 20], [[], 1, 10], [[], 0, 10]], [NON_NEGATIVE, { centre: 0, lower: 0, upper: 1.25 }], 0.1));
    expect(fit.coefficients).toEqual([0, 1.25]);
  });

  it("counts a message by its weight: weight 2 on a message is that message twice", () => {
    const input = problem([[[0], 1, 10], [[0], 0, 4], [[], 0, 10], [[], 1, 5]], [FREE], 0.5);
    const doubled = fitLogistic({ ...input, weights: input.rows.map((hits, m) => (hits.length > 0 && input.labels[m] === 0 ? 2 : 1)) });
    const repeated = fitLogistic(problem([[[0], 1, 10], [[0], 0, 8], [[], 0, 10], [[], 1, 5]], [FREE], 0.5));
    expect(doubled.coefficients[0]).toBeCloseTo(repeated.coefficients[0] ?? NaN, 8);
    expect(doubled.coefficients[0]).toBeLessThan(fitLogistic(input).coefficients[0] ?? NaN);
  });
});
