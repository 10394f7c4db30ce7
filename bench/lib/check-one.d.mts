// Types for TypeScript consumers (test/corpus) of check-one.mjs.
import type { ValidateFunction } from "ajv";
import type { Session } from "../../src/preflight.js";
import type { Report, Result, Verdict } from "../../src/report/types.js";
import type { CorpusEntry } from "./corpus-files.mjs";

export interface CorpusRecord {
  readonly group: string;
  readonly file: string;
  readonly ms: number;
  /** An exception escaping session.check, a report the schema rejects, or (in the pool) a timeout. */
  readonly crash?: { readonly kind: "exception" | "schema" | "timeout"; readonly detail: string };
  readonly parsed?: boolean;
  readonly subject?: string;
  readonly score?: number;
  readonly verdict?: Verdict;
  /** Rule id → the first finding's evidence (or message), clipped. */
  readonly evidence?: Readonly<Record<string, string>>;
}
export declare function compileReportSchema(): ValidateFunction;
export declare function checkOne(
  session: Session,
  buildReport: (results: readonly Result[]) => Report,
  validate: ValidateFunction,
  entry: Pick<CorpusEntry, "group" | "file" | "path">,
): Promise<CorpusRecord>;
