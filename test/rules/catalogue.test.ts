// The catalogue, the rule modules, the fixtures and the tests stay in step.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../src/rules/catalogue.js";
import { ruleLoaders } from "../../src/rules/registry.generated.js";

// SPEC.md "Rule ids that must exist", with their default severities.
const SPEC_RULES: Record<string, string> = {
  "numeric-ip-link": "error",
  "missing-unsubscribe-link": "error",
  "noreply-sender": "warning",
  "missing-list-unsubscribe": "warning",
  "missing-one-click-unsubscribe": "warning",
  "missing-text-part": "warning",
  "html-invalid": "warning",
  "url-shortener": "warning",
  "link-text-mismatch": "error",
  "image-only": "warning",
  "spam-phrases": "warning",
  "subject-all-caps": "warning",
  "unrendered-placeholder": "error",
  "risky-attachment": "error",
  "message-clipped": "warning",
  "spf-missing": "error",
  "spf-multiple-records": "error",
  "spf-syntax": "error",
  "spf-too-many-lookups": "error",
  "spf-void-lookups": "warning",
  "spf-permissive-all": "error",
  "spf-fail": "error",
  "dkim-missing": "error",
  "dkim-weak-key": "error",
  "dkim-testing": "warning",
  "dkim-signature-invalid": "error",
  "dkim-unsubscribe-unsigned": "warning",
  "dmarc-missing": "error",
  "dmarc-syntax": "error",
  "dmarc-policy-none": "warning",
  "dmarc-removed-tags": "info",
  "dmarc-misaligned": "error",
  "mx-missing": "warning",
  "ptr-missing": "warning",
  "ip-blocklisted": "error",
  "domain-blocklisted": "error",
  "dns-skipped": "info",
  "dns-temperror": "info",
};

const catalogue = loadCatalogue();
const NETWORK_CATEGORIES = new Set(["authentication", "dns", "reputation"]);

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}
const testSources = filesBelow("test")
  .filter((path) => path.endsWith(".ts"))
  .map((path) => readFileSync(path, "utf8"))
  .join("\n");

describe("catalogue", () => {
  it.each(Object.entries(SPEC_RULES))("SPEC rule %s exists with default severity %s", (id, severity) => {
    expect(catalogue.get(id)?.severity).toBe(severity);
  });

  it("has at least 15 rules beyond SPEC's table outside authentication/DNS", () => {
    const extra = [...catalogue.values()].filter((meta) => !(meta.id in SPEC_RULES) && !NETWORK_CATEGORIES.has(meta.category) && !meta.engine);
    expect(extra.length).toBeGreaterThanOrEqual(15);
  });

  for (const meta of catalogue.values()) {
    describe(meta.id, () => {
      it("has complete metadata", () => {
        expect(meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(["authentication", "dns", "reputation", "headers", "content", "list-hygiene"]).toContain(meta.category);
        expect(["error", "warning", "info"]).toContain(meta.severity);
        expect(meta.score).toBeGreaterThanOrEqual(0);
        for (const field of ["summary", "rationale", "fix"] as const) expect(meta[field].length, field).toBeGreaterThan(10);
        expect(meta.references.length).toBeGreaterThan(0);
      });

      if (meta.engine) return;

      it("has a module under src/rules/<category>/", () => {
        expect(ruleLoaders[meta.id], `src/rules/*/${meta.id}.ts`).toBeDefined();
      });

      it("is exercised by a test", () => {
        expect(testSources.includes(meta.id) || testSources.includes(camel(meta.id))).toBe(true);
      });

      if (!meta.network) {
        it("has a fixture that fires it and a clean one", () => {
          const dir = join("fixtures", meta.id);
          const files = existsSync(dir) ? readdirSync(dir) : [];
          expect(files.some((file) => file.startsWith("fires-")), `${dir}/fires-*`).toBe(true);
          expect(files.some((file) => file.startsWith("clean-")), `${dir}/clean-*`).toBe(true);
        });
      }
    });
  }

  it("every rule module has a catalogue entry", () => {
    for (const id of Object.keys(ruleLoaders)) expect(catalogue.has(id), id).toBe(true);
  });
});

function camel(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, char: string) => char.toUpperCase());
}
