// Bundles the CLI for start-up (issue 8, target 1). `tsc` still writes dist/ for the library API
// ("exports" → dist/index.js) and its types; this adds, next to it:
//   dist/mail-preflight.js, dist/worker.js, dist/chunk-*.js — the CLI and the batch worker as ESM
//     with shared chunks, so a run reads a few files instead of ≈290 modules (no CommonJS lexing,
//     no resolution) and loads only the chunks it imports (no DNS or mailauth code offline);
//   dist/snapshot.cjs — the same CLI as one CommonJS file, the entry of the V8 start-up snapshot
//     (scripts/build-snapshot.mjs), because `node --build-snapshot` runs a single script.
// Both live directly in dist/ so that src/paths.ts ("one directory below the package root") and the
// batch pool's `new URL("./worker.js", import.meta.url)` resolve as they do in tsc's output.
import { build } from "esbuild";
import { readdirSync, rmSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

// chunk names carry a content hash: drop the previous build's so dist/ holds only live ones
for (const file of readdirSync(dist)) if (/^chunk-[A-Z0-9]+\.js$/.test(file)) rmSync(join(dist, file));

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  target: "node22",
  logLevel: "warning",
  // stack traces (MAIL_PREFLIGHT_DEBUG=1) keep our function names
  keepNames: true,
};

await build({
  ...common,
  entryPoints: { "mail-preflight": "src/cli/main.ts", worker: "src/batch/worker.ts" },
  format: "esm",
  splitting: true,
  outdir: dist,
  chunkNames: "chunk-[hash]",
  // bundled CommonJS dependencies (mailparser's, libmime, tldts…) call require() for Node built-ins
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
});

await build({
  ...common,
  entryPoints: ["src/cli/snapshot.ts"],
  format: "cjs",
  outfile: join(dist, "snapshot.cjs"),
  // CommonJS has no import.meta: give src/paths.ts and the batch pool this file's URL instead
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
});
