// src/message/decode-single.ts drives mailsplit directly with the decoders mailparser uses; both must be
// the one copy mailparser runs on, or a single-part message would be read by other code than the rest.
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

describe("@zone-eu/mailsplit", () => {
  it("is pinned at the version mailparser pins, and resolves to the same copy", () => {
    const ours = (require("../../package.json") as { dependencies: Record<string, string> }).dependencies["@zone-eu/mailsplit"];
    const mailparserManifest = require.resolve("mailparser/package.json");
    const theirs = (require(mailparserManifest) as { dependencies: Record<string, string> }).dependencies["@zone-eu/mailsplit"];
    expect(ours).toBe(theirs);
    const fromMailparser = createRequire(mailparserManifest).resolve("@zone-eu/mailsplit");
    expect(require.resolve("@zone-eu/mailsplit")).toBe(fromMailparser);
  });
});
