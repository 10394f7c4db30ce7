// A Markdown summary for a pull-request comment or a CI job summary ($GITHUB_STEP_SUMMARY): a heading,
// one table row per input, then each input's findings. GitHub-flavoured: tables, inline HTML <br>.
import type { Finding, Report, Result, Verdict } from "../report/types.js";
import { describeLocation } from "./text.js";
import { ruleDocUrl } from "./links.js";

const VERDICT: Record<Verdict, string> = { pass: "✅ pass", warn: "⚠️ warn", fail: "❌ fail" };
const SEVERITY: Record<Finding["severity"], string> = { error: "🔴 error", warning: "🟡 warning", info: "🔵 info" };
// GitHub caps a job summary at 1 MiB: a long tail of findings is counted, not listed
const MAX_FINDINGS_PER_INPUT = 100;
const MAX_EVIDENCE = 120;

export function formatMarkdown(report: Report): string {
  const { inputs, errors, warnings, infos, baselineSuppressed } = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const lines = [
    `## mail-preflight: ${plural(inputs, "input")} checked`,
    "",
    `**${plural(errors, "error")}, ${plural(warnings, "warning")}, ${infos} info**${
      baselineSuppressed ? ` (${plural(baselineSuppressed, "finding")} already in the baseline not shown)` : ""
    }`,
    "",
    "| Input | Score | Verdict | Errors | Warnings | Info |",
    "| --- | ---: | --- | ---: | ---: | ---: |",
    ...report.results.map((result) => {
      const count = (severity: Finding["severity"]) => result.findings.filter((finding) => finding.severity === severity).length;
      return `| ${code(result.input)} | ${result.score.toFixed(1)} | ${VERDICT[result.verdict]} | ${count("error")} | ${count("warning")} | ${count("info")} |`;
    }),
  ];
  for (const result of report.results) lines.push("", ...formatResult(result));
  lines.push("", `<sub>${report.tool.name} ${report.tool.version}</sub>`);
  return `${lines.join("\n")}\n`;
}

function formatResult(result: Result): string[] {
  const heading = `### ${code(result.input)}: ${VERDICT[result.verdict]}, score ${result.score.toFixed(1)}`;
  if (result.findings.length === 0) return [heading, "", "No findings."];
  const shown = result.findings.slice(0, MAX_FINDINGS_PER_INPUT);
  const lines = [
    heading,
    "",
    "| Severity | Rule | Finding | Evidence | Where |",
    "| --- | --- | --- | --- | --- |",
    ...shown.map(
      (finding) =>
        `| ${SEVERITY[finding.severity]} | [${code(finding.ruleId)}](${ruleDocUrl(finding.ruleId)}) | ${text(finding.message)}<br>**Fix:** ${text(finding.fix)} | ${
          finding.evidence !== undefined ? code(truncate(finding.evidence, MAX_EVIDENCE)) : ""
        } | ${text(where(finding))} |`,
    ),
  ];
  if (result.findings.length > shown.length) lines.push("", `…and ${result.findings.length - shown.length} more findings (see the JSON or SARIF report).`);
  return lines;
}

function where(finding: Finding): string {
  const location = describeLocation(finding.location);
  const fileLine = finding.location?.fileLine;
  return fileLine !== undefined && !location.includes(`line ${fileLine}`) ? `${location} (file line ${fileLine})` : location;
}

/** Plain text in a table cell: no HTML, no cell breaks, no accidental emphasis or links. */
export function text(value: string): string {
  return value
    .replace(/\r?\n/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|~])/g, "\\$1");
}

/**
 * A code span that survives any content: the fence is one backtick longer than the longest run inside
 * (CommonMark §6.1), and `|` is escaped because GFM splits table cells before it parses code spans.
 */
export function code(value: string): string {
  const flat = value.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function truncate(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
