// One self-contained HTML page a person would rather read than JSON: per input a score gauge, the
// findings by category with evidence and fix, and a sandboxed preview of the message with the
// offending links and images outlined. No scripts, no external requests (the CSP says so too).
import type { Finding, Report, Result, Verdict } from "../report/types.js";
import type { Category } from "../rules/types.js";
import { describeLocation } from "./text.js";
import { ruleDocUrl } from "./links.js";
import { safePreview } from "./html-preview.js";
import { FAIL_SCORE } from "../report/score.js";

export interface HtmlOptions {
  /** Input name → the message's HTML, for the preview (the JSON report does not carry it). */
  readonly previews?: ReadonlyMap<string, string>;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const CATEGORY_TITLES: Record<Category, string> = {
  authentication: "Authentication",
  dns: "DNS",
  reputation: "Reputation",
  headers: "Headers",
  content: "Content",
  "list-hygiene": "List hygiene",
};
const VERDICT_TEXT: Record<Verdict, string> = { pass: "Pass", warn: "Warn", fail: "Fail" };
// gauge full at twice the fail threshold: a 10-point message reads as "far over", not "just over"
const GAUGE_MAX = FAIL_SCORE * 2;

export function formatHtml(report: Report, options: HtmlOptions = {}): string {
  const { inputs, errors, warnings, infos, baselineSuppressed } = report.summary;
  const title = report.results.length === 1 ? `mail-preflight: ${report.results[0]!.input}` : `mail-preflight: ${inputs} inputs`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escape(title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header class="page">
<h1>mail-preflight report</h1>
<p class="totals">${inputs} input${inputs === 1 ? "" : "s"} checked: <b class="error">${errors} error${errors === 1 ? "" : "s"}</b>, <b class="warning">${warnings} warning${
    warnings === 1 ? "" : "s"
  }</b>, <b class="info">${infos} info</b>${baselineSuppressed ? `; ${baselineSuppressed} already in the baseline not shown` : ""}</p>
${report.results.length > 1 ? summaryTable(report.results) : ""}
</header>
<main>
${report.results.map((result, index) => resultSection(result, index, options.previews?.get(result.input))).join("\n")}
</main>
<footer>${escape(report.tool.name)} ${escape(report.tool.version)}</footer>
</body>
</html>
`;
}

function summaryTable(results: readonly Result[]): string {
  const rows = results
    .map(
      (result, index) =>
        `<tr><td><a href="#result-${index + 1}">${escape(result.input)}</a></td><td class="num">${result.score.toFixed(1)}</td><td><span class="verdict ${result.verdict}">${
          VERDICT_TEXT[result.verdict]
        }</span></td><td class="num">${result.findings.length}</td></tr>`,
    )
    .join("\n");
  return `<table class="summary"><thead><tr><th>Input</th><th>Score</th><th>Verdict</th><th>Findings</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function resultSection(result: Result, index: number, previewSource: string | undefined): string {
  const message = result.message;
  const facts = message
    ? `<dl class="facts"><dt>From</dt><dd>${escape(message.from ?? "(none)")}</dd><dt>Subject</dt><dd>${escape(message.subject ?? "(none)")}</dd><dt>Domain</dt><dd>${escape(
        message.domain ?? "(none)",
      )}</dd></dl>`
    : "";
  const byCategory = new Map<Category, Finding[]>();
  for (const finding of result.findings) byCategory.set(finding.category, [...(byCategory.get(finding.category) ?? []), finding]);
  const categories = [...byCategory.entries()]
    .map(
      ([category, findings]) =>
        `<section class="category"><h3>${CATEGORY_TITLES[category]} <small>(${findings.length})</small></h3>\n<ul class="findings">\n${findings.map(findingItem).join("\n")}\n</ul></section>`,
    )
    .join("\n");
  return `<article class="result" id="result-${index + 1}">
<div class="result-head">
${gauge(result.score, result.verdict)}
<div><h2>${escape(result.input)}</h2>${facts}</div>
</div>
${result.findings.length === 0 ? `<p class="none">No findings.</p>` : categories}
${previewSource !== undefined ? preview(previewSource, result.findings) : ""}
</article>`;
}

function gauge(score: number, verdict: Verdict): string {
  const turn = Math.min(score, GAUGE_MAX) / GAUGE_MAX;
  return `<div class="gauge ${verdict}" style="--turn: ${turn.toFixed(3)}turn" role="img" aria-label="Score ${score.toFixed(1)}, ${VERDICT_TEXT[verdict]}">
<div class="gauge-inner"><span class="score">${score.toFixed(1)}</span><span class="verdict-label">${VERDICT_TEXT[verdict]}</span></div>
</div>`;
}

function findingItem(finding: Finding): string {
  const where = describeLocation(finding.location);
  const fileLine = finding.location?.fileLine;
  const position = [where, fileLine !== undefined && !where.includes(`line ${fileLine}`) ? `file line ${fileLine}` : ""].filter(Boolean).join(", ");
  return `<li class="finding ${finding.severity}">
<div class="finding-head"><span class="badge ${finding.severity}">${finding.severity}</span> <span class="message">${escape(finding.message)}</span></div>
<div class="meta"><a class="rule" href="${escape(ruleDocUrl(finding.ruleId))}" rel="noreferrer">${escape(finding.ruleId)}</a>${
    finding.score ? ` <span class="points">+${finding.score}</span>` : ""
  }${position ? ` <span class="where">${escape(position)}</span>` : ""}</div>
${finding.evidence !== undefined ? `<pre class="evidence">${escape(truncate(finding.evidence, 600))}</pre>` : ""}
<p class="fix"><b>Fix:</b> ${escape(finding.fix)}</p>
</li>`;
}

function preview(source: string, findings: readonly Finding[]): string {
  const { html, flagged } = safePreview(source, { findings });
  return `<section class="preview"><h3>Preview</h3>
<p class="preview-note">Remote images and links are disabled in this preview.${flagged ? ` ${flagged} element${flagged === 1 ? "" : "s"} with findings outlined in red; hover for the finding.` : ""}</p>
<iframe sandbox="" title="Message preview" referrerpolicy="no-referrer" srcdoc="${escape(html)}"></iframe>
</section>`;
}

/** Text → HTML text or attribute value (double-quoted). */
export function escape(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const PAGE_CSS = `
:root { --error: #c01c28; --warning: #b5600b; --info: #1c71d8; --pass: #26a269; --ink: #1e1e1e; --muted: #5e5c64; --line: #deddda; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f5f4; }
header.page, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
header.page { padding-top: 20px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
.totals .error { color: var(--error); } .totals .warning { color: var(--warning); } .totals .info { color: var(--info); }
table.summary { border-collapse: collapse; margin: 12px 0; background: #fff; }
table.summary th, table.summary td { border: 1px solid var(--line); padding: 4px 10px; text-align: left; }
table.summary td.num { text-align: right; font-variant-numeric: tabular-nums; }
.verdict { font-weight: 600; } .verdict.fail { color: var(--error); } .verdict.warn { color: var(--warning); } .verdict.pass { color: var(--pass); }
article.result { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin: 20px 0; padding: 20px; }
.result-head { display: flex; gap: 20px; align-items: center; }
.result-head h2 { margin: 0; font-size: 1.15rem; word-break: break-all; }
dl.facts { display: grid; grid-template-columns: auto 1fr; gap: 0 10px; margin: 6px 0 0; color: var(--muted); }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; word-break: break-word; }
.gauge { --colour: var(--pass); flex: none; width: 110px; height: 110px; border-radius: 50%;
  background: conic-gradient(var(--colour) var(--turn), #ebebeb 0); display: grid; place-items: center; }
.gauge.warn { --colour: var(--warning); } .gauge.fail { --colour: var(--error); }
.gauge-inner { width: 84px; height: 84px; border-radius: 50%; background: #fff; display: flex; flex-direction: column; align-items: center; justify-content: center; }
.gauge .score { font-size: 1.6rem; font-weight: 700; line-height: 1; }
.gauge .verdict-label { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--colour); font-weight: 700; }
.category h3 { margin: 18px 0 6px; font-size: 1.05rem; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.category small { color: var(--muted); font-weight: normal; }
ul.findings { list-style: none; margin: 0; padding: 0; }
li.finding { border-left: 4px solid var(--info); padding: 6px 12px; margin: 8px 0; background: #fafafa; }
li.finding.error { border-color: var(--error); } li.finding.warning { border-color: var(--warning); }
.badge { display: inline-block; font-size: .75rem; font-weight: 700; text-transform: uppercase; color: #fff; background: var(--info); border-radius: 3px; padding: 0 6px; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
.meta { font-size: .85rem; color: var(--muted); } .meta .rule { font-family: ui-monospace, monospace; }
pre.evidence { margin: 6px 0; padding: 6px 8px; background: #f0f0f0; border-radius: 4px; white-space: pre-wrap; word-break: break-all; font-size: .85rem; }
p.fix { margin: 4px 0; }
.preview iframe { width: 100%; height: 640px; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
.preview-note { color: var(--muted); font-size: .9rem; margin: 0 0 8px; }
footer { color: var(--muted); font-size: .8rem; padding-bottom: 20px; }
`;
