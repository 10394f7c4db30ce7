// The library: `import { preflight } from "mail-preflight"` returns the same report as `--format json`.
export { preflight } from "./preflight.js";
export type { PreflightOptions, RawInput } from "./preflight.js";
export type { Report, Result, Summary, Verdict, MessageSummary, Finding } from "./report/types.js";
export type { Location } from "./message/model.js";
export type { Category, Level, Severity } from "./rules/types.js";
export type { RuleOverride } from "./cli/overrides.js";
