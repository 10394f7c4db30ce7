#!/usr/bin/env node
// npm run fit-scores [-- --from-hits] [--check] [--workers N]   (the npm script builds dist/ first)
//
// Fits the catalogue scores of the offline rules on the tuning split of the SpamAssassin corpus
// (issue 7): runs spam-2, easy-ham-2 and hard-ham-1 through dist/, writes the hit
// matrix bench/fit/hits-tuning.tsv, fits (scripts/fit/fit.mjs), writes the scores into
// rules/catalogue/*.json, regenerates the docs that show them, and writes bench/fit/FIT.md.
//   --from-hits  fit the committed matrix; no corpus run
//   --check      write nothing; exit 1 listing every difference from what is committed
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { readCatalogue, ROOT } from "./gen-docs.mjs";
import { rewriteCatalogueScores, scoreDifferences } from "./fit/catalogue-scores.mjs";
import { fitScores } from "./fit/fit.mjs";
import { collectTuningHits, fittableRuleIds, formatHits, hitDifferences, HITS_PATH, parseHits } from "./fit/hits-matrix.mjs";
import { HAND_WRITTEN_MARKER, renderFit } from "./fit/render-fit.mjs";
import { helpFromHeader } from "../bench/lib/help.mjs";

const FIT_NOTE = join(ROOT, "bench/fit/FIT.md");
const BOUNDS_PATH = join(ROOT, "rules/score-bounds.json");
const SHOWN_DIFFERENCES = 20;

helpFromHeader(import.meta.url);
const args = parseOptions();
const workers = Number(args.workers);
if (!Number.isInteger(workers) || workers < 1) usage("--workers must be a positive integer");

const catalogue = readCatalogue(ROOT);
const bounds = JSON.parse(readFileSync(BOUNDS_PATH, "utf8"));
const committedText = existsSync(HITS_PATH) ? readFileSync(HITS_PATH, "utf8") : undefined;
if (args["from-hits"] && committedText === undefined) usage(`${HITS_PATH} is missing: run without --from-hits`);

const hits = args["from-hits"] ? parseHits(committedText) : await runCorpus();
const fit = fitScores({ hits, catalogue, bounds });
const scoreChanges = scoreDifferences(catalogue, fit.scores);
const summary = `tuning AUC ${fit.metrics.aucAllHam.toFixed(3)} (hand-set ${fit.handSet.aucAllHam.toFixed(3)}), hard ham ≥ 5.0 ${(fit.metrics.hardHamAtThreshold * 100).toFixed(1)}%, spam ≥ 5.0 ${(fit.metrics.spamAtThreshold * 100).toFixed(1)}%, scale ${fit.scale}`;

if (args.check) {
  const matrixChanges = args["from-hits"] ? [] : hitDifferences(parseHits(committedText ?? "# rules: \n"), hits);
  report("the hit matrix differs from bench/fit/hits-tuning.tsv", matrixChanges);
  report("catalogue scores differ from the fit", scoreChanges.map(({ id, catalogue: was, fitted }) => `${id}: catalogue ${was}, fit ${fitted}`));
  if (matrixChanges.length > 0 || scoreChanges.length > 0) {
    process.stderr.write("run `npm run fit-scores` and commit the result\n");
    process.exitCode = 1;
  } else process.stdout.write(`fit-scores: catalogue matches the fit; ${summary}\n`);
} else {
  if (!args["from-hits"]) writeFileSync(HITS_PATH, formatHits(hits));
  for (const [path, text] of rewriteCatalogueScores(ROOT, fit.scores)) writeFileSync(path, text);
  // docs/rules/*.md and the README table show the scores: keep them in step (what `npm run docs` does)
  if (scoreChanges.length > 0) execFileSync(process.execPath, [join(ROOT, "scripts/gen-docs.mjs")], { stdio: "inherit" });
  const previous = existsSync(FIT_NOTE) ? readFileSync(FIT_NOTE, "utf8") : "";
  const markerAt = previous.indexOf(HAND_WRITTEN_MARKER);
  const kept = markerAt === -1 ? "" : previous.slice(markerAt + HAND_WRITTEN_MARKER.length + 1);
  writeFileSync(FIT_NOTE, renderFit({ fit, severities: new Map(catalogue.map((rule) => [rule.id, rule.severity])), kept, bounds }));
  process.stdout.write(`fit-scores: ${scoreChanges.length} score(s) changed; ${summary}\nwrote ${args["from-hits"] ? "" : "bench/fit/hits-tuning.tsv, "}rules/catalogue, bench/fit/FIT.md\n`);
}

async function runCorpus() {
  const distDir = join(ROOT, "dist");
  if (!existsSync(join(distDir, "preflight.js"))) usage("dist/preflight.js is missing: run `npm run build` first (or use --from-hits)");
  let lastShown = 0;
  return collectTuningHits({
    ruleIds: fittableRuleIds(catalogue),
    distDir,
    workers,
    onProgress(done, total) {
      if (!process.stderr.isTTY || (done < total && performance.now() - lastShown < 250)) return;
      lastShown = performance.now();
      process.stderr.write(`\r${done}/${total} tuning messages${done === total ? "\n" : ""}`);
    },
  }).catch((error) => {
    process.stderr.write(`fit-scores: ${error.message}\n`);
    process.exit(2);
  });
}

function parseOptions() {
  try {
    return parseArgs({
      options: {
        "from-hits": { type: "boolean", default: false },
        check: { type: "boolean", default: false },
        workers: { type: "string", default: String(Math.min(2, availableParallelism())) },
      },
    }).values;
  } catch (error) {
    // an unknown option or a missing value: node's message is the one line a usage error needs
    return usage(error.message);
  }
}

function report(title, lines) {
  if (lines.length === 0) return;
  process.stderr.write(`${title} (${lines.length}):\n${lines.slice(0, SHOWN_DIFFERENCES).map((line) => `  ${line}\n`).join("")}`);
  if (lines.length > SHOWN_DIFFERENCES) process.stderr.write(`  … and ${lines.length - SHOWN_DIFFERENCES} more\n`);
}

function usage(message) {
  process.stderr.write(`fit-scores: ${message}\n`);
  process.exit(2);
}
