// A fixed mix of SpamAssassin public corpus messages written as .eml files (and one mbox for
// SpamAssassin) in a temporary directory. Same bytes as `npm run corpus` reads (bench/lib).
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listSpamAssassin, readMessage } from "../lib/corpus-files.mjs";
import { mboxEntry } from "../lib/mbox.mjs";

/** Share of each class in a sample: mostly legitimate mail, as a sender's own drafts would be. */
export const MIX = { "easy-ham": 0.6, "hard-ham": 0.1, spam: 0.3 };

/**
 * `count` messages: each class's share taken at an even stride through the class (so every group
 * is represented), cycling through the class again when it has fewer messages than asked.
 */
export function sampleCorpus(count) {
  const all = listSpamAssassin();
  const picked = [];
  for (const [kind, share] of Object.entries(MIX)) {
    const pool = all.filter((entry) => entry.kind === kind);
    // the last class takes the rounding remainder, so the sample has exactly `count` messages
    const take = kind === "spam" ? count - picked.length : Math.round(count * share);
    const stride = Math.max(1, Math.floor(pool.length / Math.min(take, pool.length)));
    for (let i = 0; i < take; i++) picked.push(pool[(i * stride + Math.floor((i * stride) / pool.length)) % pool.length]);
  }
  return picked;
}

/** Writes the sample: dir/0001-<group>.eml … and (with mbox) dir/../sample.mbox. */
export function writeSample(entries, { mbox = false } = {}) {
  const root = mkdtempSync(join(tmpdir(), "mail-preflight-bench-"));
  const dir = join(root, "messages");
  mkdirSync(dir);
  const width = String(entries.length).length;
  const mboxParts = [];
  entries.forEach((entry, index) => {
    const bytes = readMessage(entry.path);
    writeFileSync(join(dir, `${String(index + 1).padStart(width, "0")}-${entry.group}.eml`), bytes);
    if (mbox) mboxParts.push(mboxEntry(bytes));
  });
  const mboxPath = mbox ? join(root, "sample.mbox") : undefined;
  if (mboxPath) writeFileSync(mboxPath, Buffer.concat(mboxParts));
  return { root, dir, mboxPath, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
