// What a start-up snapshot (dist/mail-preflight.blob) depends on besides its own code: the node binary
// that built it (a blob loads into no other) and the rules/ data it holds, read at build time from
// this package root. scripts/build-snapshot.mjs writes the key beside the blob; bin/mail-preflight.js
// compares it with the key of the run, which costs one stat per rules/ file.
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export function snapshotKey(root) {
  const rules = readdirSync(join(root, "rules"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const { size, mtimeMs } = statSync(path);
      return [relative(root, path), size, mtimeMs];
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify({ node: process.version, execPath: process.execPath, arch: process.arch, platform: process.platform, root, rules })}\n`;
}

/**
 * The same key for bin/mail-preflight, the shell launcher, as a script it sources (`.`): the node
 * binary and directory of the build, the batch's worker threshold, and a function telling whether
 * every rules/ file and directory the build read still exists and is older than the blob. A shell
 * has no cheap way to read a size or an exact mtime, so it compares mtimes with `-nt`; a file
 * changed within the blob's own second counts as changed, and the launcher leaves the run to
 * bin/mail-preflight.js, which compares exactly.
 */
export function snapshotShellKey(root, workerThreshold) {
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
