// Runs one message rule over real parsed messages: fixture files or inline HTML/EML snippets.
// valid cases must give no finding; invalid cases exactly the listed ones, in order.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMessage, type ParseOptions } from "../src/message/parse.js";
import { loadRuleData } from "../src/rules/data.js";
import { loadCatalogue } from "../src/rules/catalogue.js";
import { stamp, type Finding } from "../src/rules/engine.js";
import type { MessageRule } from "../src/rules/types.js";
import type { MessageModel } from "../src/message/model.js";

export type TestInput =
  | string // a fixture path: .eml, or .html/.htm (parsed as a template with From news@example.com)
  | { readonly html: string; readonly from?: string; readonly subject?: string; readonly name?: string }
  | { readonly eml: string; readonly name?: string };

export interface ExpectedFinding {
  readonly evidence?: string;
  readonly message?: string | RegExp;
  readonly severity?: Finding["severity"];
  readonly location?: Partial<NonNullable<Finding["location"]>>;
}

export interface InvalidCase {
  readonly input: TestInput;
  /** Expected findings in order; a number asserts only the count. */
  readonly findings: readonly ExpectedFinding[] | number;
  readonly options?: Record<string, unknown>;
}

const data = loadRuleData();

export async function parseTestInput(input: TestInput): Promise<MessageModel> {
  if (typeof input === "string") {
    const bytes = readFileSync(input);
    const isTemplate = /\.html?$/i.test(input);
    const options: ParseOptions = isTemplate ? { kind: "html", from: "News <news@example.com>", subject: "Our news" } : {};
    return parseMessage(bytes, input, options);
  }
  if ("html" in input) {
    return parseMessage(Buffer.from(input.html), "inline.html", {
      kind: "html",
      from: input.from ?? "News <news@example.com>",
      subject: input.subject ?? "Our news",
    });
  }
  return parseMessage(Buffer.from(input.eml.replace(/\r?\n/g, "\r\n")), "inline.eml");
}

export function runRule(rule: MessageRule, message: MessageModel, options: Record<string, unknown> = {}): Finding[] {
  const meta = loadCatalogue().get(rule.id);
  return stamp(rule.id, rule.check(message, { data, options: { ...meta?.options, ...options } }), {});
}

function label(input: TestInput): string {
  if (typeof input === "string") return input;
  if (input.name) return input.name;
  const text = "html" in input ? input.html : input.eml;
  return text.replace(/\s+/g, " ").slice(0, 70);
}

export function ruleTester(
  rule: MessageRule,
  cases: { readonly valid: readonly (TestInput | { input: TestInput; options: Record<string, unknown> })[]; readonly invalid: readonly InvalidCase[] },
): void {
  describe(rule.id, () => {
    it("has a catalogue entry", () => {
      expect(loadCatalogue().get(rule.id)).toBeDefined();
    });
    for (const valid of cases.valid) {
      const input = typeof valid === "object" && "input" in valid ? valid.input : valid;
      const options = typeof valid === "object" && "options" in valid ? valid.options : {};
      it(`valid: ${label(input)}`, async () => {
        const findings = runRule(rule, await parseTestInput(input), options);
        expect(findings.map((finding) => `${finding.message} [${finding.evidence ?? ""}]`)).toEqual([]);
      });
    }
    for (const invalid of cases.invalid) {
      it(`invalid: ${label(invalid.input)}`, async () => {
        const findings = runRule(rule, await parseTestInput(invalid.input), invalid.options);
        if (typeof invalid.findings === "number") {
          expect(findings).toHaveLength(invalid.findings);
          return;
        }
        expect(findings.length, JSON.stringify(findings, null, 1)).toBe(invalid.findings.length);
        invalid.findings.forEach((expected, index) => {
          const actual = findings[index]!;
          if (expected.evidence !== undefined) expect(actual.evidence).toBe(expected.evidence);
          if (expected.severity !== undefined) expect(actual.severity).toBe(expected.severity);
          if (typeof expected.message === "string") expect(actual.message).toBe(expected.message);
          if (expected.message instanceof RegExp) expect(actual.message).toMatch(expected.message);
          if (expected.location) expect(actual.location).toMatchObject(expected.location);
        });
      });
    }
  });
}
