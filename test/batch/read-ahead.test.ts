import { describe, expect, it } from "vitest";
import type { InputMessage } from "../../src/cli/inputs.js";
import { readingAhead } from "../../src/batch/read-ahead.js";
import { collectGarbage } from "../../src/gc.js";

/** Inputs whose read() records when it was called. */
function inputs(sizes: readonly (number | undefined)[], started: number[], failing = new Set<number>()): InputMessage[] {
  return sizes.map((size, index) => ({
    name: `m${index}`,
    kind: "eml",
    firstLine: 1,
    ...(size !== undefined ? { size } : {}),
    read: async () => {
      started.push(index);
      if (failing.has(index)) throw new Error(`cannot read m${index}`);
      return Buffer.from(`message ${index}`);
    },
  }));
}

describe("readingAhead", () => {
  it("gives every input in order with its bytes, each read once", async () => {
    const started: number[] = [];
    const names: string[] = [];
    for (const input of readingAhead(inputs([10, 10, 10, 10], started))) {
      names.push(input.name);
      expect((await input.read()).toString()).toBe(`message ${names.length - 1}`);
    }
    expect(names).toEqual(["m0", "m1", "m2", "m3"]);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it("starts the next reads before the current message's turn is over", () => {
    const started: number[] = [];
    const iterator = readingAhead(inputs(Array(40).fill(100), started));
    iterator.next();
    // the first message and 16 after it
    expect(started).toEqual(Array.from({ length: 17 }, (_, index) => index));
    iterator.next();
    expect(started).toHaveLength(18);
  });

  it("holds at most 8 MB read ahead of the current message", () => {
    const started: number[] = [];
    const iterator = readingAhead(inputs([5e6, 5e6, 5e6, 1e3], started));
    iterator.next();
    expect(started).toEqual([0, 1]);
    iterator.next();
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it("reports a failed read at its turn, not before", async () => {
    const started: number[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const iterator = readingAhead(inputs([1, 1, 1], started, new Set([2])));
      await iterator.next().value!.read();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(started).toContain(2);
      await iterator.next().value!.read();
      await expect(iterator.next().value!.read()).rejects.toThrow("cannot read m2");
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("lets go of the bytes it hands over (a large message's can be collected once parsed); a second read reads again", async () => {
    const started: number[] = [];
    const iterator = readingAhead(inputs([10, 10], started));
    const first = iterator.next().value!;
    let bytes: Buffer | undefined = await first.read();
    const handed = new WeakRef(bytes);
    bytes = undefined;
    // a WeakRef holds its target until the current job ends
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(handed.deref()).toBeUndefined();
    expect((await first.read()).toString()).toBe("message 0");
    expect(started).toEqual([0, 1, 0]);
  });
});
