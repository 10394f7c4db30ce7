// --output when the disk fills up mid-write: the old report stays whole and no temporary file is left.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it, vi } from "vitest";

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...actual,
    // writes half, then fails as a full disk does
    writeFile: async (path: string, text: string, options: object) => {
      await actual.writeFile(path, text.slice(0, text.length / 2), options);
      throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
    },
  };
});

const { writeFileAtomic } = await import("../../src/cli/write-atomic.js");
const dir = mkdtempSync(join(tmpdir(), "mail-preflight-atomic-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("a write that fails half-way leaves the old file whole and no temporary file", async () => {
  const report = join(dir, "report.json");
  writeFileSync(report, '{"the":"old report"}');
  await expect(writeFileAtomic(report, JSON.stringify({ results: "x".repeat(100_000) }))).rejects.toThrow(/cannot write .*report\.json: ENOSPC/);
  expect(readFileSync(report, "utf8")).toBe('{"the":"old report"}');
  expect(readdirSync(dir)).toEqual(["report.json"]);
});
