// The terminal report: findings grouped by severity, then score, verdict and a one-line summary.
import { Chalk, type ChalkInstance } from "chalk";
import type { Finding, Report, Result } from "../report/types.js";
import type { Location } from "../message/model.js";

export interface TextOptions {
  readonly color: boolean;
}

const GROUPS = [
  ["error", "Errors"],
  ["warning", "Warnings"],
  ["info", "Info"],
] as const;

export function formatText(report: Report, options: TextOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const blocks = report.results.map((result) => formatResult(result, c));
  const { inputs, errors, warnings, infos } = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const line = `${plural(inputs, "input")} checked: ${plural(errors, "error")}, ${plural(warnings, "warning")}, ${infos} info`;
  const table = report.results.length > 1 ? `${summaryTable(report.results, c)}\n` : "";
  const suppressed = report.summary.baselineSuppressed ? c.dim(` (${report.summary.baselineSuppressed} in the baseline not shown)`) : "";
  return `${blocks.join("\n")}\n${table}${errors > 0 ? c.red.bold(line) : warnings > 0 ? c.yellow.bold(line) : c.green.bold(line)}${suppressed}\n`;
}

/** Batch runs end with one line per input: the overview a person scrolls back for. */
function summaryTable(results: readonly Result[], c: ChalkInstance): string {
  const width = Math.min(60, Math.max(5, ...results.map((result) => result.input.length)));
  const rows = results.map((result) => {
    const name = result.input.length > width ? `…${result.input.slice(result.input.length - width + 1)}` : result.input;
    const verdict = result.verdict === "fail" ? c.red.bold("FAIL") : result.verdict === "warn" ? c.yellow.bold("WARN") : c.green.bold("PASS");
    return `  ${name.padEnd(width)}  ${result.score.toFixed(1).padStart(5)}  ${verdict}`;
  });
  return [c.bold(`  ${"Input".padEnd(width)}  ${"Score".padStart(5)}  Verdict`), ...rows, ""].join("\n");
}

function formatResult(result: Result, c: ChalkInstance): string {
  const lines: string[] = [c.bold.underline(result.input)];
  if (result.message) {
    const { from, subject, domain } = result.message;
    lines.push(c.dim(`  From: ${from ?? "(none)"}   Subject: ${subject ?? "(none)"}   Domain: ${domain ?? "(none)"}`));
  }
  for (const [severity, title] of GROUPS) {
    const findings = result.findings.filter((finding) => finding.severity === severity);
    if (findings.length === 0) continue;
    const colour = severity === "error" ? c.red : severity === "warning" ? c.yellow : c.blue;
    lines.push("", colour.bold(`  ${title} (${findings.length})`));
    for (const finding of findings) lines.push(...formatFinding(finding, colour, c));
  }
  const verdictColour = result.verdict === "fail" ? c.red.bold : result.verdict === "warn" ? c.yellow.bold : c.green.bold;
  lines.push("", `  Score ${result.score.toFixed(1)}  ${verdictColour(result.verdict.toUpperCase())}`, "");
  return lines.join("\n");
}

function formatFinding(finding: Finding, colour: ChalkInstance, c: ChalkInstance): string[] {
  const where = describeLocation(finding.location);
  const lines = [`  ${colour("●")} ${finding.message} ${c.dim(`[${finding.ruleId}${finding.score ? ` +${finding.score}` : ""}]`)}`];
  if (where) lines.push(c.dim(`      at ${where}`));
  if (finding.evidence !== undefined && !finding.message.includes(finding.evidence)) lines.push(c.dim(`      evidence: ${truncate(finding.evidence, 160)}`));
  lines.push(`      ${c.green("fix:")} ${finding.fix}`);
  return lines;
}

export function describeLocation(location: Location | undefined): string {
  if (!location) return "";
  if (location.header) return `header ${location.header}${location.line ? ` (line ${location.line})` : ""}`;
  if (location.filename) return `attachment ${location.filename}`;
  const position = location.line ? `${location.line}${location.column ? `:${location.column}` : ""}` : "";
  const part = location.part && location.mimePart !== undefined ? `${location.part} (MIME part ${location.mimePart})` : location.part;
  return [part, position].filter(Boolean).join(" ");
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
