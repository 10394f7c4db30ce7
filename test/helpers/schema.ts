// Every report a test produces is validated against the shipped JSON Schema.
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { expect } from "vitest";

const schema = JSON.parse(readFileSync(new URL("../../src/report/report.schema.json", import.meta.url), "utf8")) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

export function expectValidReport(report: unknown): void {
  const valid = validate(report);
  expect(valid, JSON.stringify(validate.errors, null, 1)).toBe(true);
}
