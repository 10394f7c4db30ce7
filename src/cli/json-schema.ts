// JSON Schema validation (ajv, draft-07) for the files a user hands us: config and baseline report.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export interface SchemaError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly message?: string;
  readonly params: Record<string, unknown>;
}

export type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/** Compiles a schema file; ajv (CommonJS) is required only here, so start-up without a config never loads it. */
export function compileSchema(schemaPath: string): Validator {
  const require = createRequire(import.meta.url);
  const { Ajv } = require("ajv") as { Ajv: new (options: object) => { compile(schema: object): Validator } };
  return new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaPath, "utf8")) as object);
}
