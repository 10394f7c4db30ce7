// npm run corpus, bench, fuzz and fit-scores as a maintainer types them: a wrong option is one line and
// exit 2, not parseArgs' stack trace, and --help prints the usage. Only those are run here: both end
// before any work starts.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../bench/lib/corpus-files.mjs";

const run = (script: string, ...args: string[]) => spawnSync(process.execPath, [join(REPO_ROOT, script), ...args], { cwd: REPO_ROOT, encoding: "utf8" });

describe("bench command lines", () => {
  it.each([
    ["bench/corpus.mjs", ["--bogus"], "corpus: Unknown option '--bogus'"],
    ["bench/corpus.mjs", ["--split"], "corpus: Option '--split <value>' argument missing"],
    ["bench/corpus.mjs", ["--split", "everything"], "corpus: --split must be all, tuning or held-out, not everything"],
    ["bench/run.mjs", ["--bogus"], "bench: Unknown option '--bogus'"],
    ["bench/run.mjs", ["--only"], "bench: Option '--only <value>' argument missing"],
  ])("%s %j is one line on stderr and exit 2", (script, args, line) => {
    const result = run(script, ...args);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringContaining(line)]);
    expect(result.status).toBe(2);
  });

  it.each([
    ["bench/run.mjs", ["--help"], "npm run bench"],
    ["bench/corpus.mjs", ["-h"], "npm run corpus"],
    ["bench/fuzz.mjs", ["--help"], "npm run fuzz"],
    ["scripts/fit-scores.mjs", ["--help"], "--from-hits"],
  ])("%s %j prints the script's usage and exits 0, doing nothing else", (script, args, usage) => {
    const result = run(script, ...args);
    expect(result.stdout).toContain(usage);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
