// A fixed sample of the SpamAssassin public corpus (every 20th message of each group by file name,
// ~300 in all) and every message under ../shared/corpus, through the real session, offline. Each
// must give a report that the JSON Schema accepts, with no exception; `npm run corpus` runs all.
import { existsSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { startSession, type Session } from "../../src/preflight.js";
import { buildReport } from "../../src/report/build.js";
import { GROUPS, listSharedCorpus, sampleSpamAssassin, sharedCorpusDir, type CorpusEntry } from "../../bench/lib/corpus-files.mjs";
import { checkOne, compileReportSchema, type CorpusRecord } from "../../bench/lib/check-one.mjs";

const SAMPLE_STEP = 20;
const sample = sampleSpamAssassin(SAMPLE_STEP);
const validate = compileReportSchema();

let session: Session;
beforeAll(async () => {
  session = await startSession({ offline: true });
});

async function checkAll(entries: readonly CorpusEntry[]): Promise<CorpusRecord[]> {
  const records: CorpusRecord[] = [];
  for (const entry of entries) records.push(await checkOne(session, buildReport, validate, entry));
  return records;
}

const crashesOf = (records: readonly CorpusRecord[]) => records.filter((record) => record.crash).map((record) => `${record.group}/${record.file}: ${record.crash?.kind} ${record.crash?.detail}`);

describe("SpamAssassin corpus sample", () => {
  it("is the same fixed sample every run", () => {
    // 2500 + 1400 + 250 + 500 + 1396 messages, every 20th from the first of each group
    expect(sample.map((entry) => entry.group).filter((group, index, all) => all.indexOf(group) === index)).toEqual(GROUPS.map((group) => group.name));
    expect(sample).toHaveLength(125 + 70 + 13 + 25 + 70);
    expect(sample[1]?.file).toBe("00021.607c41268c5b0d66e81b58713a66d12c.txt");
    expect(`${sample.at(-1)?.group}/${sample.at(-1)?.file}`).toBe("spam-2/01385.af7a1a172a6cd00ad09dc6adecb14cee.txt");
  });

  for (const group of GROUPS) {
    it(`${group.name}: every sampled message gives a schema-valid report, parsed, without an exception`, async () => {
      const records = await checkAll(sample.filter((entry) => entry.group === group.name));
      expect(crashesOf(records)).toEqual([]);
      // the corpus holds real, parseable mail: none may end as "unparseable-message"
      expect(records.filter((record) => !record.parsed).map((record) => record.file)).toEqual([]);
    }, 60_000);
  }
});

const sharedDir = sharedCorpusDir();
const shared = listSharedCorpus(sharedDir);
if (!existsSync(sharedDir)) console.warn(`corpus-sample: ${sharedDir} is absent (a clone keeps ../shared beside the repository); its messages are not checked`);

describe.skipIf(shared.length === 0)(`../shared/corpus (${shared.length} messages)`, () => {
  it("every message gives a schema-valid report, parsed, without an exception", async () => {
    const records = await checkAll(shared);
    expect(crashesOf(records)).toEqual([]);
    expect(records.filter((record) => !record.parsed).map((record) => record.file)).toEqual([]);
  }, 60_000);
});
