// Types for TypeScript consumers (test/corpus) of spamassassin.mjs.
import type { CorpusEntry } from "./corpus-files.mjs";

export interface SpamAssassinResult {
  readonly score: number;
  /** Scored rules hit (_TESTS_). */
  readonly tests: readonly string[];
  /** "__" sub-rules hit (_SUBTESTSCOLLAPSED_), without their hit counts. */
  readonly subtests: readonly string[];
}
export interface SpamAssassinRun {
  readonly version: string;
  readonly key: string;
  /** Index-aligned with the entries; undefined when SpamAssassin gave no result. */
  readonly results: readonly (SpamAssassinResult | undefined)[];
  readonly fromCache: number;
  readonly checked: number;
  readonly seconds: number;
  readonly missing: number;
}
export declare const ID_HEADER: string;
export declare const RESULT_HEADER: string;
export declare const SPAMASSASSIN_ARGS: readonly string[];
export declare const DEFAULT_CACHE_DIR: string;
export declare function spamAssassinVersion(): string | undefined;
export declare function spamAssassinRuleNames(): Set<string>;
export declare function rulesOffInScoreSet0(): Set<string>;
export declare function spamAssassinCacheKey(version: string): string;
export declare function messageId(bytes: Uint8Array): string;
export declare function parseResultHeader(value: string): (SpamAssassinResult & { readonly id: string }) | undefined;
export declare function resultHeaderReader(onResult: (result: SpamAssassinResult & { readonly id: string }) => void): { line(text: string): void; end(): void };
export declare function runSpamAssassinOnCorpus(
  entries: readonly Pick<CorpusEntry, "path">[],
  options: { version: string; processes?: number; cacheDir?: string; onProgress?: (done: number, total: number) => void },
): Promise<SpamAssassinRun>;
