// Findings + facts → the report document.
import type { Finding } from "../rules/engine.js";
import type { MessageModel } from "../message/model.js";
import type { MessageSummary, Report, Result, Summary, Verdict } from "./types.js";
import { scoreOf, scoreOncePerRule, verdictOf } from "./score.js";
import { toolVersion } from "../version.js";
import { withFileLocations } from "./file-location.js";

/** Where a result's message came from: the file (mbox messages share one) and the line it starts on. */
export interface InputSource {
  readonly path?: string;
  readonly firstLine: number;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function buildResult(
  input: string,
  message: MessageModel | undefined,
  findings: readonly Finding[],
  checks: Readonly<Record<string, unknown>> = {},
  domain?: string,
  source?: InputSource,
): Result {
  const located = message ? withFileLocations(findings, message, source?.firstLine ?? 1) : findings;
  const sorted = scoreOncePerRule(
    [...located].sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
        (a.location?.column ?? 0) - (b.location?.column ?? 0),
    ),
  );
  const score = scoreOf(sorted);
  return {
    input,
    ...(source?.path !== undefined ? { file: source.path } : {}),
    ...(source && source.firstLine > 1 ? { firstLine: source.firstLine } : {}),
    message: message ? summarise(message, domain) : null,
    score,
    verdict: verdictOf(sorted, score),
    findings: sorted,
    checks,
  };
}

function summarise(message: MessageModel, domain: string | undefined): MessageSummary {
  const from = message.header("from")?.value ?? null;
  return {
    from,
    subject: message.subject ?? null,
    domain: domain ?? message.from?.domain ?? null,
    sizeBytes: message.sizeBytes,
  };
}

export function buildReport(results: readonly Result[], extra: Pick<Summary, "baselineSuppressed"> = {}): Report {
  return { schemaVersion: 1, tool: { name: "mail-preflight", version: toolVersion() }, results, summary: { ...summariseResults(results), ...extra } };
}

function summariseResults(results: readonly Result[]): Summary {
  const tally = summaryTally();
  for (const result of results) tally.add(result);
  return tally.summary();
}

/** A report's summary counted one result at a time, so a streamed report need not keep its results. */
export function summaryTally(): { add(result: Result): void; summary(): Summary } {
  let inputs = 0;
  const findings: Record<Finding["severity"], number> = { error: 0, warning: 0, info: 0 };
  const verdicts: Record<Verdict, number> = { pass: 0, warn: 0, fail: 0 };
  return {
    add(result) {
      inputs++;
      verdicts[result.verdict]++;
      for (const finding of result.findings) findings[finding.severity]++;
    },
    summary: () => ({ inputs, errors: findings.error, warnings: findings.warning, infos: findings.info, verdicts: { ...verdicts } }),
  };
}
