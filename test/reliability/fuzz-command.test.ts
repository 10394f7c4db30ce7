// npm run fuzz -- <runs> [<seed>]: a typo is one line and exit 2 before any case runs.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/cli.js";

describe("npm run fuzz's arguments", () => {
  it.each([
    [["--bogus"], 'npm run fuzz: runs must be a whole number, not "--bogus"'],
    [["10", "0x1f"], 'npm run fuzz: seed must be a whole number, not "0x1f"'],
  ])("%j is one line on stderr and exit 2", (args, line) => {
    const run = spawnSync(process.execPath, [`${root}bench/fuzz.mjs`, ...args], { cwd: root, encoding: "utf8" });
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringContaining(line)]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
  });
});
