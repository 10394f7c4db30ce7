// What a start-up snapshot (dist/mail-preflight.blob) depends on besides its own code: the node binary
// that built it (a blob loads into no other) and the rules/ data it holds, read at build time from
// this package root. scripts/build-snapshot.mjs writes the key beside the blob (snapshotKey), and
// bin/mail-preflight.js checks it on every run (snapshotKeyHolds) with one stat per path the key
// lists and no directory listing: a file added to or removed from rules/ changes its directory's
// mtime, which the key holds too.
// CommonJS (bin/package.json), as the bin that requires it: an ESM entry cost its node ≈ 6 ms more CPU.
"use strict";
const { readdirSync, statSync } = require("node:fs");
const { join } = require("node:path");

/**
 * The key as JSON: the node binary and directory of the build, the batch's worker threshold (so that
 * the bin need not load dist/batch to know it), and the size and mtime of rules/ and of every file and
 * directory below it.
 */
function snapshotKey(root, workerThreshold) {
  const data = ["rules", ...readdirSync(join(root, "rules"), { recursive: true }).map((path) => join("rules", path))]
    .sort()
    .map((path) => {
      const { size, mtimeMs } = statSync(join(root, path));
      return [path, size, mtimeMs];
    });
  return `${JSON.stringify({ node: process.version, execPath: process.execPath, arch: process.arch, platform: process.platform, root, workerThreshold, data })}\n`;
}

/**
 * Whether a key written by snapshotKey still fits this run: the same node binary and directory, and
 * every path it lists still there with its size and mtime. The parsed key when it does, else undefined.
 */
function snapshotKeyHolds(keyText, root) {
  let key;
  try {
    key = JSON.parse(keyText);
  } catch {
    return undefined;
  }
  if (key?.node !== process.version || key.execPath !== process.execPath || key.arch !== process.arch || key.platform !== process.platform || key.root !== root) return undefined;
  if (!Array.isArray(key.data) || key.data.length === 0 || !Number.isInteger(key.workerThreshold)) return undefined;
  for (const [path, size, mtimeMs] of key.data) {
    const stats = statSync(join(root, path), { throwIfNoEntry: false });
    if (stats?.size !== size || stats.mtimeMs !== mtimeMs) return undefined;
  }
  return key;
}

/**
 * The same key for bin/mail-preflight, the shell launcher, as a script it sources (`.`): the node
 * binary and directory of the build, the batch's worker threshold, and a function telling whether
 * every rules/ file and directory the build read still exists and is older than the blob. A shell
 * has no cheap way to read a size or an exact mtime, so it compares mtimes with `-nt`; a file
 * changed within the blob's own second counts as changed, and the launcher leaves the run to
 * bin/mail-preflight.js, which compares exactly.
 */
function snapshotShellKey(root, workerThreshold) {
  const paths = ["rules", ...readdirSync(join(root, "rules"), { recursive: true }).map((path) => join("rules", path))].sort();
  const quote = (text) => `'${text.replaceAll("'", `'\\''`)}'`;
  return [
    "# written by scripts/build-snapshot.mjs for bin/mail-preflight: where and from what dist/mail-preflight.blob was built",
    `snapshot_node=${quote(process.execPath)}`,
    `snapshot_root=${quote(root)}`,
    `snapshot_worker_threshold=${Number(workerThreshold)}`,
    "snapshot_data_older_than() {",
    `  for data_path in ${paths.map(quote).join(" ")}; do`,
    '    [ -e "$snapshot_root/$data_path" ] && [ "$1" -nt "$snapshot_root/$data_path" ] || return 1',
    "  done",
    "}",
    "",
  ].join("\n");
}

module.exports = { snapshotKey, snapshotKeyHolds, snapshotShellKey };
