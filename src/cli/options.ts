// Command-line and config options → validated settings. Anything wrong is a UsageError (exit 2).
import type { Level, Severity } from "../rules/types.js";
import { isIP } from "node:net";
import { UsageError } from "./errors.js";

export const FORMATS = ["text", "json", "sarif", "markdown", "html"] as const;
export type Format = (typeof FORMATS)[number];
export type FailOn = Severity | "never";
export const FAIL_ON = ["error", "warning", "info", "never"] as const;
export const LEVELS = ["off", "info", "warning", "error"] as const;

export function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`unknown --format "${value}": use one of ${FORMATS.join(", ")}`);
}

export function parseFailOn(value: string): FailOn {
  if ((FAIL_ON as readonly string[]).includes(value)) return value as FailOn;
  throw new UsageError(`unknown --fail-on "${value}": use one of ${FAIL_ON.join(", ")}`);
}

export function parseLevel(value: unknown, where: string): Level {
  if (typeof value === "string" && (LEVELS as readonly string[]).includes(value)) return value as Level;
  throw new UsageError(`${where}: level must be one of ${LEVELS.join(", ")}, not ${JSON.stringify(value)}`);
}

/** "--rule id=level" values → map; ids checked against the catalogue. */
export function parseRuleLevels(values: readonly string[], knownIds: ReadonlySet<string>): Record<string, Level> {
  const levels: Record<string, Level> = {};
  for (const value of values) {
    const match = /^([a-z0-9-]+)=(\w+)$/.exec(value.trim());
    if (!match) throw new UsageError(`--rule "${value}": expected <rule-id>=<off|info|warning|error>`);
    const [, id, level] = match as unknown as [string, string, string];
    if (!knownIds.has(id)) throw new UsageError(`--rule "${value}": no rule with id "${id}" (see: mail-preflight rules)`);
    levels[id] = parseLevel(level, `--rule ${id}`);
  }
  return levels;
}

export function parseTimeout(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0 || number > 600_000) {
    throw new UsageError(`--timeout "${value}": expected milliseconds between 1 and 600000`);
  }
  return number;
}

export function parseIp(value: string): string {
  if (!isIP(value)) throw new UsageError(`--ip "${value}" is not an IPv4 or IPv6 address`);
  return value;
}

/** Fails when a finding at or above failOn exists. */
export function exceedsFailOn(severities: readonly Severity[], failOn: FailOn): boolean {
  if (failOn === "never") return false;
  const rank = { info: 0, warning: 1, error: 2 } as const;
  return severities.some((severity) => rank[severity] >= rank[failOn]);
}
