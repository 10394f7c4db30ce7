// Types for TypeScript consumers (test/corpus, test/fuzz) of corpus-files.mjs.
export interface CorpusGroup {
  readonly name: "easy-ham-1" | "easy-ham-2" | "hard-ham-1" | "spam-1" | "spam-2";
  readonly kind: "easy-ham" | "hard-ham" | "spam";
  readonly split: "tuning" | "held-out";
}
export interface CorpusEntry {
  readonly group: string;
  readonly kind: string;
  readonly split: string;
  /** File name (SpamAssassin) or path under ../shared/corpus. */
  readonly file: string;
  readonly path: string;
}
export declare const REPO_ROOT: string;
export declare const GROUPS: readonly CorpusGroup[];
export declare const KINDS: readonly string[];
export declare const SPLITS: readonly string[];
export declare function spamAssassinDataDir(): string;
export declare function listSpamAssassin(dataDir?: string): CorpusEntry[];
export declare function sampleSpamAssassin(step: number, dataDir?: string): CorpusEntry[];
export declare function sharedCorpusDir(): string;
export declare function listSharedCorpus(dir?: string): CorpusEntry[];
export declare function readMessage(path: string): Buffer;
