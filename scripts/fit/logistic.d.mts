// Types for TypeScript consumers (test/scores) of logistic.mjs.
export interface FeatureBox {
  /** Where the L2 term pulls the weight (the prior, in log-odds). */
  readonly centre: number;
  readonly lower: number;
  readonly upper: number;
}
export declare function fitLogistic(problem: {
  rows: readonly (readonly number[])[];
  labels: readonly (0 | 1)[];
  weights: readonly number[];
  features: readonly FeatureBox[];
  lambda: number;
}): { coefficients: number[]; intercept: number; sweeps: number };
