// Types for TypeScript consumers (test/scores) of fit.mjs.
import type { CatalogueRule, HitMatrix } from "./hits-matrix.mjs";

export interface ScoreBounds {
  readonly priors: Readonly<Record<string, number | string>>;
  readonly bounds: Readonly<Record<string, { floor?: number; ceiling?: number; fixed?: number; reason: string } | string>>;
}
export interface FitMetrics {
  readonly scores: readonly number[];
  readonly aucAllHam: number;
  readonly aucHardHam: number;
  readonly spamAtThreshold: number;
  readonly hardHamAtThreshold: number;
  readonly easyHamAtThreshold: number;
}
export interface FittedRule {
  readonly id: string;
  readonly hits: Readonly<Record<"spam" | "hard-ham" | "easy-ham", number>>;
  readonly prior: number;
  readonly coefficient: number;
  readonly score: number;
  readonly bound: string;
}
export interface Fit {
  readonly scores: ReadonlyMap<string, number>;
  readonly rules: readonly FittedRule[];
  readonly scale: number;
  readonly intercept: number;
  readonly sweeps: number;
  readonly candidates: readonly { scale: number; metrics: FitMetrics }[];
  readonly metrics: FitMetrics;
  readonly handSet: FitMetrics;
  /** Out-of-fold scores of a FOLDS-fold cross-validation at the chosen scale. */
  readonly crossValidated: FitMetrics;
  readonly messages: readonly { group: string; kind: string; message: string; hits: readonly string[]; score: number }[];
}
export declare const CLASS_SHARES: Readonly<Record<"spam" | "hard-ham" | "easy-ham", number>>;
export declare const LAMBDA: number;
export declare const HARD_HAM_TARGET: number;
export declare const SCALE_GRID: readonly number[];
export declare const THRESHOLD: number;
export declare const FOLDS: number;
export declare function fitScores(inputs: { hits: HitMatrix; catalogue: readonly CatalogueRule[]; bounds: ScoreBounds }): Fit;
