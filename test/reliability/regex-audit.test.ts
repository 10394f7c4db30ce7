// Every message rule over adversarial strings — long runs of one character and near-misses of the
// patterns rules look for — in the subject, the HTML (text and attribute) and the text part. A regex
// that backtracks catastrophically turns one of these into seconds or hours; the bound here is
// generous (500 ms per rule per input), a tripwire, not a benchmark. `npm run regex-audit` checks the
// regexes themselves with recheck.
import { beforeAll, describe, expect, it } from "vitest";
import { parseMessage } from "../../src/message/parse.js";
import { loadRules, type LoadedRules } from "../../src/rules/engine.js";
import { loadCatalogue } from "../../src/rules/catalogue.js";
import type { MessageModel } from "../../src/message/model.js";

// CPU time of this process (the test file runs in a process of its own: vitest's "forks" pool), not
// wall time: a backtracking regex burns CPU, while a loaded machine (2 cores, load 10 here) only
// stretches the wall clock; with wall time a 330 ms check read 575-1,200 ms and failed the run.
const BOUND_MS = 500;
const PARSE_BOUND_MS = 3000;
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};
/**
 * Rules found slow here and not yet fixed (rule code belongs to its owner): skipped, and listed in
 * the test output, so the audit stays green for everything else. Remove an entry once fixed.
 */
const KNOWN_SLOW: Readonly<Record<string, string>> = {};

export const ADVERSARIAL: Readonly<Record<string, string>> = {
  "http:// × 10,000": "http://".repeat(10_000),
  "a × 100,000 + !": `${"a".repeat(100_000)}!`,
  "{{ × 50,000": "{{".repeat(50_000),
  "% × 100,000": "%".repeat(100_000),
  "*| × 50,000": "*|".repeat(50_000),
  "${ × 50,000": "${".repeat(50_000),
  "nested brackets": `${"([{<".repeat(25_000)}${">}])".repeat(25_000)}`,
  "space × 100,000 + x": `${" ".repeat(100_000)}x`,
  "www. × 25,000": "www.".repeat(25_000),
  "a. × 50,000 (a domain that never ends)": "a.".repeat(50_000),
  "1. × 50,000 (an IP that never ends)": "1.".repeat(50_000),
  "A! × 50,000 (caps and punctuation)": "A!".repeat(50_000),
  "unsubscribe × 8,000": "unsubscribe ".repeat(8_000),
  "=?utf-8?Q? × 10,000": "=?utf-8?Q?".repeat(10_000),
  "&# × 50,000": "&#".repeat(50_000),
  "a@ × 50,000": "a@".repeat(50_000),
  "- × 100,000": "-".repeat(100_000),
  "\\t\\r × 50,000": "\t\r".repeat(50_000),
  "FREE money × 10,000": "FREE money!!! ".repeat(10_000),
  "emoji × 50,000": "😀".repeat(50_000),
  "url-ish × 10,000": "https://a.b/?u=https%3A%2F%2F".repeat(4_000),
  // attack strings recheck built for our own patterns (npm run regex-audit)
  "url(U × 20,000 (CSS url())": "URL(U".repeat(20_000),
  "a URL ending in 100,000 !": `http://a${"!".repeat(100_000)}x`,
  "{{{ then \\n\\t × 50,000": `{{{${"\n\t".repeat(50_000)}\u0000`,
  "%%[ × 30,000": `${"%%[".repeat(30_000)}\n`,
  "%7B%7B × 22,370": `%${"%7B%7B".repeat(22_370)}7B%7BB0`,
  "rgb( with tab runs": `rgb(0\t${"\t".repeat(20_000)}\t0\t${"\t".repeat(20_000)})`,
  "-dot × 20,000 (spacer image name)": `1${"IF?-DOT".repeat(20_702)}IF`,
  "<!--mail-preflight-disable × 8,333": "<!--mail-preflight-disable-next-line".repeat(8_333),
  "<META × 10,000": `<ME${"<META".repeat(10_000)}TA\tT${"C".repeat(10_000)}>`,
  "WW.+ × 27,387": `${"WW.+".repeat(27_387)}WW./WWW.`,
  "newline × 100,000 + Àaa (postcode)": `${"\n".repeat(100_000)}\nÀaa`,
};

let rules: LoadedRules;
const catalogue = loadCatalogue();
beforeAll(async () => {
  rules = await loadRules();
});

function attributeSafe(text: string): string {
  return text.replace(/"/g, "&quot;");
}

async function modelsFor(text: string): Promise<Record<string, MessageModel>> {
  const html = `<html><head><style>${text}</style></head><body style="${attributeSafe(text)}"><p>${text}</p><a href="${attributeSafe(text)}">${text}</a><img src="${attributeSafe(text)}" alt="${attributeSafe(text)}"><!-- ${text} --></body></html>`;
  const template = await parseMessage(Buffer.from(html), "adversarial.html", { kind: "html", from: `"${text.slice(0, 2000)}" <news@example.com>`, subject: text });
  const eml = await parseMessage(
    Buffer.from(`From: News <news@example.com>\r\nSubject: ${text}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n`),
    "adversarial.eml",
  ).catch(() => undefined); // mailparser refuses some headers outright: the session reports unparseable-message
  return { template, ...(eml ? { eml } : {}) };
}

describe("regex audit: every rule on adversarial strings", () => {
  for (const [id, reason] of Object.entries(KNOWN_SLOW)) it.skip(`${id} (known slow: ${reason})`, () => undefined);

  for (const [name, text] of Object.entries(ADVERSARIAL)) {
    it(`${name}: each rule under ${BOUND_MS} ms`, { timeout: 60_000 }, async () => {
      const slow: string[] = [];
      const parseStarted = process.cpuUsage();
      const models = await modelsFor(text);
      // parsing (links, CSS url(), visible text) is bounded too: it runs its own regexes on the input
      const parseMs = cpuMs(parseStarted);
      if (parseMs > PARSE_BOUND_MS) slow.push(`parsing: ${Math.round(parseMs)} ms`);
      for (const [context, message] of Object.entries(models)) {
        for (const rule of rules.message) {
          if (rule.id in KNOWN_SLOW) continue;
          const ctx = { data: rules.data, options: { ...catalogue.get(rule.id)?.options } };
          const started = process.cpuUsage();
          rule.check(message, ctx);
          const ms = cpuMs(started);
          if (ms > BOUND_MS) slow.push(`${rule.id} (${context}): ${Math.round(ms)} ms`);
        }
      }
      expect(slow).toEqual([]);
    });
  }
});
