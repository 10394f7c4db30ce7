// npm run fit-scores as a maintainer types it: a wrong option is one line and exit 2, not a stack trace.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../bench/lib/corpus-files.mjs";

const fitScores = (...args: string[]) => spawnSync(process.execPath, [join(REPO_ROOT, "scripts/fit-scores.mjs"), ...args], { cwd: REPO_ROOT, encoding: "utf8" });

describe("fit-scores command line", () => {
  it.each([
    [["--bogus"], "fit-scores: Unknown option '--bogus'"],
    [["--workers"], "fit-scores: Option '--workers <value>' argument missing"],
    [["--from-hits", "--workers", "0"], "fit-scores: --workers must be a positive integer"],
  ])("%j is one line on stderr and exit 2", (args, line) => {
    const run = fitScores(...args);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringContaining(line)]);
    expect(run.status).toBe(2);
  });
});
