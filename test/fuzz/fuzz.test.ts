// Property: whatever the input, a session returns a result whose report the JSON Schema accepts,
// or a UsageError (exit 2); never another exception, never a hang. `npm test` runs a fixed seed and
// a few hundred cases; `npm run fuzz` (bench/fuzz.mjs) runs 10,000 with a printed seed.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession, type Session } from "../../src/preflight.js";
import { buildReport } from "../../src/report/build.js";
import { UsageError } from "../../src/cli/errors.js";
import { expectValidReport } from "../helpers/schema.js";
import { generatedHtml, mutatedMessage, randomBytes, seedMessages, type FuzzInput } from "./arbitraries.js";

const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20250305);
/** One case must end well within this; a slower one counts as a hang. */
const CASE_TIMEOUT_MS = 5_000;
// the SpamAssassin corpus is sampled more densely for the long run
const CORPUS_STEP = TOTAL_RUNS > 1000 ? 5 : 60;

let session: Session;
let seeds: Buffer[];
let caseNumber = 0;
let usageErrors = 0;
let findings = 0;
beforeAll(async () => {
  session = await startSession({ offline: true });
  seeds = seedMessages(CORPUS_STEP);
  console.log(`fuzz: seed ${SEED}, ${TOTAL_RUNS} cases, ${seeds.length} seed messages (replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${TOTAL_RUNS} npm run fuzz)`);
});

async function checkedCleanly(input: FuzzInput): Promise<void> {
  const name = `fuzz-${++caseNumber}.${input.kind}`;
  const started = performance.now();
  let result;
  try {
    result = await session.check({ name, kind: input.kind, firstLine: 1, read: async () => input.bytes });
  } catch (error) {
    if (error instanceof UsageError) {
      usageErrors++;
      return;
    }
    throw error;
  }
  // measured as well as raced: a synchronous stall (a backtracking regex) blocks the timer that races it
  expect(performance.now() - started).toBeLessThan(CASE_TIMEOUT_MS);
  findings += result.findings.length;
  expectValidReport(buildReport([result]));
}

afterAll(() => {
  console.log(`fuzz: ${caseNumber} inputs checked (${usageErrors} usage errors), ${findings} findings, no crash, no hang`);
  // every case reached the session (shrinking may add more)
  expect(caseNumber).toBeGreaterThanOrEqual(TOTAL_RUNS);
});

const runsOf = (share: number) => Math.max(1, Math.round(TOTAL_RUNS * share));
const settings = (share: number, offset: number) => ({ numRuns: runsOf(share), seed: SEED + offset, timeout: CASE_TIMEOUT_MS, markInterruptAsFailure: true, endOnFailure: true });
const testTimeout = (share: number) => 60_000 + runsOf(share) * 200;

describe("fuzz: every input gives a valid report or a UsageError", () => {
  it("arbitrary bytes, as a message and as a template", { timeout: testTimeout(0.15) }, async () => {
    await fc.assert(fc.asyncProperty(randomBytes, checkedCleanly), settings(0.15, 0));
  });

  it("corpus and fixture messages, mutated", { timeout: testTimeout(0.55) }, async () => {
    await fc.assert(fc.asyncProperty(mutatedMessage(seeds), checkedCleanly), settings(0.55, 1));
  });

  it("generated HTML, as a template or in a message with any charset and encoding", { timeout: testTimeout(0.3) }, async () => {
    await fc.assert(fc.asyncProperty(generatedHtml, checkedCleanly), settings(0.3, 2));
  });
});
