import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMessage } from "../../../src/message/parse.js";
import { bodyText, displayedParts } from "../../../src/rules/list-hygiene/shared/readable-text.js";
import { withFileLocations } from "../../../src/report/file-location.js";
import { runRule } from "../../rule-tester.js";
import { bodyAllCaps } from "../../../src/rules/content/body-all-caps.js";

const parseFixture = async (path: string) => parseMessage(readFileSync(path), path);

describe("readable text: every displayed part, the HTML's alternative once", () => {
  it("reads the HTML and a text/plain part after it in a multipart/mixed, not the HTML's text alternative", async () => {
    const message = await parseFixture("fixtures/body-all-caps/fires-mixed-footer-part.eml");
    expect(displayedParts(message).map((part) => [part.part, part.firstLine ?? null, part.text.slice(0, 12)])).toEqual([
      ["text/html", null, "Our autumn c"],
      ["text/plain", 2, "ORDER YOUR F"],
    ]);
    // the alternative (MIME part 1.1) says what the HTML says: read once
    expect(bodyText(message).match(/Our autumn catalogue/g)).toHaveLength(1);
  });

  it("reads the text/plain parts alone when there is no HTML", async () => {
    const message = await parseMessage(Buffer.from("From: a@example.com\nSubject: x\n\nJust text.\n"), "m.eml");
    expect(bodyText(message)).toBe("Just text.\n");
  });

  it("names the MIME part a finding in the footer part is in, and its line in the file", async () => {
    const message = await parseFixture("fixtures/body-all-caps/fires-mixed-footer-part.eml");
    const [finding] = withFileLocations(runRule(bodyAllCaps, message), message, 1);
    expect(finding?.location).toEqual({ part: "text/plain", mimePart: "2", line: 1, fileLine: 26 });
  });
});
