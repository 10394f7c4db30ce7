// The realistic newsletters a careful sender would write: every rule runs, none raises an error or a warning.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startSession } from "../../src/preflight.js";
import { expectValidReport } from "../helpers/schema.js";
import { buildReport } from "../../src/report/build.js";

const newsletters = ["fixtures/newsletter.eml", "fixtures/newsletter-it.eml", "fixtures/newsletter-ru.eml"];

describe("clean newsletters", () => {
  it.each(newsletters)("%s: no error, no warning from any rule", async (path) => {
    const session = await startSession({ offline: true });
    const result = await session.check({ name: path, path, kind: "eml", firstLine: 1, read: async () => readFileSync(path) });
    expectValidReport(buildReport([result]));
    const loud = result.findings.filter((finding) => finding.severity !== "info");
    expect(loud.map((finding) => `${finding.ruleId}: ${finding.message}`)).toEqual([]);
    expect(result.verdict).toBe("pass");
    // offline: the DNS rules are listed as skipped, never silently dropped
    expect(result.findings.map((finding) => finding.ruleId)).toContain("dns-skipped");
  });
});
