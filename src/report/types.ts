// The report: what `--format json` prints and what `preflight()` returns (SPEC "The JSON report").
import type { Finding } from "../rules/engine.js";

export type Verdict = "pass" | "warn" | "fail";

export interface MessageSummary {
  readonly from: string | null;
  readonly subject: string | null;
  readonly domain: string | null;
  readonly sizeBytes: number;
}

export interface Result {
  readonly input: string;
  /** The file the message was read from (the mbox for "export.mbox#3"); absent for stdin and API inputs. */
  readonly file?: string;
  /** Line of `file` where this message starts, for a message inside an mbox (absent when 1). */
  readonly firstLine?: number;
  /** null when the input could not be read or parsed (then one finding says why). */
  readonly message: MessageSummary | null;
  readonly score: number;
  readonly verdict: Verdict;
  readonly findings: readonly Finding[];
  /** Raw facts found: DNS records, statuses, lookup counts (see the audits). */
  readonly checks: Readonly<Record<string, unknown>>;
}

export interface Summary {
  readonly inputs: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly score?: number;
  readonly verdicts?: Readonly<Record<Verdict, number>>;
  /** Findings dropped because an earlier report (--baseline) had them; absent without --baseline. */
  readonly baselineSuppressed?: number;
}

export interface Report {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: "mail-preflight"; readonly version: string };
  readonly results: readonly Result[];
  readonly summary: Summary;
}

export type { Finding };
