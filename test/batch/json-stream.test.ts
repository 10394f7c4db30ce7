// The streamed JSON report writes each result in pieces; joined, they are what JSON.stringify prints.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pieces } from "../../src/batch/json-stream.js";

/** JSON.stringify(value, null, 2) as it appears `depth` levels deep, the form pieces() must give. */
const nested = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${"  ".repeat(depth)}`);

describe("pieces", () => {
  it("joins to JSON.stringify's text, members without a JSON form left out or null as it does", () => {
    const tricky = {
      empty: [],
      none: {},
      skipped: undefined,
      fn: () => 1,
      list: [undefined, () => 1, 1, [], {}, { a: undefined }],
      holes: [1, , 3], // eslint-disable-line no-sparse-arrays
      when: new Date(0),
      dash: "Product 1 – spring edition",
      bare: Object.assign(Object.create(null), { x: [1, { y: 2 }] }),
    };
    for (const levels of [0, 1, 2, 3]) expect([...pieces(tricky, 2, levels)].join("")).toBe(nested(tricky, 2));
    expect([...pieces({ only: undefined }, 1, 2)].join("")).toBe("{}");
  });

  it("joins to JSON.stringify's text for any JSON-like value", () => {
    const value = fc.anything({ withNullPrototype: true, withSparseArray: true, withDate: true, withBoxedValues: true, maxDepth: 4 });
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 }), (item, depth, levels) => {
        fc.pre(typeof item === "object" && item !== null);
        expect([...pieces(item, depth, levels)].join("")).toBe(nested(item, depth));
      }),
      { numRuns: 500 },
    );
  });
});
