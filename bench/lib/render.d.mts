// Types for TypeScript consumers (test/corpus) of render.mjs.
import type { CorpusRecord } from "./check-one.mjs";
import type { Explanations, RuleAgreement, RuleCounterparts } from "./spamassassin-agreement.mjs";
import type { SpamAssassinRun } from "./spamassassin.mjs";

export interface SideBySide extends SpamAssassinRun {
  readonly args: readonly string[];
  readonly processes: number;
  readonly agreement: readonly RuleAgreement[];
  readonly network: readonly RuleCounterparts[];
  readonly explanations: Explanations;
  readonly problems: readonly string[];
  /** Counterparts SpamAssassin does not run here (score 0 in score set 0). */
  readonly off: ReadonlySet<string>;
}
export interface CorpusRun {
  readonly records: readonly CorpusRecord[];
  readonly shared: readonly CorpusRecord[];
  readonly ruleIds: readonly string[];
  readonly ruleIdsFired: readonly string[];
  readonly catalogueSize: number;
  readonly withoutModule: readonly string[];
  readonly seconds: number;
  readonly workers: number;
  readonly splitFilter: string;
  readonly version: string;
  /** { note } when SpamAssassin was skipped, absent or failed. */
  readonly spamassassin?: SideBySide | { readonly note: string };
}
export declare const EASY_HAM_SUSPECT_RATE: number;
export declare const HARD_HAM_SUSPECT_RATE: number;
export declare function renderCorpusNote(run: CorpusRun): { markdown: string; crashes: CorpusRecord[]; suspects: string[] };
