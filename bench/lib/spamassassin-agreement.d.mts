// Types for TypeScript consumers (test/corpus) of spamassassin-agreement.mjs.
import type { RuleMeta } from "../../src/rules/types.js";
import type { CorpusRecord } from "./check-one.mjs";
import type { SpamAssassinResult } from "./spamassassin.mjs";

export type { SpamAssassinResult };
export type Side = "onlyOurs" | "onlyTheirs";
export interface RuleCounterparts {
  readonly id: string;
  readonly counterparts: readonly string[];
}
export interface Disagreement {
  readonly record: CorpusRecord;
  readonly result: SpamAssassinResult;
  /** Only theirs: the counterparts that hit. */
  readonly hit?: readonly string[];
}
export interface RuleAgreement extends RuleCounterparts {
  readonly byKind: Readonly<Record<string, { both: number; onlyOurs: number; onlyTheirs: number; neither: number }>>;
  readonly onlyOurs: readonly Disagreement[];
  readonly onlyTheirs: readonly Disagreement[];
}
export interface DisagreementClass {
  readonly class: string;
  readonly why: string;
  /** "group/NNNNN", the corpus file's number. */
  readonly examples?: readonly string[];
}
export type Explanations = Readonly<Record<string, Partial<Record<Side, readonly DisagreementClass[]>>>>;

export declare const EXPLANATIONS_FILE: string;
export declare const DISAGREEMENT_CLASSES: Readonly<Record<string, string>>;
export declare const SIDES: readonly Side[];
export declare function rulesWithCounterparts(catalogue: ReadonlyMap<string, RuleMeta>): {
  offline: (RuleCounterparts & { network: boolean })[];
  network: (RuleCounterparts & { network: boolean })[];
};
export declare function agreementByRule(
  records: readonly CorpusRecord[],
  results: readonly (SpamAssassinResult | undefined)[],
  kindOf: Readonly<Record<string, string>>,
  rules: readonly RuleCounterparts[],
): RuleAgreement[];
export declare function shortName(record: Pick<CorpusRecord, "group" | "file">): string;
export declare function loadExplanations(file?: string): Explanations;
export declare function explanationProblems(agreement: readonly RuleAgreement[], explanations: Explanations): string[];
export declare function sideLabel(side: Side): string;
