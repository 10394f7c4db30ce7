// Types for TypeScript consumers (test/scores) of hits-matrix.mjs.
export interface HitRow {
  readonly group: string;
  /** The corpus file name's number, e.g. "00123". */
  readonly message: string;
  /** Fittable rules that fired, sorted. */
  readonly hits: readonly string[];
}
export interface HitMatrix {
  /** The fittable rules when the matrix was written, sorted. */
  readonly rules: readonly string[];
  readonly rows: readonly HitRow[];
}
export interface CatalogueRule {
  readonly id: string;
  readonly score: number;
  readonly severity: string;
  readonly network?: boolean;
  readonly engine?: boolean;
}
export declare const HITS_PATH: string;
export declare function fittableRuleIds(catalogue: readonly CatalogueRule[]): string[];
export declare function collectTuningHits(options: {
  ruleIds: readonly string[];
  distDir: string;
  workers: number;
  timeoutMs?: number;
  onProgress?: (done: number, total: number) => void;
}): Promise<HitMatrix>;
export declare function formatHits(matrix: HitMatrix): string;
export declare function parseHits(text: string): HitMatrix;
export declare function hitDifferences(committed: HitMatrix, fresh: HitMatrix): string[];
