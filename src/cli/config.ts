// mail-preflight.config.json: the CLI's options as a file, found from the working directory up.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UsageError } from "./errors.js";
import type { Level, RuleMeta } from "../rules/types.js";
import { packagePath } from "../paths.js";
import { compileSchema, type SchemaError, type Validator } from "./json-schema.js";

export const CONFIG_FILE = "mail-preflight.config.json";

export interface ConfigFile {
  readonly path: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** --config, else the nearest mail-preflight.config.json from cwd up; undefined when none. */
export function findConfig(explicit: string | undefined, cwd: string = process.cwd()): ConfigFile | undefined {
  if (explicit !== undefined) return readConfig(explicit);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return readConfig(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

function readConfig(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`invalid config ${path}: ${(error as Error).message}`);
  }
  if (typeof values !== "object" || values === null || Array.isArray(values)) {
    throw new UsageError(`invalid config ${path}: expected a JSON object`);
  }
  return { path, values: values as Record<string, unknown> };
}

/** A config file's values once the schema and the catalogue have accepted them. */
export interface CheckedConfig {
  readonly path: string;
  /** Directory relative paths and override globs are resolved against. */
  readonly dir: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly rules: RuleConfig;
  readonly overrides: readonly { readonly files: readonly string[]; readonly rules: RuleConfig }[];
}

export interface RuleConfig {
  readonly levels: Readonly<Record<string, Level>>;
  readonly options: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

type RuleEntry = Level | [Level] | [Level, Record<string, unknown>];

/** Validates against src/cli/config.schema.json, then rule ids and option names against the catalogue. */
export function checkConfig(config: ConfigFile, catalogue: ReadonlyMap<string, RuleMeta>): CheckedConfig {
  const where = `config ${config.path}`;
  validator ??= compileSchema(packagePath("src", "cli", "config.schema.json"));
  const validate = validator;
  if (!validate(config.values)) throw new UsageError(`${where}: ${describeSchemaError(validate.errors ?? [])}`);
  const values = config.values as { rules?: Record<string, RuleEntry>; overrides?: { files: string | string[]; rules: Record<string, RuleEntry> }[] };
  return {
    path: config.path,
    dir: dirname(resolve(config.path)),
    values: config.values,
    rules: ruleConfig(values.rules ?? {}, catalogue, `${where}: rules`),
    overrides: (values.overrides ?? []).map((override, index) => ({
      files: typeof override.files === "string" ? [override.files] : override.files,
      rules: ruleConfig(override.rules, catalogue, `${where}: overrides[${index}].rules`),
    })),
  };
}

function ruleConfig(entries: Record<string, RuleEntry>, catalogue: ReadonlyMap<string, RuleMeta>, where: string): RuleConfig {
  const levels: Record<string, Level> = {};
  const options: Record<string, Record<string, unknown>> = {};
  for (const [id, entry] of Object.entries(entries)) {
    const meta = catalogue.get(id);
    if (!meta) throw new UsageError(`${where}."${id}" is not a rule id (see: mail-preflight rules)`);
    const [level, ruleOptions] = typeof entry === "string" ? [entry, undefined] : entry;
    levels[id] = level;
    if (ruleOptions === undefined) continue;
    const defaults = meta.options ?? {};
    for (const [name, value] of Object.entries(ruleOptions)) {
      if (!(name in defaults)) {
        const known = Object.keys(defaults);
        throw new UsageError(`${where}."${id}" has no option "${name}"${known.length ? ` (options: ${known.join(", ")})` : " (it takes no options)"}`);
      }
      if (typeOf(value) !== typeOf(defaults[name])) {
        throw new UsageError(`${where}."${id}" option "${name}" must be ${typeOf(defaults[name])}, like its default ${JSON.stringify(defaults[name])}`);
      }
    }
    options[id] = ruleOptions;
  }
  return { levels, options };
}

function typeOf(value: unknown): string {
  return Array.isArray(value) ? "an array" : value === null ? "null" : `a ${typeof value}`;
}

let validator: Validator | undefined;

/** The one error a person needs: an unknown key by name, else the deepest failing value. */
function describeSchemaError(errors: readonly SchemaError[]): string {
  const unknown = errors.find((error) => error.keyword === "additionalProperties");
  if (unknown) {
    const at = dotted(unknown.instancePath);
    return `unknown key "${String(unknown.params.additionalProperty)}"${at ? ` in ${at}` : ""}`;
  }
  const badName = errors.find((error) => error.keyword === "propertyNames");
  if (badName) return `${dotted(badName.instancePath)}."${String(badName.params.propertyName)}" is not a rule id (see: mail-preflight rules)`;
  const candidates = errors.filter((error) => error.keyword !== "oneOf" && error.keyword !== "pattern");
  const deepest = [...candidates].sort(
    (a, b) => b.instancePath.length - a.instancePath.length || Number(b.keyword === "enum") - Number(a.keyword === "enum"),
  )[0];
  if (!deepest) return "does not match the config schema";
  const at = dotted(deepest.instancePath) || "the config";
  if (deepest.keyword === "enum") return `${at} must be one of ${(deepest.params.allowedValues as unknown[]).map(String).join(", ")}`;
  return `${at} ${deepest.message ?? "is invalid"}`;
}

/** "/rules/too-many-links/0" → rules."too-many-links"[0] */
function dotted(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((segment, index) => (/^\d+$/.test(segment) ? `[${segment}]` : /^[A-Za-z_$][\w$]*$/.test(segment) ? `${index ? "." : ""}${segment}` : `."${segment}"`))
    .join("");
}
