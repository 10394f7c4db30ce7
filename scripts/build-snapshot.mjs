// Builds dist/mail-preflight.blob, the V8 start-up snapshot of dist/snapshot.cjs (scripts/bundle.mjs),
// dist/mail-preflight.blob.json, what bin/mail-preflight.js checks before using it, and
// dist/mail-preflight.blob.sh, the same for the shell launcher bin/mail-preflight.
//
// A blob only loads into the node binary that wrote it (node exits with "Failed to load the startup
// snapshot" otherwise), and it holds the catalogue and word lists of rules/ as they were at build
// time, read from this directory. So the JSON records the node binary, the package root, and each
// rules/ file's size and mtime; the bin runs the blob only when all of them still match, and loads
// the bundle in its own process otherwise. `npm run build` (and so `npm ci`, through `prepare`)
// rebuilds it with the node running the build. For the same reason the package leaves the blob and
// the snapshot's bundles out (package.json "files"): installed elsewhere, a packed blob could never
// match its key, so an installed copy starts from the bundle.
//
// A snapshot that cannot be built (an unusual platform, an unsupported built-in) is not an error:
// the build says so, leaves no blob, and the CLI runs from the bundle.
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import snapshotKeys from "../bin/snapshot-key.js";
import { WORKER_THRESHOLD } from "../dist/batch/index.js";

// a CommonJS module, as the bin that requires it
const { snapshotKey, snapshotShellKey } = snapshotKeys;

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const blob = join(root, "dist", "mail-preflight.blob");
const meta = `${blob}.json`;
const shellMeta = `${blob}.sh`;
const log = `${blob}.log`;
for (const file of [blob, meta, shellMeta, log]) rmSync(file, { force: true });

const built = spawnSync(process.execPath, ["--snapshot-blob", blob, "--build-snapshot", join(root, "dist", "snapshot.cjs")], {
  cwd: root,
  encoding: "utf8",
  // the builder warns about every built-in it has not verified (tty, child_process…) even when unused
  env: { ...process.env, NODE_OPTIONS: "", NODE_NO_WARNINGS: "1" },
});
if (built.status !== 0) {
  rmSync(blob, { force: true });
  writeFileSync(log, built.stderr || built.error?.message || "");
  process.stderr.write(`build-snapshot: no start-up snapshot, the CLI will load its bundle instead (node's output: ${log})\n`);
} else {
  writeFileSync(meta, snapshotKey(root, WORKER_THRESHOLD));
  writeFileSync(shellMeta, snapshotShellKey(root, WORKER_THRESHOLD));
}
