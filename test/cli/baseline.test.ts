// applyBaseline alone: multiset matching by (input, rule, evidence), and the rule's score moving to
// the first finding that is left when the baseline took the one that carried it.
import { describe, expect, it } from "vitest";
import { applyBaseline } from "../../src/report/baseline.js";
import { buildReport, buildResult } from "../../src/report/build.js";
import { loadCatalogue } from "../../src/rules/catalogue.js";
import type { Finding } from "../../src/report/types.js";

const score = loadCatalogue().get("numeric-ip-link")!.score;
const link = (evidence: string, line: number): Finding => ({
  ruleId: "numeric-ip-link",
  category: "content",
  severity: "error",
  score,
  message: `Link points at a numeric IP address: ${evidence}`,
  evidence,
  location: { part: "text/html", line, column: 1 },
  fix: "Link to a hostname.",
});

describe("applyBaseline", () => {
  it("drops matching findings once each, ignores lines, and re-scores what is left", () => {
    const old = buildReport([buildResult("a.html", undefined, [link("http://192.0.2.1/", 3)])]);
    const now = buildReport([buildResult("a.html", undefined, [link("http://192.0.2.1/", 7), link("http://192.0.2.1/", 8), link("http://192.0.2.2/", 9)])]);
    expect(now.results[0]!.findings.map((f) => f.score)).toEqual([score, 0, 0]);
    const filtered = applyBaseline(now, old);
    expect(filtered.summary.baselineSuppressed).toBe(1);
    expect(filtered.results[0]!.findings.map((f) => [f.evidence, f.location?.line, f.score])).toEqual([
      ["http://192.0.2.1/", 8, score],
      ["http://192.0.2.2/", 9, 0],
    ]);
    expect(filtered.results[0]!.score).toBe(score);
    expect(filtered.summary.errors).toBe(2);
  });

  it.each(["unreadable-input", "internal-error"])("never hides %s: the input was not (fully) checked this time", (ruleId) => {
    const unchecked = (): Finding => ({ ruleId, category: "content", severity: "error", score: 0, message: "Not checked.", evidence: "EIO", fix: "Check the file." });
    const old = buildReport([buildResult("a.eml", undefined, [unchecked()])]);
    const filtered = applyBaseline(buildReport([buildResult("a.eml", undefined, [unchecked()])]), old);
    expect(filtered.summary.baselineSuppressed).toBe(0);
    expect(filtered.results[0]!.findings.map((finding) => finding.ruleId)).toEqual([ruleId]);
  });

  it("matches per input: the same finding in another file is new", () => {
    const old = buildReport([buildResult("a.html", undefined, [link("http://192.0.2.1/", 3)])]);
    const now = buildReport([buildResult("b.html", undefined, [link("http://192.0.2.1/", 3)])]);
    expect(applyBaseline(now, old).results[0]!.findings).toHaveLength(1);
  });
});
