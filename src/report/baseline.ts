// --baseline: findings an earlier report already had are dropped, so a team adopting the tool on an
// existing template repository gates only new problems. A finding matches by input, rule and evidence
// (its message when it has none), never by location: editing a template moves lines, not problems.
// Matching counts duplicates: two identical findings in the baseline hide at most two now.
import type { Finding, Report, Result } from "./types.js";
import { buildReport } from "./build.js";
import { scoreOf, scoreOncePerRule, verdictOf } from "./score.js";
import { loadCatalogue } from "../rules/catalogue.js";

/**
 * Findings about this run rather than about a message: an input that could not be read this time, or a
 * rule that failed on it, left it unchecked, whatever an earlier report said of it, so no baseline hides it.
 */
const NEVER_BASELINED = new Set(["unreadable-input", "internal-error"]);

export function baselineKey(input: string, finding: Pick<Finding, "ruleId" | "evidence" | "message">): string {
  return JSON.stringify([input, finding.ruleId, finding.evidence ?? finding.message]);
}

export function applyBaseline(report: Report, baseline: Pick<Report, "results">): Report {
  const remaining = new Map<string, number>();
  for (const result of baseline.results) {
    for (const finding of result.findings) {
      const key = baselineKey(result.input, finding);
      remaining.set(key, (remaining.get(key) ?? 0) + 1);
    }
  }
  let suppressed = 0;
  const results = report.results.map((result): Result => {
    const findings = result.findings.filter((finding) => {
      if (NEVER_BASELINED.has(finding.ruleId)) return true;
      const key = baselineKey(result.input, finding);
      const left = remaining.get(key) ?? 0;
      if (left === 0) return true;
      remaining.set(key, left - 1);
      suppressed++;
      return false;
    });
    if (findings.length === result.findings.length) return result;
    // a rule scores once, on its first finding: when the baseline took that one, the next one carries it
    const catalogue = loadCatalogue();
    const rescored = scoreOncePerRule(findings.map((finding) => ({ ...finding, score: catalogue.get(finding.ruleId)?.score ?? finding.score })));
    const score = scoreOf(rescored);
    return { ...result, findings: rescored, score, verdict: verdictOf(rescored, score) };
  });
  return buildReport(results, { baselineSuppressed: suppressed });
}
