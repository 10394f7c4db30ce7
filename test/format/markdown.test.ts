// The Markdown summary: a table per run and per input that no evidence can break.
import { describe, expect, it } from "vitest";
import { code, formatMarkdown } from "../../src/format/markdown.js";
import { buildReport, buildResult } from "../../src/report/build.js";
import { runCli } from "../helpers/cli.js";
import type { Finding } from "../../src/report/types.js";

const nasty: Finding = {
  ruleId: "unrendered-placeholder",
  category: "content",
  severity: "error",
  score: 2,
  message: "Placeholder left in: {{a|b}} <b>",
  evidence: "{{ `name` | default }}",
  location: { part: "text/html", line: 4, column: 2, fileLine: 30, fileColumn: 2 },
  fix: "Render the template.",
};

/** Cells of a GFM table row: split on | not escaped by a backslash. */
function cells(row: string): string[] {
  return row.slice(1, -1).split(/(?<!\\)\|/);
}

describe("--format markdown", () => {
  const report = buildReport([buildResult("a.html", undefined, [nasty]), buildResult("b.eml", undefined, [])]);
  const markdown = formatMarkdown(report);

  it("has a heading, a table of inputs with score and verdict, and findings by input", () => {
    expect(markdown).toMatch(/^## mail-preflight: 2 inputs checked\n/);
    expect(markdown).toContain("| `a.html` | 2.0 | ❌ fail | 1 | 0 | 0 |");
    expect(markdown).toContain("| `b.eml` | 0.0 | ✅ pass | 0 | 0 | 0 |");
    expect(markdown).toContain("### `a.html`: ❌ fail, score 2.0");
    expect(markdown).toContain("### `b.eml`: ✅ pass, score 0.0\n\nNo findings.");
  });

  it("escapes | and backticks so a finding row keeps its five cells", () => {
    const row = markdown.split("\n").find((line) => line.includes("unrendered-placeholder"))!;
    expect(cells(row)).toHaveLength(5);
    expect(row).toContain("``{{ `name` \\| default }}``");
    expect(row).toContain("{{a\\|b}}");
    expect(row).toContain("&lt;b&gt;");
    expect(row).toContain("text/html 4:2 (file line 30)");
  });

  it("code spans use a fence longer than any backtick run inside", () => {
    expect(code("a``b")).toBe("```a``b```");
    expect(code("`x")).toBe("`` `x ``");
  });

  it("works from the CLI", async () => {
    const run = await runCli(["check", "fixtures/workflow/template-disables.html", "--offline", "--format", "markdown", "--from", "News <news@example.com>"]);
    expect(run.stdout).toMatch(/^## mail-preflight: 1 input checked/);
    expect(run.stdout).toContain("numeric-ip-link");
  });
});
