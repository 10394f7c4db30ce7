// The SpamAssassin side by side of `npm run corpus`: reading SpamAssassin's result header, counting
// agreement per rule, checking the hand-written explanations, and the catalogue's counterpart names.
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../src/rules/catalogue.js";
import { parseResultHeader, resultHeaderReader, spamAssassinRuleNames } from "../../bench/lib/spamassassin.mjs";
import { agreementByRule, DISAGREEMENT_CLASSES, explanationProblems, loadExplanations, rulesWithCounterparts, type Explanations, type SpamAssassinResult } from "../../bench/lib/spamassassin-agreement.mjs";
import type { CorpusRecord } from "../../bench/lib/check-one.mjs";

describe("SpamAssassin's result header", () => {
  it("is read folded after commas and at spaces, with the sub-rules' hit counts dropped", () => {
    const lines = [
      "Subject: hello",
      "X-Spam-Preflight: id=0a1b score=4.9 tests=FORGED_HOTMAIL_RCVD2,",
      "\tFREEMAIL_FROM,INVALID_DATE",
      "\tsubtests=__BODY_TEXT_LINE(3),__CT,",
      "\t__E_LIKE_LETTER(126)",
      "Received: from x",
      "X-Spam-Preflight: id=ffee score=-0.1 tests=none subtests=",
      "",
      "X-Spam-Preflight: not ours",
    ];
    const results: unknown[] = [];
    const reader = resultHeaderReader((result) => results.push(result));
    for (const line of lines) reader.line(line);
    reader.end();
    expect(results).toEqual([
      { id: "0a1b", score: 4.9, tests: ["FORGED_HOTMAIL_RCVD2", "FREEMAIL_FROM", "INVALID_DATE"], subtests: ["__BODY_TEXT_LINE", "__CT", "__E_LIKE_LETTER"] },
      { id: "ffee", score: -0.1, tests: [], subtests: [] },
    ]);
  });

  it("without a score or an id is not a result", () => {
    expect(parseResultHeader("id=ab score=_SCORE_ tests=none subtests=")).toBeUndefined();
    expect(parseResultHeader("score=1.0 tests=none subtests=")).toBeUndefined();
  });
});

const record = (group: string, file: string, fired: string[]): CorpusRecord => ({
  group,
  file,
  ms: 1,
  parsed: true,
  subject: file,
  score: fired.length,
  verdict: "pass",
  evidence: Object.fromEntries(fired.map((id) => [id, `${id} evidence`])),
});
const result = (tests: string[], subtests: string[] = []): SpamAssassinResult => ({ score: tests.length, tests, subtests });
const kindOf = { "spam-2": "spam", "easy-ham-2": "easy-ham" };

describe("agreement per rule", () => {
  const records = [
    record("spam-2", "00001.aa.txt", ["numeric-ip-link"]),
    record("spam-2", "00002.bb.txt", ["numeric-ip-link"]),
    record("spam-2", "00003.cc.txt", []),
    record("easy-ham-2", "00004.dd.txt", []),
    record("easy-ham-2", "00005.ee.txt", ["numeric-ip-link"]),
    { group: "spam-2", file: "00006.ff.txt", ms: 1, crash: { kind: "exception" as const, detail: "boom" } },
    record("spam-2", "00007.gg.txt", ["numeric-ip-link"]),
  ];
  const results = [
    result(["NORMAL_HTTP_TO_IP"]),
    result([]),
    result([], ["__IP_SUB"]),
    result(["NORMAL_HTTP_TO_IP", "OTHER"]),
    result([]),
    result(["NORMAL_HTTP_TO_IP"]),
    undefined,
  ];
  const [rule] = agreementByRule(records, results, kindOf, [{ id: "numeric-ip-link", counterparts: ["NORMAL_HTTP_TO_IP", "__IP_SUB"] }]);

  it("counts both, only ours, only theirs (a sub-rule counts) and neither per kind; crashed or unscored messages are left out", () => {
    expect(rule?.byKind).toEqual({
      spam: { both: 1, onlyOurs: 1, onlyTheirs: 1, neither: 0 },
      "easy-ham": { both: 0, onlyOurs: 1, onlyTheirs: 1, neither: 0 },
    });
    expect(rule?.onlyTheirs.map((item) => [item.record.file, item.hit])).toEqual([
      ["00003.cc.txt", ["__IP_SUB"]],
      ["00004.dd.txt", ["NORMAL_HTTP_TO_IP"]],
    ]);
    expect(rule?.onlyOurs.map((item) => item.record.file)).toEqual(["00002.bb.txt", "00005.ee.txt"]);
  });

  it("finds what the explanations leave out or get wrong", () => {
    const agreement = rule ? [rule] : [];
    const covered: Explanations = {
      "numeric-ip-link": {
        onlyOurs: [{ class: "difference-of-purpose", why: "…", examples: ["spam-2/00002", "easy-ham-2/00005"] }],
        onlyTheirs: [{ class: "their-quirk", why: "…", examples: ["spam-2/00003"] }],
      },
    };
    expect(explanationProblems(agreement, covered)).toEqual([]);
    expect(explanationProblems(agreement, {})).toEqual(["numeric-ip-link: no explanation of its disagreements with NORMAL_HTTP_TO_IP, __IP_SUB"]);
    expect(
      explanationProblems(agreement, {
        "numeric-ip-link": { onlyOurs: [{ class: "a-guess", why: "…", examples: ["spam-2/00001"] }] },
        "url-shortener": { onlyOurs: [] },
      }),
    ).toEqual([
      "url-shortener: explained, but it has no SpamAssassin counterpart compared offline",
      'numeric-ip-link: unknown class "a-guess" (our-bug, their-quirk, difference-of-purpose)',
      "numeric-ip-link: example spam-2/00001 is no longer only ours",
      "numeric-ip-link: 2 messages only theirs, no class explains them",
    ]);
  });
});

describe("the catalogue's SpamAssassin counterparts", () => {
  const { offline, network } = rulesWithCounterparts(loadCatalogue());

  // A rule that gains counterparts is read against SpamAssassin's hits by `npm run corpus`, which warns
  // until bench/spamassassin-agreement.json explains it: that needs SpamAssassin, which a test run may
  // not have. What a test can check is that the file explains no rule that has no counterparts.
  it("bench/spamassassin-agreement.json explains only offline rules with counterparts, with known classes", () => {
    const explanations = loadExplanations();
    expect(Object.keys(explanations).filter((id) => !offline.some((rule) => rule.id === id))).toEqual([]);
    const classes = Object.values(explanations).flatMap((entry) => [...(entry.onlyOurs ?? []), ...(entry.onlyTheirs ?? [])].map((item) => item.class));
    expect(classes.filter((name) => !(name in DISAGREEMENT_CLASSES))).toEqual([]);
  });

  const defined = spamAssassinRuleNames();
  it.skipIf(defined.size === 0)("name rules that SpamAssassin's installed rule files define", () => {
    const unknown = [...offline, ...network].flatMap((rule) => rule.counterparts.filter((name) => !defined.has(name)).map((name) => `${rule.id}: ${name}`));
    expect(unknown).toEqual([]);
  });
});
