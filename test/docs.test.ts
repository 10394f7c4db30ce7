// docs/rules/<id>.md and the README rules table are generated from the catalogue; this fails when they
// are stale (run `npm run docs` and commit the result).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { generateDocs, readmeWithTable, ROOT, README_START } from "../scripts/gen-docs.mjs";

interface Generated {
  readonly rules: readonly { id: string }[];
  readonly files: ReadonlyMap<string, string>;
}

const { rules, files } = generateDocs() as Generated;

describe("generated docs", () => {
  it("every catalogue rule has an up-to-date docs/rules/<id>.md", () => {
    const stale = [...files].filter(([path, content]) => !existsSync(join(ROOT, path)) || readFileSync(join(ROOT, path), "utf8") !== content).map(([path]) => path);
    expect(stale, "stale docs: run `npm run docs`").toEqual([]);
  });

  it("docs/rules holds no page for a rule that is gone", () => {
    const pages = readdirSync(join(ROOT, "docs", "rules")).filter((name) => name.endsWith(".md"));
    expect(pages.sort()).toEqual(rules.map((rule) => `${rule.id}.md`).sort());
  });

  it("the README rules table is current", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme.includes(README_START), `README.md needs ${README_START} … <!-- rules:end --> markers`).toBe(true);
    expect(readmeWithTable(readme, rules) === readme, "stale README rules table: run `npm run docs`").toBe(true);
  });

  it("a page carries front matter, rationale, fix and fixtures", () => {
    const page = files.get(join("docs", "rules", "subject-all-caps.md"))!;
    expect(page).toMatch(/^---\nid: subject-all-caps\ncategory: headers\nseverity: warning\nscore: [\d.]+\nsummary: .+\n---\n/);
    expect(page).toContain("## Why it matters");
    expect(page).toContain("## How to fix");
    expect(page).toMatch(/Fires on: \[`fires-/);
  });
});
