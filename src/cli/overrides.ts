// Per-path rule settings (config "overrides"), ESLint-style: later matching blocks win.
import { isAbsolute, matchesGlob, relative, resolve } from "node:path";
import type { Level } from "../rules/types.js";
import type { RuleSettings } from "../rules/engine.js";

export interface RuleOverride {
  /** Globs (node:path matchesGlob syntax: **, *, ?, {a,b}) over the input path relative to `base`. */
  readonly files: readonly string[];
  /** Directory the globs are relative to (the config file's); default: the working directory. */
  readonly base?: string;
  readonly rules?: Readonly<Record<string, Level>>;
  readonly ruleOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** The rule settings for one input path: the base settings with every matching override applied in order. */
export function settingsFor(path: string | undefined, base: RuleSettings, overrides: readonly RuleOverride[]): RuleSettings {
  if (path === undefined || overrides.length === 0) return base;
  let levels = { ...base.levels };
  let options = { ...base.options };
  let matched = false;
  for (const override of overrides) {
    const from = override.base ?? process.cwd();
    const candidate = relative(from, isAbsolute(path) ? path : resolve(path)).split("\\").join("/");
    if (!override.files.some((glob) => matchesGlob(candidate, glob))) continue;
    matched = true;
    levels = { ...levels, ...override.rules };
    for (const [id, value] of Object.entries(override.ruleOptions ?? {})) options = { ...options, [id]: { ...options[id], ...value } };
  }
  return matched ? { levels, options } : base;
}
