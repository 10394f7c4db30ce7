import { describe, expect, it } from "vitest";
import { scoreOf, scoreOncePerRule, verdictOf } from "../../src/report/score.js";
import type { Finding } from "../../src/rules/engine.js";

const finding = (ruleId: string, severity: Finding["severity"], score: number): Finding => ({
  ruleId,
  category: "content",
  severity,
  score,
  message: `${ruleId} fired`,
  fix: "fix it",
});

describe("score", () => {
  it("counts a rule once per message, however many findings it has", () => {
    const findings = scoreOncePerRule([finding("url-shortener", "warning", 1), finding("url-shortener", "warning", 1), finding("spam-phrases", "warning", 1.5)]);
    expect(findings.map((f) => f.score)).toEqual([1, 0, 1.5]);
    expect(scoreOf(findings)).toBe(2.5);
  });

  it("verdict: fail on any error or score >= 5, warn on any warning or score >= 2, else pass (SPEC)", () => {
    expect(verdictOf([finding("a", "error", 0)], 0)).toBe("fail");
    expect(verdictOf([finding("a", "info", 5)], 5)).toBe("fail");
    expect(verdictOf([finding("a", "warning", 0)], 0)).toBe("warn");
    expect(verdictOf([finding("a", "info", 2)], 2)).toBe("warn");
    expect(verdictOf([finding("a", "info", 1.9)], 1.9)).toBe("pass");
    expect(verdictOf([], 0)).toBe("pass");
  });

  it("rounds sums to one decimal", () => {
    expect(scoreOf([finding("a", "info", 0.1), finding("b", "info", 0.2)])).toBe(0.3);
  });
});
