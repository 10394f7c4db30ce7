// MessageModels of two builds compared (serialised: the DOM as its HTML and visible text, file positions
// sampled, attachment heads as hex): every fixture, the shared corpus, the SpamAssassin tuning split
// (never the held-out groups) and fuzz cases seeded from fixtures and the tuning split. A parser change
// that must not change behaviour is held to it. Needs the type-stripping hook for test/fuzz:
//   node --import ./bench/perf/ts-hooks.mjs bench/perf/model-identity.mjs <old dist> <new dist> [fuzz cases] [seed]
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { globSync } from "tinyglobby";
import fc from "fast-check";
const root = fileURLToPath(new URL("../..", import.meta.url));
const [baseDist, newDist, fuzzRuns = "3000", seed = "777"] = process.argv.slice(2);
const base = await import(`${baseDist}/message/parse.js`);
const next = await import(`${newDist}/message/parse.js`);
// how many take decode-single's path (src/message/decode-single.ts), when the new build has it
const single = await import(`${newDist}/message/decode-single.js`).catch(() => ({ decodeSinglePart: () => undefined }));
const { listSpamAssassin, listSharedCorpus, readMessage } = await import(`${root}/bench/lib/corpus-files.mjs`);
const { mutatedMessage, randomBytes, generatedHtml } = await import(`${root}/test/fuzz/arbitraries.ts`);

function summarise(model) {
  const positions = (part) => part?.toFilePosition ? [1, 2, 3, 5, 10, 50].map((l) => part.toFilePosition(l, 3)) : undefined;
  return JSON.stringify({
    ...model,
    htmlBody: model.htmlBody ? { source: model.htmlBody.source, visibleText: model.htmlBody.visibleText, elements: model.htmlBody.elements.length, html: model.htmlBody.$.html(), loc: model.htmlBody.locate(17) } : undefined,
    htmlPos: positions(model.html), textPos: positions(model.text),
    attachments: model.attachments.map((a) => ({ ...a, head: Buffer.from(a.head).toString("hex") })),
  });
}
async function one(parse, bytes, kind) {
  try { return summarise(parse.buildModel(await parse.readMessage(bytes, "x", { kind }))); } catch (e) { return `ERR ${e.message}`; }
}
let compared = 0, fast = 0; const diffs = [];
async function check(label, bytes, kind = "eml") {
  const [a, b] = [await one(base, bytes, kind), await one(next, bytes, kind)];
  compared++;
  if (kind === "eml" && single.decodeSinglePart(Buffer.from(bytes))) fast++;
  if (a !== b) { diffs.push(label); if (diffs.length <= 5) console.log("DIFF", label, a.slice(0, 300), "\n ---\n", b.slice(0, 300)); }
}
const groups = { fixtures: 0, shared: 0, tuning: 0, fuzz: 0 };
for (const path of globSync(["fixtures/**/*.eml", "fixtures/**/*.html", "fixtures/**/*.htm"], { cwd: root, absolute: true }).sort()) { await check(path, readFileSync(path), /\.html?$/.test(path) ? "html" : "eml"); groups.fixtures++; }
for (const entry of listSharedCorpus()) { await check(entry.path, readMessage(entry.path)); groups.shared++; }
const tuning = listSpamAssassin().filter((entry) => entry.split === "tuning");
for (const entry of tuning) { await check(entry.path, readMessage(entry.path)); groups.tuning++; }
// fuzz seeds: fixtures and the tuning split only (never the held-out groups)
const seeds = [...globSync(["fixtures/**/*.eml"], { cwd: root, absolute: true }).sort(), ...tuning.filter((_, i) => i % 10 === 0).map((e) => e.path)].map((p) => readFileSync(p));
const arb = fc.oneof({ weight: 6, arbitrary: mutatedMessage(seeds) }, { weight: 1, arbitrary: randomBytes }, { weight: 3, arbitrary: generatedHtml });
const cases = fc.sample(arb, { numRuns: Number(fuzzRuns), seed: Number(seed) });
for (const [i, c] of cases.entries()) { await check(`fuzz#${i}`, c.bytes, c.kind); groups.fuzz++; }
console.log(JSON.stringify({ groups, compared, fastPath: fast, differing: diffs.length, first: diffs.slice(0, 20) }));
