// Bundles the CLI for start-up (issue 8, target 1). `tsc` still writes dist/ for the library API
// ("exports" → dist/index.js) and its types; this adds, next to it:
//   dist/mail-preflight.js, dist/worker.js, dist/chunk-*.js — the CLI and the batch worker as ESM
//     with shared chunks, so a run reads a few files instead of ≈290 modules (no CommonJS lexing,
//     no resolution) and loads only the chunks it imports (no DNS or mailauth code offline);
//   dist/snapshot.cjs — the same CLI as one CommonJS file, the entry of the V8 start-up snapshot
//     (scripts/build-snapshot.mjs), because `node --build-snapshot` runs a single script; and
//     dist/snapshot-dns.cjs, the DNS audit it requires only when a run goes online.
// Both live directly in dist/ so that src/paths.ts ("one directory below the package root") and the
// batch pool's `new URL("./worker.js", import.meta.url)` resolve as they do in tsc's output.
import { build } from "esbuild";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
  // No keepNames: it wraps every function and closure in __name(), an Object.defineProperty each time
  // a closure is created, and the batch path paid ~1.2 s of CPU per 1,000 corpus messages for it
  // (3.99 → 5.17 s, one thread). Stack traces (MAIL_PREFLIGHT_DEBUG=1) still name functions; only
  // one whose name collides with another module's shows esbuild's suffix ("check2").
  keepNames: false,
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

// The snapshot keeps this file's source in its heap, and every run deserialises that heap: without
// comments and indentation the source is 3.4 MB instead of 4.6 MB, and in ASCII V8 stores it one
// byte a character instead of two (it was 9.2 MB of a 22 MB heap). esbuild escapes non-ASCII in
// strings, templates and names but leaves regex literals as written ("[’ʼ`´]"); outside comments,
// which minifyWhitespace drops, those are all that is left, and \uXXXX means the same there
// (a surrogate pair is one code point in a /u pattern).
const snapshotEntry = join(dist, "snapshot.cjs");
const commonJs = {
  ...common,
  format: "cjs",
  // CommonJS has no import.meta: give src/paths.ts and the batch pool this file's URL instead
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
};
await build({ ...commonJs, entryPoints: ["src/cli/snapshot.ts"], outfile: snapshotEntry, minifyWhitespace: true, plugins: [dnsOnDemand(), linkifyOnFirstUse(), noGbkTableAtLoad()] });
await build({
  ...commonJs,
  stdin: {
    contents: 'export { createResolver, ResolverSpecError } from "./src/dns/index.js"; export { runAudit } from "./src/audit/index.js";',
    resolveDir: root,
    loader: "ts",
  },
  outfile: join(dist, "snapshot-dns.cjs"),
});
const source = readFileSync(snapshotEntry, "utf8");
// an identity escape ("\’") would turn into an escaped backslash followed by "u2019"
if (/\\[^\x00-\x7f]/.test(source)) throw new Error("bundle: a non-ASCII character after a backslash in dist/snapshot.cjs; escape it in the source");
writeFileSync(snapshotEntry, source.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`));

/**
 * The DNS audit (mailauth, joi, dns-packet…: 1.5 of the snapshot bundle's 3.4 MB) never runs
 * offline, and in the snapshot it would only add to the heap every run deserialises (measured:
 * 107 → 102 ms of CPU for the newsletter). src/dns-check.ts imports it on demand; in the snapshot
 * bundle that import becomes a require() of dist/snapshot-dns.cjs, its own CommonJS bundle.
 * A restored snapshot has no import() ("A dynamic import callback was not specified"), but
 * createRequire works there.
 */
function dnsOnDemand() {
  return {
    name: "dns-on-demand",
    setup(build) {
      build.onResolve({ filter: /^\.\/(dns|audit)\/index\.js$/ }, (args) =>
        args.importer === join(root, "src", "dns-check.ts") ? { path: "snapshot-dns", namespace: "dns-on-demand" } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: "dns-on-demand" }, () => ({
        contents: 'module.exports = require("node:module").createRequire(__bundleUrl)("./snapshot-dns.cjs");',
        loader: "js",
      }));
    },
  };
}

/**
 * mailparser builds a linkify-it instance with the full TLD list when it loads (its text-to-HTML
 * links), and the snapshot would hold it: 1.15 MB of the heap every run deserialises (the instance's
 * compiled patterns 0.85 MB, the list 0.3 MB; a heap snapshot of the warmed-up bundle). Our parser
 * options switch that feature off (src/message/decode.ts), so in the snapshot bundle mailparser gets a
 * stand-in that records its configuring calls (tlds, add, set) and builds the real instance, list and
 * all, only if anything else is asked of it. The ESM bundle keeps mailparser as it is.
 */
function linkifyOnFirstUse() {
  const mailParser = /[\\/]mailparser[\\/]dist[\\/]esm[\\/]mail-parser\.js$/;
  return {
    name: "linkify-on-first-use",
    setup(build) {
      build.onResolve({ filter: /^(linkify-it|\.\/tlds\.cjs)$/ }, async (args) => {
        if (!mailParser.test(args.importer)) return undefined;
        const real = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir });
        if (real.errors.length > 0) return { errors: real.errors };
        const tlds = args.path === "linkify-it" ? await build.resolve("./tlds.cjs", { kind: args.kind, resolveDir: args.resolveDir }) : real;
        return { path: real.path, namespace: args.path === "linkify-it" ? "lazy-linkify" : "lazy-tlds", pluginData: { tlds: tlds.path } };
      });
      // the stand-in for the list, which the stand-in for linkify-it knows: the same path and namespace
      // are one module in esbuild's bundle
      build.onResolve({ filter: /^lazy-tlds:/ }, (args) => ({ path: args.path.slice("lazy-tlds:".length), namespace: "lazy-tlds" }));
      build.onLoad({ filter: /.*/, namespace: "lazy-tlds" }, (args) => ({
        contents: `module.exports = { load: () => require(${JSON.stringify(args.path)}) };`,
        loader: "js",
        resolveDir: root,
      }));
      build.onLoad({ filter: /.*/, namespace: "lazy-linkify" }, (args) => ({
        contents: `
          import realLinkifyIt from ${JSON.stringify(args.path)};
          import tldsStandIn from ${JSON.stringify(`lazy-tlds:${args.pluginData.tlds}`)};
          export default function linkifyIt() {
            const calls = [];
            let real;
            const built = () => {
              if (real === undefined) {
                real = realLinkifyIt();
                for (const [method, args] of calls) real[method](...args.map((arg) => (arg === tldsStandIn ? tldsStandIn.load() : arg)));
              }
              return real;
            };
            const standIn = new Proxy({}, {
              get(_target, key) {
                if (real === undefined && (key === "tlds" || key === "add" || key === "set")) return (...args) => (calls.push([key, args]), standIn);
                const value = built()[key];
                return typeof value === "function" ? value.bind(real) : value;
              },
            });
            return standIn;
          }`,
        loader: "js",
        resolveDir: root,
      }));
    },
  };
}

/**
 * libmime takes the decoder class all of iconv-lite's double-byte codecs share from the GBK codec
 * when it loads (`iconv.getCodec('gbk').decoder`), which builds GBK's tables: 0.55 MB of the
 * snapshot's heap, for Chinese mail only. The snapshot bundle reads the same class from iconv-lite's
 * DBCS codec (`iconv.encodings._dbcs.prototype.decoder`; libmime has loaded iconv-lite's encodings
 * by then, through `getCodec` on its unsupported codecs), so a GBK message builds the tables when it
 * comes, as the bundle path does. A libmime whose source no longer has that expression fails the build.
 */
function noGbkTableAtLoad() {
  // both of libmime's builds are in the bundle: mailparser imports the ESM one, mailsplit requires the CommonJS one
  const expression = /\b(iconv|iconv_lite_1\.default)\.getCodec\('gbk'\)\.decoder/g;
  return {
    name: "no-gbk-table-at-load",
    setup(build) {
      build.onLoad({ filter: /[\\/]libmime[\\/]dist[\\/](esm|cjs)[\\/]charset\.js$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        if ((source.match(expression) ?? []).length !== 1) return { errors: [{ text: `no-gbk-table-at-load: libmime's getCodec('gbk').decoder is not in ${args.path} once; update scripts/bundle.mjs` }] };
        return { contents: source.replace(expression, "($1.getCodec('utf-8'), $1.encodings._dbcs.prototype.decoder)"), loader: "js" };
      });
    },
  };
}
