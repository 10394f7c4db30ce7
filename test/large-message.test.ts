// A large message is checked with one forced major GC once its fields are read, after which an offline
// run holds its bytes no longer; an online run keeps them for DKIM. A small message never pays the GC.
import { PerformanceObserver, constants } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { dkimSign } from "mailauth/lib/dkim/sign.js";
import { bigMessage } from "../bench/perf/big-message.mjs";
import { SIGNING_KEY } from "./audit/signing-key.js";
import { authZone } from "./audit/audit-zone.js";
import { startZoneServer } from "./dns/zone-server.js";
import { startSession, type PreflightOptions } from "../src/preflight.js";
import { collectGarbage, LARGE_MESSAGE_BYTES } from "../src/gc.js";
import type { InputMessage } from "../src/cli/inputs.js";

const MB = 1024 * 1024;
const large = (bigMessage as (options: { totalBytes: number; htmlBytes: number }) => Buffer)({ totalBytes: 5 * MB, htmlBytes: 200 * 1024 });
const small = bigMessage({ totalBytes: 300 * 1024, htmlBytes: 20 * 1024 });

function input(name: string, read: () => Buffer): InputMessage {
  return { name, kind: "eml", firstLine: 1, read: async () => read() };
}

/** Forced major GCs while `work` runs (gc performance entries come a tick after the collection). */
async function forcedCollections(work: () => Promise<unknown>): Promise<number> {
  let forced = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { kind, flags } = entry.detail as { kind: number; flags: number };
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR && flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) forced++;
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  try {
    await work();
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    observer.disconnect();
  }
  return forced;
}

describe("a large message", () => {
  it("is collected for once, and a small one never", async () => {
    expect(large.byteLength).toBeGreaterThanOrEqual(LARGE_MESSAGE_BYTES);
    expect(small.byteLength).toBeLessThan(LARGE_MESSAGE_BYTES);
    const session = await startSession({ offline: true });
    expect(await forcedCollections(() => session.check(input("small.eml", () => small)))).toBe(0);
    expect(await forcedCollections(() => session.check(input("large.eml", () => large)))).toBe(1);
  }, 60_000);

  it("lets go of its bytes offline before the model is built; online they stay for DKIM", async () => {
    /** Whether the bytes read were still reachable once the model was built. */
    const heldWhenParsed = async (options: PreflightOptions) => {
      let bytes: WeakRef<Buffer> | undefined;
      let held: boolean | undefined;
      const session = await startSession(options, {
        onParsed: () => {
          collectGarbage();
          held = bytes?.deref() !== undefined;
        },
      });
      const read = () => {
        const copy = Buffer.from(large);
        bytes = new WeakRef(copy);
        return copy;
      };
      await session.check(input("large.eml", read));
      return held;
    };
    expect(await heldWhenParsed({ offline: true })).toBe(false);
    const server = await startZoneServer({ zones: [authZone("good")] });
    try {
      expect(await heldWhenParsed({ resolver: server.address, timeoutMs: 4000 })).toBe(true);
    } finally {
      await server.close();
    }
  }, 60_000);

  it("is still DKIM-verified online", async () => {
    const unsigned = [
      "From: News <news@sender.example>",
      "To: reader@example.net",
      "Subject: Our catalogue",
      "Date: Mon, 01 Jun 2026 10:00:00 +0000",
      "Message-ID: <large@sender.example>",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "",
      `${"Our whole catalogue, line after line of it.".padEnd(76, ".")}\r\n`.repeat(Math.ceil(LARGE_MESSAGE_BYTES / 78) + 1000),
    ].join("\r\n");
    const signer = { signingDomain: "sender.example", selector: "google", privateKey: SIGNING_KEY };
    const { signatures } = await dkimSign(unsigned, { ...signer, signatureData: [signer], canonicalization: "relaxed/relaxed" });
    const raw = Buffer.from(signatures + unsigned);
    expect(raw.byteLength).toBeGreaterThanOrEqual(LARGE_MESSAGE_BYTES);
    const server = await startZoneServer({ zones: [authZone("good")] });
    try {
      const session = await startSession({ resolver: server.address, timeoutMs: 4000 });
      const result = await session.check(input("large.eml", () => raw));
      const dkim = result.checks.dkim as { signatures: { result: string }[] };
      expect(dkim.signatures.map((signature) => signature.result)).toEqual(["pass"]);
    } finally {
      await server.close();
    }
  }, 60_000);
});
