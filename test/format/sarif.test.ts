// SARIF output: valid against the official SARIF 2.1.0 schema, every rule described, and each result
// located on the line of the input file itself (templates, 8bit, quoted-printable, base64, mbox).
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import Ajv04 from "ajv-draft-04";
import { runCli } from "../helpers/cli.js";
import { loadCatalogue } from "../../src/rules/catalogue.js";

const sarifSchema = JSON.parse(readFileSync(new URL("../schemas/sarif-2.1.0-rtm.5.json", import.meta.url), "utf8")) as object;
// the schema's patterns use \p escapes Ajv cannot compile as unicode regexps; formats checked for real
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
ajv.addFormat("uri", (value: string) => URL.canParse(value));
ajv.addFormat("uri-reference", true);
ajv.addFormat("date-time", (value: string) => !Number.isNaN(Date.parse(value)));
const validateSarif = ajv.compile(sarifSchema);

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number } } }[];
  properties: { evidence?: string; input: string };
}
interface Sarif {
  version: string;
  runs: { tool: { driver: { rules: { id: string; helpUri: string; defaultConfiguration: { level: string } }[] } }; results: SarifResult[] }[];
}

async function sarifOf(...args: string[]): Promise<Sarif> {
  const run = await runCli(["check", ...args, "--offline", "--format", "sarif", "--from", "News <news@example.com>"]);
  expect(run.stderr).toBe("");
  const sarif = JSON.parse(run.stdout) as Sarif;
  const valid = validateSarif(sarif);
  expect(valid, JSON.stringify(validateSarif.errors?.slice(0, 5), null, 1)).toBe(true);
  return sarif;
}

function region(sarif: Sarif, ruleId: string, evidence: string, uri?: string) {
  const result = sarif.runs[0]!.results.find(
    (item) => item.ruleId === ruleId && item.properties.evidence === evidence && (uri === undefined || item.locations?.[0]?.physicalLocation.artifactLocation.uri === uri),
  );
  expect(result, `${ruleId} ${evidence}`).toBeDefined();
  return result!.locations![0]!.physicalLocation;
}

describe("--format sarif", () => {
  let all: Sarif;
  beforeAll(async () => {
    all = await sarifOf("fixtures/workflow", "fixtures/inputs");
  });

  it("describes every catalogue rule with its default level, and results point at them by index", () => {
    const driverRules = all.runs[0]!.tool.driver.rules;
    expect(driverRules.map((rule) => rule.id)).toEqual([...loadCatalogue().keys()]);
    const caps = driverRules.find((rule) => rule.id === "subject-all-caps")!;
    expect(caps.defaultConfiguration.level).toBe("warning");
    expect(caps.helpUri).toMatch(/docs\/rules\/subject-all-caps\.md$/);
    for (const result of all.runs[0]!.results) expect(driverRules[result.ruleIndex]!.id).toBe(result.ruleId);
    expect(new Set(all.runs[0]!.results.map((result) => result.level))).toEqual(new Set(["error", "warning", "note"]));
  });

  it("a template: the template's own line and column", () => {
    expect(region(all, "numeric-ip-link", "http://198.51.100.7/new")).toEqual({
      artifactLocation: { uri: "fixtures/workflow/template-disables.html" },
      region: { startLine: 9, startColumn: 13 },
    });
  });

  it("an 8bit text part: the part's line shifted to the file", () => {
    expect(region(all, "numeric-ip-link", "http://192.0.2.10/offers", "fixtures/workflow/qp-links.eml")).toEqual({
      artifactLocation: { uri: "fixtures/workflow/qp-links.eml" },
      region: { startLine: 14, startColumn: 13 },
    });
  });

  it("a quoted-printable part: soft line breaks and =XX escapes mapped back to the encoded line", () => {
    const sarif = all.runs[0]!.results.filter((result) => result.properties.input === "fixtures/workflow/qp-links.eml");
    const html = sarif.filter((result) => result.ruleId === "numeric-ip-link").map((result) => result.locations![0]!.physicalLocation.region);
    // decoded line 2 col 18 ("Café" is one character, "=C3=A9" six) → file line 23 col 25
    // decoded line 3 col 64 (after a soft break joined lines 24 and 25) → file line 24 col 68
    expect(html).toContainEqual({ startLine: 23, startColumn: 25 });
    expect(html).toContainEqual({ startLine: 24, startColumn: 68 });
    expect(region(all, "url-shortener", "https://bit.ly/3xYzAb", "fixtures/workflow/qp-links.eml").region).toEqual({ startLine: 24, startColumn: 15 });
    const lines = readFileSync("fixtures/workflow/qp-links.eml", "latin1").split("\r\n");
    expect(lines[23 - 1]!.slice(25 - 1)).toMatch(/^http:\/\/192\.0\.2\.10\/offers/);
    expect(lines[24 - 1]!.slice(68 - 1)).toBe("http:/=");
  });

  it("a base64 part: its first line, no column (base64 keeps no lines)", () => {
    expect(region(all, "numeric-ip-link", "http://192.0.2.10/offers", "fixtures/workflow/base64-html.eml").region).toEqual({ startLine: 18 });
    expect(readFileSync("fixtures/workflow/base64-html.eml", "latin1").split("\r\n")[18 - 1]).toMatch(/^PGh0bWw/);
  });

  it("an mbox message: the mbox file (not path#n) and the line inside the mbox", () => {
    const caps = all.runs[0]!.results.find((result) => result.ruleId === "subject-all-caps")!;
    expect(caps.properties.input).toBe("fixtures/inputs/two-messages.mbox#2");
    const location = caps.locations![0]!.physicalLocation;
    expect(location.artifactLocation.uri).toBe("fixtures/inputs/two-messages.mbox");
    const line = readFileSync("fixtures/inputs/two-messages.mbox", "latin1").split(/\r?\n/)[location.region.startLine - 1];
    expect(line).toMatch(/^Subject: SECOND MESSAGE SHOUTS LOUDLY/);
  });

  it("stdin: results without a file location, still valid", async () => {
    const run = await runCli(["check", "-", "--offline", "--format", "sarif"], { stdin: readFileSync("fixtures/subject-all-caps/fires-shouting.eml") });
    const sarif = JSON.parse(run.stdout) as Sarif;
    expect(validateSarif(sarif)).toBe(true);
    expect(sarif.runs[0]!.results.find((result) => result.ruleId === "subject-all-caps")?.locations).toBeUndefined();
  });
});
