// A reader that stops early (`check … | head -1`) or an output that cannot take the report: the run
// ends with a status and at most one line, never node's stack trace of an unhandled 'error' event.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/cli.js";

const bin = `${root}bin/mail-preflight.js`;

interface Ended {
  readonly code: number | null;
  readonly stderr: string;
}

/** Runs the CLI with the given stdout; a pipe there has its reading end closed before the CLI writes. */
function runWithStdout(args: readonly string[], stdout: "pipe" | number, env: Record<string, string> = {}): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: "1", ...env }, stdio: ["ignore", stdout, "pipe"] });
    // node takes ~100 ms to start: the reading end is gone long before the first write
    child.stdout?.destroy();
    const err: Buffer[] = [];
    child.stderr!.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr: Buffer.concat(err).toString("utf8") }));
  });
}

describe("closed or failing standard output", () => {
  it.each([
    ["from the snapshot, streamed JSON", ["check", "--offline", "--format", "json", "fixtures/newsletter.eml"], {}],
    ["from the bundle, text", ["check", "--offline", "fixtures/newsletter.eml", "fixtures/local-link/fires-leftovers.eml"], { MAIL_PREFLIGHT_SNAPSHOT: "0" }],
    ["over a directory", ["check", "--offline", "--format", "json", "fixtures"], {}],
  ])("a reader that closes the pipe ends the run quietly with 141, as SIGPIPE ends grep (%s)", async (_how, args, env) => {
    const run = await runWithStdout(args, "pipe", env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(141);
  });

  it.skipIf(!existsSync("/dev/full"))("an output that fails to take the report is one line and exit 2", async () => {
    const full = openSync("/dev/full", "w");
    try {
      const run = await runWithStdout(["check", "--offline", "fixtures/newsletter.eml"], full);
      expect(run.stderr).toBe("mail-preflight: cannot write the report to standard output: ENOSPC\n");
      expect(run.code).toBe(2);
    } finally {
      closeSync(full);
    }
  });
});
