// How bin/mail-preflight.js starts (issue 8, start-up): from the V8 snapshot that `npm run build`
// writes (dist/mail-preflight.blob) when it can, else from the bundle in its own process. Both must
// give the same reports; the snapshot must be used by a plain run, and never where it would be wrong.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { root as packageRoot, runCli } from "../helpers/cli.js";
import { createRequire } from "node:module";
import { WORKER_THRESHOLD, workersFromEnv } from "../../src/batch/index.js";

// the bin's CommonJS module (bin/package.json), loaded by node's own require
const keys = createRequire(import.meta.url)("../../bin/snapshot-key.js") as {
  snapshotKey: (root: string, workerThreshold: number) => string;
  snapshotKeyHolds: (keyText: string, root: string) => { workerThreshold: number } | undefined;
  snapshotShellKey: (root: string, workerThreshold: number) => string;
};
const { snapshotKey, snapshotKeyHolds, snapshotShellKey } = keys;

const startedFrom = (stderr: string) => /^mail-preflight: start-up (.*)$/m.exec(stderr)?.[1];
const debug = { MAIL_PREFLIGHT_DEBUG: "1" };

describe("start-up", () => {
  it("a plain run starts from the snapshot that the build wrote", async () => {
    const run = await runCli(["check", "--offline", "fixtures/newsletter.eml"], { env: debug });
    expect(run.code).toBe(0);
    expect(startedFrom(run.stderr)).toBe("from the snapshot");
  });

  it.each([
    ["json", ["fixtures/newsletter.eml", "fixtures/local-link/fires-leftovers.eml", "fixtures/workflow/template-disables.html"]],
    ["text", ["fixtures/newsletter.eml", "fixtures/local-link/fires-leftovers.eml"]],
    ["sarif", ["fixtures/local-link/fires-leftovers.eml"]],
  ])("the snapshot and the bundle print the same %s report", async (format, inputs) => {
    const args = ["check", "--offline", "--format", format, ...inputs];
    const fromSnapshot = await runCli(args, { env: debug });
    const fromBundle = await runCli(args, { env: { ...debug, MAIL_PREFLIGHT_SNAPSHOT: "0" } });
    expect(startedFrom(fromSnapshot.stderr)).toBe("from the snapshot");
    expect(startedFrom(fromBundle.stderr)).toBe("from the bundle: MAIL_PREFLIGHT_SNAPSHOT=0");
    expect(fromSnapshot.code).toBe(fromBundle.code);
    expect(fromSnapshot.stdout).toBe(fromBundle.stdout);
    expect(fromSnapshot.stdout.length).toBeGreaterThan(100);
  });

  it("a check that may start worker threads runs from the bundle (they abort in a process restored from a snapshot)", async () => {
    for (const input of ["fixtures/local-link", "fixtures/local-link/*.eml", "fixtures/inputs/two-messages.mbox"]) {
      const run = await runCli(["check", "--offline", "--format", "json", input], { env: debug });
      expect(run.code, input).toBeLessThan(2);
      expect(startedFrom(run.stderr), input).toBe("from the bundle: the batch may use worker threads");
    }
    const forced = await runCli(["check", "--offline", "--format", "json", "fixtures/newsletter.eml"], { env: { ...debug, MAIL_PREFLIGHT_WORKERS: "2" } });
    expect(startedFrom(forced.stderr)).toBe("from the bundle: the batch may use worker threads");
  });

  it("MAIL_PREFLIGHT_WORKERS=0 or 1 rules worker threads out (as src/batch reads it), so even a directory starts from the snapshot", async () => {
    const args = ["check", "--offline", "--format", "json", "fixtures/local-link"];
    const fromBundle = await runCli(args, { env: { ...debug, MAIL_PREFLIGHT_SNAPSHOT: "0" } });
    for (const workers of ["0", "1"]) {
      const run = await runCli(args, { env: { ...debug, MAIL_PREFLIGHT_WORKERS: workers } });
      expect(startedFrom(run.stderr), workers).toBe("from the snapshot");
      expect(run.code).toBe(fromBundle.code);
      expect(run.stdout).toBe(fromBundle.stdout);
    }
    const many = await runCli(["check", "--offline", "fixtures/newsletter.eml"], { env: { ...debug, MAIL_PREFLIGHT_WORKERS: "3" } });
    expect(startedFrom(many.stderr)).toBe("from the bundle: the batch may use worker threads");
  });

  it("a checkout that was never built, or not since the bin changed, says so in one line and exit 2, not with a stack", () => {
    const copy = mkdtempSync(join(tmpdir(), "not-built-"));
    try {
      mkdirSync(join(copy, "bin"));
      for (const file of ["mail-preflight.js", "snapshot-key.js", "package.json"]) copyFileSync(join(packageRoot, "bin", file), join(copy, "bin", file));
      writeFileSync(join(copy, "package.json"), JSON.stringify({ type: "module" }));
      const runIt = () => spawnSync(process.execPath, [join(copy, "bin", "mail-preflight.js"), "check", "fixtures/newsletter.eml"], { cwd: packageRoot, encoding: "utf8" });
      const run = runIt();
      expect(run.status).toBe(2);
      expect(run.stderr).toBe("mail-preflight: not built: run `npm run build`\n");
      expect(run.stdout).toBe("");
      // a dist/ built before the bin it is run with (a pull without a build): its key is of an older
      // shape, and its bundle lacks what the bin calls
      mkdirSync(join(copy, "dist"));
      writeFileSync(join(copy, "dist", "mail-preflight.blob"), "not a snapshot");
      writeFileSync(join(copy, "dist", "mail-preflight.blob.json"), `${JSON.stringify({ node: process.version, execPath: process.execPath, root: copy, rules: [] })}\n`);
      writeFileSync(join(copy, "dist", "mail-preflight.js"), "export const run = 0;\n");
      const stale = runIt();
      expect(stale.status).toBe(2);
      expect(stale.stderr).toBe("mail-preflight: dist/ was built from older sources: run `npm run build`\n");
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("node options keep the run in the process they were given to", async () => {
    const run = await runCli(["check", "--offline", "fixtures/newsletter.eml"], { env: { ...debug, NODE_OPTIONS: "--no-warnings" } });
    expect(run.code).toBe(0);
    expect(startedFrom(run.stderr)).toBe("from the bundle: node options given");
  });

  // the blob's key names the directory and node binary that built it, so a packed blob could never
  // match where the package is installed: it would be 13 MB in every install, and never read
  it("the package leaves the snapshot out and keeps what an installed copy starts from", () => {
    const packed = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: packageRoot, encoding: "utf8" });
    expect(packed.status, packed.stderr).toBe(0);
    const files = (JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path);
    expect(files.filter((path) => /snapshot|\.blob/.test(path))).toEqual(["bin/snapshot-key.js"]);
    // the shell launcher only ever serves a checkout's snapshot
    expect(files).not.toContain("bin/mail-preflight");
    expect(files).toEqual(expect.arrayContaining(["bin/mail-preflight.js", "dist/mail-preflight.js", "dist/worker.js", "dist/batch/index.js", "dist/index.js"]));
  });

  it("the snapshot's key names the node binary and the directory, and changes with the rules/ data", () => {
    const root = mkdtempSync(join(tmpdir(), "snapshot-key-"));
    try {
      mkdirSync(join(root, "rules", "words"), { recursive: true });
      writeFileSync(join(root, "rules", "words", "en.json"), "{}");
      const before = snapshotKey(root, 200);
      expect(snapshotKey(root, 200)).toBe(before);
      expect(JSON.parse(before)).toMatchObject({ node: process.version, execPath: process.execPath, root, workerThreshold: 200 });
      utimesSync(join(root, "rules", "words", "en.json"), new Date(), new Date(Date.now() + 5000));
      const touched = snapshotKey(root, 200);
      expect(touched).not.toBe(before);
      writeFileSync(join(root, "rules", "blocklists.json"), "[]");
      expect(snapshotKey(root, 200)).not.toBe(touched);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("the bin's check of the key (stats only, no listing) catches a changed, added or removed rules/ file, another node or directory", () => {
    const root = mkdtempSync(join(tmpdir(), "snapshot-key-"));
    const other = mkdtempSync(join(tmpdir(), "snapshot-key-"));
    try {
      mkdirSync(join(root, "rules", "words"), { recursive: true });
      const en = join(root, "rules", "words", "en.json");
      writeFileSync(en, "{}");
      const anHourAgo = new Date(Date.now() - 3_600_000);
      const settle = () => {
        for (const path of [en, join(root, "rules", "words"), join(root, "rules")]) utimesSync(path, anHourAgo, anHourAgo);
      };
      settle();
      const key = snapshotKey(root, 200);
      expect(snapshotKeyHolds(key, root)?.workerThreshold).toBe(200);
      // the same size and mtime but another place, or a key of another node binary
      expect(snapshotKeyHolds(key, other)).toBeUndefined();
      expect(snapshotKeyHolds(key.replace(JSON.stringify(process.execPath), JSON.stringify(`${process.execPath}-other`)), root)).toBeUndefined();
      expect(snapshotKeyHolds("not json", root)).toBeUndefined();
      // the same mtime, another size
      writeFileSync(en, '{"a":1}');
      settle();
      expect(snapshotKeyHolds(key, root)).toBeUndefined();
      writeFileSync(en, "{}");
      settle();
      expect(snapshotKeyHolds(key, root)).toBeDefined();
      utimesSync(en, anHourAgo, new Date(anHourAgo.getTime() + 1));
      expect(snapshotKeyHolds(key, root)).toBeUndefined();
      settle();
      // a file added below rules/ changes only its directory, which the key holds too
      writeFileSync(join(root, "rules", "words", "fr.json"), "{}");
      expect(snapshotKeyHolds(key, root)).toBeUndefined();
      rmSync(join(root, "rules", "words", "fr.json"));
      settle();
      expect(snapshotKeyHolds(key, root)).toBeDefined();
      rmSync(en);
      utimesSync(join(root, "rules", "words"), anHourAgo, anHourAgo);
      expect(snapshotKeyHolds(key, root)).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("the key the build wrote carries src/batch's worker threshold, and the bin reads MAIL_PREFLIGHT_WORKERS as src/batch does", async () => {
    const key = JSON.parse(readFileSync(join(packageRoot, "dist", "mail-preflight.blob.json"), "utf8")) as { workerThreshold: number };
    expect(key.workerThreshold).toBe(WORKER_THRESHOLD);
    for (const workers of ["", "1.5", "two", "-3", "2e0", " 2", "0x2"]) {
      const run = await runCli(["check", "--offline", "fixtures/newsletter.eml"], { env: { ...debug, MAIL_PREFLIGHT_WORKERS: workers } });
      const expected = (workersFromEnv(workers) ?? 0) > 1 ? "from the bundle: the batch may use worker threads" : "from the snapshot";
      expect(startedFrom(run.stderr), JSON.stringify(workers)).toBe(expected);
    }
  });

  describe.skipIf(process.platform === "win32")("bin/mail-preflight, the shell launcher", () => {
    it("starts the snapshot itself and prints the same reports as the bundle", async () => {
      for (const format of ["json", "text"]) {
        const args = ["check", "--offline", "--format", format, "fixtures/newsletter.eml", "fixtures/local-link/fires-leftovers.eml"];
        const fromShell = await runShell(args, debug);
        const fromBundle = await runCli(args, { env: { ...debug, MAIL_PREFLIGHT_SNAPSHOT: "0" } });
        expect(fromShell.stderr).toBe("mail-preflight: start-up from the snapshot\n");
        expect(fromShell.code).toBe(fromBundle.code);
        expect(fromShell.stdout).toBe(fromBundle.stdout);
      }
    });

    it("hands every run the snapshot may not serve to bin/mail-preflight.js", async () => {
      const newsletter = ["check", "--offline", "fixtures/newsletter.eml"];
      const cases: [string[], Record<string, string>, string][] = [
        [newsletter, { NODE_OPTIONS: "--no-warnings" }, "from the bundle: node options given"],
        [newsletter, { MAIL_PREFLIGHT_SNAPSHOT: "0" }, "from the bundle: MAIL_PREFLIGHT_SNAPSHOT=0"],
        [newsletter, { MAIL_PREFLIGHT_WORKERS: "2" }, "from the bundle: the batch may use worker threads"],
        [["check", "--offline", "fixtures/local-link"], {}, "from the bundle: the batch may use worker threads"],
        [["check", "--offline", "fixtures/local-link/*.eml"], {}, "from the bundle: the batch may use worker threads"],
        [["check", "--offline", "fixtures/inputs/two-messages.mbox"], {}, "from the bundle: the batch may use worker threads"],
      ];
      for (const [args, env, expected] of cases) {
        const run = await runShell(args, { ...debug, ...env });
        expect(run.code, args.join(" ")).toBeLessThan(2);
        expect(startedFrom(run.stderr), `${args.join(" ")} ${JSON.stringify(env)}`).toBe(expected);
      }
    });

    it("leaves a run to bin/mail-preflight.js when rules/ changed after the build", () => {
      // a copy of the launcher in a package of its own, whose bin/mail-preflight.js only says it ran
      const root = mkdtempSync(join(tmpdir(), "shell-launcher-"));
      try {
        mkdirSync(join(root, "bin"));
        mkdirSync(join(root, "dist"));
        mkdirSync(join(root, "rules", "words"), { recursive: true });
        copyFileSync(join(packageRoot, "bin", "mail-preflight"), join(root, "bin", "mail-preflight"));
        writeFileSync(join(root, "bin", "mail-preflight.js"), 'process.stderr.write("bin/mail-preflight.js\\n");\n');
        const data = [join(root, "rules", "words", "en.json"), join(root, "rules", "catalogue.json")];
        for (const file of data) writeFileSync(file, "{}");
        const anHourAgo = new Date(Date.now() - 3_600_000);
        for (const path of [...data, join(root, "rules", "words"), join(root, "rules")]) utimesSync(path, anHourAgo, anHourAgo);
        writeFileSync(join(root, "dist", "mail-preflight.blob"), "not a snapshot");
        writeFileSync(join(root, "dist", "mail-preflight.blob.sh"), snapshotShellKey(root, 200));
        const firstLine = () => runShellIn(root, ["--version"]).split("\n")[0];

        expect(firstLine()).toBe("mail-preflight: start-up from the snapshot");
        utimesSync(data[0]!, new Date(), new Date(Date.now() + 5000));
        expect(firstLine()).toBe("bin/mail-preflight.js");
        utimesSync(data[0]!, anHourAgo, anHourAgo);
        expect(firstLine()).toBe("mail-preflight: start-up from the snapshot");
        rmSync(data[1]!);
        expect(firstLine()).toBe("bin/mail-preflight.js");
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  });
});

/** The node running the tests first on PATH, as npm puts the checkout's node there for its scripts. */
const withNodeOnPath = (env: Record<string, string>) => ({ ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}` });

/** `bin/mail-preflight args` from the package root. */
function runShell(args: readonly string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(packageRoot, "bin", "mail-preflight"), args, { cwd: packageRoot, env: withNodeOnPath(env), stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
  });
}

/** What a copy of the launcher under `root` writes to stderr (its snapshot is no snapshot: node then fails). */
function runShellIn(root: string, args: readonly string[]): string {
  return spawnSync(join(root, "bin", "mail-preflight"), args, { env: withNodeOnPath(debug), encoding: "utf8" }).stderr;
}
