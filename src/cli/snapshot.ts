// Entry of the V8 start-up snapshot (scripts/build-snapshot.mjs; bin/mail-preflight.js runs node
// with the blob). `node --build-snapshot` runs this module's top level once, at build time: it loads
// the modules of an offline check and checks two small drafts, so mailparser, cheerio, tldts and
// every rule are evaluated and the catalogue, word lists and phrase matchers are built. All of that
// is in the heap the snapshot restores; a run starts at the main function below, in `main()`.
// Only what is the same on every run may be prepared here: no cwd, environment, argv or streams
// (chalk's colour level, the config file and the progress bar are all decided per run), and no
// native handle: the drafts have no IP-address link, so src/domain's BlockLists are not built yet.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString, startupSnapshot } from "node:v8";
import { main } from "./main.js";
import { startSession } from "../preflight.js";
import { buildReport } from "../report/build.js";
import { formatText } from "../format/text.js";
import { formatJson } from "../format/json.js";

const DRAFT = [
  "From: News <news@example.com>",
  "To: reader@example.org",
  "Subject: This week",
  "Date: Mon, 2 Nov 2026 09:00:00 +0000",
  "Message-ID: <warm-up@example.com>",
  "List-Unsubscribe: <https://example.com/unsubscribe>",
  "MIME-Version: 1.0",
  'Content-Type: multipart/alternative; boundary="b"',
  "",
  "--b",
  "Content-Type: text/plain; charset=utf-8",
  "",
  "Hello, the news of the week: https://example.com/news",
  "--b",
  "Content-Type: text/html; charset=utf-8",
  "Content-Transfer-Encoding: quoted-printable",
  "",
  '<html><body><p style=3D"color:#333">Hello, <a href=3D"https://example.com/news">the news</a>.</p>',
  '<img src=3D"https://example.com/logo.png" alt=3D"Logo"><p><a href=3D"https://example.com/unsubscribe">Unsubscribe</a></p></body></html>',
  "--b--",
  "",
].join("\r\n");

const TEMPLATE = '<html><body><h1>Hello {{name}}</h1><a href="https://example.com/">Read</a></body></html>';

async function warmUp(): Promise<void> {
  // the modules `check` imports on demand, so the snapshot holds them evaluated
  await Promise.all([import("./check.js"), import("../batch/index.js"), import("./progress.js"), import("./inputs.js")]);
  const session = await startSession({ offline: true });
  const results = [
    await session.check({ name: "warm-up.eml", kind: "eml", firstLine: 1, read: async () => Buffer.from(DRAFT) }),
    await session.check({ name: "warm-up.html", kind: "html", firstLine: 1, read: async () => Buffer.from(TEMPLATE) }),
  ];
  const report = buildReport(results);
  formatText(report, { color: false });
  formatJson(report);
  await warmCommandLine();
}

/**
 * A whole `check` through main(), so that commander's parsing, runCheck and writeReport are compiled
 * into the snapshot too (lazily compiled at every run otherwise). It writes its report to a file: the
 * streams a run writes to are its own (node gives a restored snapshot fresh stdio objects, without the
 * listeners main() adds here), and nothing else main() touches outlives the call.
 */
async function warmCommandLine(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "mail-preflight-snapshot-"));
  try {
    writeFileSync(join(dir, "warm-up.eml"), DRAFT);
    const code = await main(["check", "--offline", "--output", join(dir, "report.txt"), join(dir, "warm-up.eml")]);
    if (code > 1) throw new Error(`the warm-up check through main() ended with exit code ${code}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// a rejected warm-up ends `node --build-snapshot` with an unhandled rejection before it writes the
// blob, so a broken snapshot is never written: scripts/build-snapshot.mjs says so and leaves runs to
// the bundle (not a build error), and test/cli/startup.test.ts fails on a plain run from the bundle
void warmUp();

startupSnapshot.setDeserializeMainFunction(() => {
  // TurboFan later than V8's default: a check of one newsletter spent 30-75 ms of CPU (on a
  // background thread) compiling htmlparser2's tokenizer loop and the phrase matcher's word scan
  // for OSR (--log-function-events), too late to pay back in a run that short. Ten times V8's
  // thresholds leaves a short run to Maglev and still optimises a long one. Measured with the flags
  // on the command line (CPU, medians, load 9-11): newsletter 189 -> 166 ms (15 runs); a 20 MB
  // message 2.35 -> 2.02 s (3 runs), where --max-opt=2 instead took 1.9x as long. Set here rather
  // than on node's command line, where a flag a later V8 drops would stop node from starting.
  setFlagsFromString("--invocation-count-for-osr=8000");
  setFlagsFromString("--invocation-count-for-turbofan=30000");
  // bin/mail-preflight.js starts `node --snapshot-blob <blob> -- <args>`: argv is [node, ...args]
  void main(process.argv.slice(1)).then((code) => {
    process.exitCode = code;
  });
});
