// One corpus message through a session, as `check --offline --format json` would: the outcome is a
// compact record (score, verdict, rules that fired with one piece of evidence each) or a crash.
// A crash is an exception escaping session.check or a report the JSON Schema rejects.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { REPO_ROOT, readMessage } from "./corpus-files.mjs";

const EVIDENCE_CHARS = 120;

/** The shipped report schema, compiled once (same options as test/helpers/schema.ts). */
export function compileReportSchema() {
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, "src/report/report.schema.json"), "utf8"));
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

/**
 * @param session   from startSession({ offline: true })
 * @param buildReport  report/build.js's buildReport: the result is validated as the one-result
 *                     report the CLI would print for this message
 * @param validate  compileReportSchema()
 * @param entry     { group, file, path }
 */
export async function checkOne(session, buildReport, validate, entry) {
  const started = performance.now();
  const base = { group: entry.group, file: entry.file };
  let result;
  try {
    const bytes = readMessage(entry.path);
    result = await session.check({ name: entry.file, path: entry.path, kind: "eml", firstLine: 1, read: async () => bytes });
  } catch (error) {
    return { ...base, ms: performance.now() - started, crash: { kind: "exception", detail: describeError(error) } };
  }
  const ms = performance.now() - started;
  const report = buildReport([result]);
  // the report goes through JSON, as the CLI prints it: undefined fields and NaN must not survive
  const printed = JSON.parse(JSON.stringify(report));
  if (!validate(printed)) {
    return { ...base, ms, crash: { kind: "schema", detail: JSON.stringify(validate.errors.slice(0, 3)) } };
  }
  const evidence = {};
  for (const finding of result.findings) {
    if (finding.ruleId in evidence) continue;
    evidence[finding.ruleId] = clip(finding.evidence ?? finding.message);
  }
  return { ...base, ms, parsed: result.message !== null, subject: clip(result.message?.subject ?? ""), score: result.score, verdict: result.verdict, evidence };
}

function describeError(error) {
  if (!(error instanceof Error)) return String(error);
  // the first frames name the rule or parser that threw
  const frames = (error.stack ?? "").split("\n").slice(1, 4).map((line) => line.trim());
  return [`${error.name}: ${error.message}`, ...frames].join(" | ");
}

function clip(text) {
  const flat = String(text).replace(/\s+/g, " ");
  return flat.length > EVIDENCE_CHARS ? `${flat.slice(0, EVIDENCE_CHARS - 1)}…` : flat;
}
