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
  return `${blocks.join("\n")}\n${errors > 0 ? c.red.bold(line) : warnings > 0 ? c.yellow.bold(line) : c.green.bold(line)}\n`;
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
  return [location.part, position].filter(Boolean).join(" ");
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
