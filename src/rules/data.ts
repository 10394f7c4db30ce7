// Rule data lives in rules/ as plain files a user can read and a maintainer can extend.
// Each file is read once, on first use.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { rulesDir } from "../paths.js";

/** rules/words/<lang>.json: per-language phrase lists. */
export interface LanguageWords {
  readonly language: string; // BCP 47 code, e.g. "it"
  readonly name: string; // "Italiano"
  readonly sources: readonly string[]; // where the phrases were checked
  readonly updated: string; // ISO date
  /** Words/phrases that name an unsubscribe link ("unsubscribe", "annulla l'iscrizione"). */
  readonly unsubscribe: readonly string[];
  /** Sentences reminding the reader why they get the mail ("you are receiving this email because"). */
  readonly permissionReminder: readonly string[];
  /** Spam trigger phrases; one entry may list variants of one phrase as "hier klicken | klicken sie hier". */
  readonly spamPhrases: readonly string[];
  /** Weak phrases of advance-fee fraud ("next of kin", "transfer the funds"); several together are the
   *  tell. Absent in a language with no list yet. */
  readonly advanceFee?: readonly string[];
  /** The mail's claim not to be spam ("this is not spam", "sent in compliance with S. 1618"). */
  readonly notSpamClaims: readonly string[];
  /** Opt-out by a reply with a keyword in the subject ("remove in the subject line"); quotes and dashes
   *  around the keyword are read as blanks before matching. */
  readonly replyOptOut: readonly string[];
  /** Impersonal salutations that open a mail ("dear friend", "dear valued customer"); "<opener> {recipient}"
   *  stands for the opener followed by the recipient's address or mailbox name. Absent in a language with no
   *  list yet. */
  readonly genericGreetings?: readonly string[];
}

export interface RuleData {
  words(): readonly LanguageWords[];
  /** rules/<name>.txt: one entry a line, lower-cased; '#' starts a comment. */
  list(name: string): ReadonlySet<string>;
  /** rules/<name>.json, parsed. */
  json<T>(name: string): T;
}

export function loadRuleData(dir: string = rulesDir()): RuleData {
  let words: LanguageWords[] | undefined;
  const lists = new Map<string, ReadonlySet<string>>();
  const jsons = new Map<string, unknown>();
  return {
    words() {
      words ??= readdirSync(join(dir, "words"))
        .filter((file) => file.endsWith(".json"))
        .sort()
        .map((file) => JSON.parse(readFileSync(join(dir, "words", file), "utf8")) as LanguageWords);
      return words;
    },
    list(name) {
      let set = lists.get(name);
      if (!set) {
        set = new Set(
          readFileSync(join(dir, `${name}.txt`), "utf8")
            .split("\n")
            .map((line) => line.replace(/#.*/, "").trim().toLowerCase())
            .filter(Boolean),
        );
        lists.set(name, set);
      }
      return set;
    },
    json<T>(name: string): T {
      if (!jsons.has(name)) jsons.set(name, JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")));
      return jsons.get(name) as T;
    },
  };
}
