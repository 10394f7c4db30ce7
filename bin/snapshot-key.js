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
