// Score and verdict of one result, as SPEC fixes them.
import type { Finding } from "../rules/engine.js";
import type { Verdict } from "./types.js";

export const FAIL_SCORE = 5.0;
export const WARN_SCORE = 2.0;

/** A rule scores once per message, as a SpamAssassin rule does: its first finding carries the rule's
 *  score, the others 0, so five shortened links weigh what one does and the sum stays the result's score. */
export function scoreOncePerRule(findings: readonly Finding[]): Finding[] {
  const scored = new Set<string>();
  return findings.map((finding) => {
    if (!scored.has(finding.ruleId)) {
      scored.add(finding.ruleId);
      return finding;
    }
    return finding.score === 0 ? finding : { ...finding, score: 0 };
  });
}

export function scoreOf(findings: readonly Finding[]): number {
  // rounded to 0.1 so sums of decimal scores print as people expect
  return Math.round(findings.reduce((sum, finding) => sum + finding.score, 0) * 10) / 10;
}

export function verdictOf(findings: readonly Finding[], score: number): Verdict {
  if (score >= FAIL_SCORE || findings.some((finding) => finding.severity === "error")) return "fail";
  if (score >= WARN_SCORE || findings.some((finding) => finding.severity === "warning")) return "warn";
  return "pass";
}
