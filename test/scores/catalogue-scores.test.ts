// fit-scores writes only the "score" of each fitted rule into rules/catalogue/*.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { rewriteCatalogueScores } from "../../scripts/fit/catalogue-scores.mjs";

const CATALOGUE = `{
  "$comment": "test catalogue",
  "first-rule": {
    "severity": "warning",
    "score": 1.0,
    "options": { "score": 7, "list": [1.0, 2.50] }
  },
  "second-rule": {
    "severity": "info",
    "score": 0,
    "summary": "kept as written"
  }
}
`;

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function catalogueIn(text: string): { root: string; path: string } {
  root = mkdtempSync(join(tmpdir(), "fit-catalogue-"));
  mkdirSync(join(root, "rules", "catalogue"), { recursive: true });
  const path = join(root, "rules", "catalogue", "test.json");
  writeFileSync(path, text);
  return { root, path };
}

describe("rewriteCatalogueScores", () => {
  it("changes only the score lines, written with one decimal", () => {
    const { root: dir, path } = catalogueIn(CATALOGUE);
    const changed = rewriteCatalogueScores(dir, new Map([["first-rule", 3], ["second-rule", 0.4]]));
    expect([...changed.keys()]).toEqual([path]);
    expect(changed.get(path)).toBe(CATALOGUE.replace('"score": 1.0,', '"score": 3.0,').replace('"score": 0,', '"score": 0.4,'));
  });

  it("leaves a file alone when its scores already have those values, however they are written", () => {
    const { root: dir } = catalogueIn(CATALOGUE);
    expect(rewriteCatalogueScores(dir, new Map([["first-rule", 1], ["second-rule", 0]])).size).toBe(0);
  });

  it("refuses an entry whose score is not on its own line", () => {
    const { root: dir } = catalogueIn('{\n  "one-line": { "severity": "info", "score": 1.0 }\n}\n');
    expect(() => rewriteCatalogueScores(dir, new Map([["one-line", 2]]))).toThrow(/one-line/);
  });
});
