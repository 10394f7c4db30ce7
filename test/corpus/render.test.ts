// bench/CORPUS.md's SpamAssassin sections, from a handful of made-up records: SpamAssassin's AUC row
// beside ours, the agreement table, the reading of the disagreements, and the note when it did not run.
import { describe, expect, it } from "vitest";
import { renderCorpusNote, type CorpusRun } from "../../bench/lib/render.mjs";
import { agreementByRule, type Explanations, type SpamAssassinResult } from "../../bench/lib/spamassassin-agreement.mjs";
import type { CorpusRecord } from "../../bench/lib/check-one.mjs";

const record = (group: string, file: string, score: number, fired: string[]): CorpusRecord => ({
  group,
  file,
  ms: 1,
  parsed: true,
  subject: `subject of ${file}`,
  score,
  verdict: score >= 5 ? "fail" : "pass",
  evidence: Object.fromEntries(fired.map((id) => [id, `<b>${id}</b> evidence`])),
});
// spam-2 and easy-ham-2 are in the tuning split; SpamAssassin ranks perfectly, we tie one pair (AUC 3.5 / 4)
const records = [
  record("spam-2", "00001.a.txt", 6, ["numeric-ip-link"]),
  record("spam-2", "00002.b.txt", 2, []),
  record("easy-ham-2", "00003.c.txt", 2, ["numeric-ip-link"]),
  record("easy-ham-2", "00004.d.txt", 0, []),
];
const results: SpamAssassinResult[] = [
  { score: 9.1, tests: ["NORMAL_HTTP_TO_IP"], subtests: [] },
  { score: 5.0, tests: ["NORMAL_HTTP_TO_IP"], subtests: [] },
  { score: 1.0, tests: [], subtests: [] },
  { score: -0.1, tests: [], subtests: [] },
];
const rules = [{ id: "numeric-ip-link", counterparts: ["NUMERIC_HTTP_ADDR", "NORMAL_HTTP_TO_IP", "HTTP_ESCAPED_HOST"] }];
const explanations: Explanations = {
  "numeric-ip-link": {
    onlyOurs: [{ class: "difference-of-purpose", why: "A <b>link</b> in prose.", examples: ["easy-ham-2/00003"] }],
    onlyTheirs: [{ class: "their-quirk", why: "Reads comments.", examples: ["spam-2/00002"] }],
  },
};
const base: CorpusRun = {
  records,
  shared: [],
  ruleIds: ["numeric-ip-link"],
  ruleIdsFired: ["numeric-ip-link"],
  catalogueSize: 1,
  withoutModule: [],
  seconds: 1,
  workers: 1,
  splitFilter: "tuning",
  version: "0.0.0",
};
const sideBySide = {
  version: "4.0.1",
  key: "k",
  results,
  fromCache: 4,
  checked: 0,
  seconds: 0,
  missing: 0,
  args: ["-L"],
  processes: 2,
  agreement: agreementByRule(records, results, { "spam-2": "spam", "easy-ham-2": "easy-ham" }, rules),
  network: [{ id: "spf-missing", counterparts: ["SPF_NONE"] }],
  explanations,
  problems: [],
  off: new Set(["NUMERIC_HTTP_ADDR"]),
};

describe("the corpus note with SpamAssassin", () => {
  const { markdown } = renderCorpusNote({ ...base, spamassassin: sideBySide });
  const lines = markdown.split("\n");

  it("puts SpamAssassin's AUC and ≥ 5.0 rates beside ours for the same split", () => {
    expect(lines).toContain("| tuning | mail-preflight | 2 | 2 | 0 | 0.875 | – | 50.0% | 0.0% | – |");
    expect(lines).toContain("| tuning | SpamAssassin 4.0.1 | 2 | 2 | 0 | 1.000 | – | 100.0% | 0.0% | – |");
  });

  it("counts both / only ours / only theirs per kind, marks counterparts it does not run or that never hit, and names the reading", () => {
    expect(lines).toContain(
      "| numeric-ip-link | NUMERIC_HTTP_ADDR *(off)*, NORMAL_HTTP_TO_IP, HTTP_ESCAPED_HOST *(no hit)* | 0 / 1 / 0 | 1 / 0 / 1 | difference of purpose; their quirk |",
    );
    expect(markdown).toContain("spf-missing (SPF_NONE)");
    expect(markdown).toContain("all 4 results from the cache");
  });

  it("reads each class with its examples, escaped for Markdown", () => {
    expect(lines).toContain("- *difference of purpose*: A &lt;b>link&lt;/b> in prose.");
    expect(lines).toContain('  - easy-ham-2/00003 "subject of 00003.c.txt": ours: &lt;b>numeric-ip-link&lt;/b> evidence (SpamAssassin 1: no rule)');
    expect(lines).toContain('  - spam-2/00002 "subject of 00002.b.txt": theirs: NORMAL_HTTP_TO_IP (SpamAssassin 5: NORMAL_HTTP_TO_IP)');
  });
});

describe("the corpus note without SpamAssassin", () => {
  it("says why in one line and leaves its rows and sections out", () => {
    const { markdown } = renderCorpusNote({ ...base, spamassassin: { note: "not installed, side by side skipped (apt-get install spamassassin)" } });
    expect(markdown).toContain("- SpamAssassin: not installed, side by side skipped (apt-get install spamassassin)");
    expect(markdown).not.toContain("| SpamAssassin");
    expect(markdown).not.toContain("rule agreement");
  });
});
