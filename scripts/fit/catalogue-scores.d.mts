// Types for TypeScript consumers (test/scores) of catalogue-scores.mjs.
import type { CatalogueRule } from "./hits-matrix.mjs";

export declare function scoreDifferences(catalogue: readonly CatalogueRule[], scores: ReadonlyMap<string, number>): { id: string; catalogue: number; fitted: number }[];
export declare function rewriteCatalogueScores(root: string, scores: ReadonlyMap<string, number>): Map<string, string>;
