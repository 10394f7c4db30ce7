// mail-preflight.config.json: the CLI's options as a file, found from the working directory up.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UsageError } from "./errors.js";

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
