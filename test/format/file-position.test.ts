// The decoded-part → file line mapping behind SARIF regions (src/message/file-position.ts).
import { describe, expect, it } from "vitest";
import { filePositionMap, quotedPrintableMap } from "../../src/message/file-position.js";

describe("quotedPrintableMap", () => {
  const encoded = ["<p>one =", "two</p>", "<p>Caf=C3=A9 <a href=3D\"x\">", "=0A<b>split=0Aline</b>", ""].join("\r\n");
  const map = quotedPrintableMap(encoded, true);

  it("a soft break joins two encoded lines into one decoded line", () => {
    // decoded line 1: "<p>one two</p>"; "two" starts at decoded column 8, encoded line 2 column 1
    expect(map.locate(1, 1)).toEqual({ line: 1, column: 1 });
    expect(map.locate(1, 8)).toEqual({ line: 2, column: 1 });
    expect(map.locate(1, 10)).toEqual({ line: 2, column: 3 });
  });

  it("=XX escapes: one decoded character, three encoded ones (UTF-8 sequences count once)", () => {
    // decoded line 2: '<p>Café <a href="x">'; the quote after href= is decoded column 17
    expect(map.locate(2, 8)).toEqual({ line: 3, column: 13 });
    expect(map.locate(2, 17)).toEqual({ line: 3, column: 24 });
  });

  it("=0A starts decoded lines inside one encoded line", () => {
    // decoded line 3 is empty (the hard break, then =0A); line 4 "<b>split"; line 5 "line</b>"
    expect(map.locate(4, 1)).toEqual({ line: 4, column: 4 });
    expect(map.locate(5, 1)).toEqual({ line: 4, column: 15 });
    expect(map.locate(5)).toEqual({ line: 4 });
  });

  it("single-byte charsets count every escaped byte", () => {
    expect(quotedPrintableMap("Caf=E9 x", false).locate(1, 6)).toEqual({ line: 1, column: 8 });
  });
});

describe("filePositionMap", () => {
  it("7bit/8bit: shifted by the body's first line", () => {
    expect(filePositionMap("a\nb\n", "8bit", 20)(2, 5)).toEqual({ line: 21, column: 5 });
  });

  it("base64: the body's first line only", () => {
    expect(filePositionMap("PGh0bWw+\n", "base64", 20)(7, 3)).toEqual({ line: 20 });
  });

  it("quoted-printable: shifted by the body's first line", () => {
    expect(filePositionMap("a=\nb\nc\n", "quoted-printable", 10, "utf-8")(2, 1)).toEqual({ line: 12, column: 1 });
  });
});
