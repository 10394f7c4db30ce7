// Reads the --baseline file: an earlier `--format json` report. Anything else is bad usage (exit 2).
import { readFile } from "node:fs/promises";
import { UsageError } from "./errors.js";
import { packagePath } from "../paths.js";
import { compileSchema } from "./json-schema.js";
import type { Report } from "../report/types.js";

export async function readBaseline(path: string): Promise<Report> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read baseline ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`invalid baseline ${path}: ${(error as Error).message}`);
  }
  const validate = compileSchema(packagePath("src", "report", "report.schema.json"));
  if (!validate(value)) {
    const first = validate.errors?.[0];
    throw new UsageError(`invalid baseline ${path}: not a mail-preflight JSON report (${first ? `${first.instancePath || "/"} ${first.message}` : "schema mismatch"})`);
  }
  return value as Report;
}
