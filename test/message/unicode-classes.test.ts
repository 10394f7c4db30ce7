// The Unicode classes our patterns spell out as ranges (scripts/gen-unicode-classes.mjs) must hold the
// same code points as the \p{…} they replace, on every code point, in the node that runs them.
import { describe, expect, it } from "vitest";
import * as classes from "../../src/message/unicode-classes.generated.js";
import { UNICODE_CLASSES } from "../../scripts/unicode-classes.mjs";

// the table the build spells out (scripts/gen-unicode-classes.mjs reads the same one)
const PROPERTIES: Record<keyof typeof classes, string> = UNICODE_CLASSES;

describe("unicode-classes.generated", () => {
  it.each(Object.entries(PROPERTIES))("%s holds exactly the code points of %s", (name, property) => {
    const spelledOut = new RegExp(`^[${classes[name as keyof typeof classes]}]$`, "u");
    const byProperty = new RegExp(`^[${property}]$`, "u");
    const differing: string[] = [];
    let members = 0;
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      const char = String.fromCodePoint(codePoint);
      const expected = byProperty.test(char);
      if (expected) members++;
      if (spelledOut.test(char) !== expected && differing.length < 5) differing.push(`U+${codePoint.toString(16)}`);
    }
    expect(differing).toEqual([]);
    expect(members).toBeGreaterThan(100);
  });

  it("each class works negated and beside other characters, as the patterns use it", () => {
    expect(new RegExp(`[^${classes.LETTER}]+`, "gu").exec("Straße 𝐀1-2")?.[0]).toBe(" ");
    expect("ÀB𝐀1-x".match(new RegExp(`[${classes.LETTER}${classes.NUMBER}-]+`, "u"))?.[0]).toBe("ÀB𝐀1-x");
  });
});
