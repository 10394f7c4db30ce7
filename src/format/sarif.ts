// SARIF 2.1.0 (OASIS), the format GitHub code scanning and most CI annotators read: one run, every rule
// of the catalogue as a reportingDescriptor, one result per finding located in the input file itself.
import { createHash } from "node:crypto";
import { isAbsolute, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { Finding, Report, Result } from "../report/types.js";
import type { RuleMeta, Severity } from "../rules/types.js";
import { ruleDocUrl, PROJECT_URL } from "./links.js";

// SARIF levels: "note" is SARIF's word for our info
const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

export function formatSarif(report: Report, catalogue: ReadonlyMap<string, RuleMeta>, cwd: string = process.cwd()): string {
  const rules = [...catalogue.values()];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: PROJECT_URL,
            rules: rules.map(describeRule),
          },
        },
        // rules locate in UTF-16 code units of decoded text (JavaScript strings)
        columnKind: "utf16CodeUnits",
        results: report.results.flatMap((result) => result.findings.map((finding) => toResult(finding, result, ruleIndex, cwd))),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function describeRule(rule: RuleMeta) {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.rationale },
    help: { text: rule.fix, markdown: `${rule.fix}\n\n[Rule documentation](${ruleDocUrl(rule.id)})` },
    helpUri: ruleDocUrl(rule.id),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { category: rule.category, score: rule.score, tags: [rule.category], ...(rule.references.length ? { references: rule.references } : {}) },
  };
}

function toResult(finding: Finding, result: Result, ruleIndex: ReadonlyMap<string, number>, cwd: string) {
  const index = ruleIndex.get(finding.ruleId);
  const file = result.file ?? (result.input === "-" ? undefined : result.input);
  const line = finding.location?.fileLine ?? result.firstLine ?? 1;
  const column = finding.location?.fileLine !== undefined ? finding.location.fileColumn : undefined;
  return {
    ruleId: finding.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    ...(file !== undefined
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(file, cwd) },
                region: { startLine: line, ...(column !== undefined ? { startColumn: column } : {}) },
              },
            },
          ],
        }
      : {}),
    // stable across line moves, so code scanning keeps an alert's identity when the template is edited
    partialFingerprints: { "mailPreflightFinding/v1": fingerprint(result.input, finding) },
    properties: {
      input: result.input,
      category: finding.category,
      score: finding.score,
      ...(finding.evidence !== undefined ? { evidence: finding.evidence } : {}),
    },
  };
}

/** Relative to the working directory (the repository root in CI) with forward slashes; file: URI outside it. */
function fileUri(path: string, cwd: string): string {
  const rel = isAbsolute(path) ? relative(cwd, path) : path;
  if (isAbsolute(rel) || rel.startsWith("..")) return pathToFileURL(path).href;
  return rel.split(sep).join("/").replace(/^\.\//, "").split("/").map(encodeURIComponent).join("/");
}

function fingerprint(input: string, finding: Finding): string {
  return createHash("sha256").update(`${input}\0${finding.ruleId}\0${finding.evidence ?? finding.message}`).digest("hex").slice(0, 32);
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __: string, letter: string) => letter.toUpperCase());
}
