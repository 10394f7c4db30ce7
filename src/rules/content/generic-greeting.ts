import type { MessageRule } from "../types.js";
import type { RuleData } from "../data.js";
import type { Location, MessageModel } from "../../message/model.js";
import { phraseMatcher, type PhraseMatch, type PhraseMatcher } from "../list-hygiene/shared/phrases.js";
import { bodyText, locateInBody, readableSegments } from "../list-hygiene/shared/readable-text.js";
import { isConversation, mailKind } from "../list-hygiene/shared/mail-kind.js";
import { visibleRecipients } from "../headers/shared/recipients.js";

// Mail that opens "Dear Friend", "Dear Valued Customer", "Dear Sir/Madam" or "Dear jsmith@example.com"
// was written by someone who does not know the reader's name: bulk spam and phishing cannot personalise,
// so filters score the salutation (SpamAssassin DEAR_FRIEND, DEAR_SOMETHING, DEAR_WINNER,
// DEAR_BENEFICIARY) and readers distrust it. Salutations are rules/words/<lang>.json "genericGreetings".
// An entry "<opener> {recipient}" ("dear {recipient}") stands for the opener followed by the recipient's
// address, by its mailbox name written as in the address ("Dear jsmith,"; "Dear John," is a name), or by
// nothing before the comma ("Dear ,": a merge field rendered empty). Only the first lines of the displayed
// body count, and the salutation must start its line and end there or at punctuation: "Dear Customer
// Service team" and "Dear Sir Alex" are not impersonal. Replies are not judged (a person answering a
// stranger opens "Dear Sir" honestly); posts to a discussion list are, as a spammer who mails a list still
// cannot name its readers, but not for greeting the list by its mailbox name.
const RECIPIENT = "{recipient}";
const MAX_LINE_CHARS = 200;

interface GreetingMatchers {
  readonly greetings: PhraseMatcher;
  readonly openers: PhraseMatcher;
}

const matchers = new WeakMap<RuleData, GreetingMatchers>();

function greetingMatchers(data: RuleData): GreetingMatchers {
  let found = matchers.get(data);
  if (!found) {
    // an entry may list variants of one salutation: "dear sir/madam | dear sir or madam"
    const entries = data.words().flatMap((words) => (words.genericGreetings ?? []).flatMap((entry) => entry.split("|").map((variant) => variant.trim())));
    found = {
      greetings: phraseMatcher(entries.filter((entry) => !entry.includes(RECIPIENT))),
      openers: phraseMatcher(entries.filter((entry) => entry.includes(RECIPIENT)).map((entry) => entry.replace(RECIPIENT, ""))),
    };
    matchers.set(data, found);
  }
  return found;
}

// letters, digits and underscore of any script: what may not precede a salutation on its line or follow it
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const SPACELESS = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;

export const genericGreeting: MessageRule = {
  id: "generic-greeting",
  kind: "message",
  check(message, ctx) {
    const kind = mailKind(message, ctx.data);
    if (kind !== "discussion-list" && isConversation(message, ctx.data)) return [];
    // a member who greets a list greets it by its name ("Hello fork,"), which is no stranger's mailbox
    const recipients = kind === "discussion-list" ? [] : visibleRecipients(message);
    const maxLines = Number(ctx.options.maxLines ?? 5);
    const { greetings, openers } = greetingMatchers(ctx.data);
    const text = bodyText(message);
    let lineStart = 0;
    for (let seen = 0; seen < maxLines && lineStart < text.length; ) {
      const lineEnd = text.indexOf("\n", lineStart);
      const end = lineEnd === -1 ? text.length : lineEnd;
      const line = text.slice(lineStart, Math.min(end, lineStart + MAX_LINE_CHARS));
      if (WORD_CHAR.test(line)) {
        seen++;
        const found = impersonal(line, greetings, openers, recipients);
        if (found) {
          return [
            {
              message: `The mail opens with an impersonal greeting ("${found}"): a sender who knows the reader uses their name.`,
              evidence: found,
              location: locate(message, found, lineStart + line.indexOf(found)),
            },
          ];
        }
      }
      lineStart = end + 1;
    }
    return [];
  },
};

/** The salutation that opens the line, when it is impersonal. */
function impersonal(line: string, greetings: PhraseMatcher, openers: PhraseMatcher, recipients: readonly string[]): string | undefined {
  const greeting = opening(line, greetings.find(line, 1)[0]);
  if (greeting && endsSalutation(line, greeting)) return greeting.text;
  const opener = opening(line, openers.find(line, 1)[0]);
  if (!opener) return undefined;
  const start = opener.index + opener.text.length;
  const after = line.slice(start);
  // "Dear ,": the name's merge field rendered empty. Only before a comma: French puts a space before "!"
  // and ":" ("Bonjour !"), and a bare opener names nobody but is no tell.
  const empty = /^\s+,/u.exec(after);
  if (empty) return line.slice(opener.index, start + empty[0].length);
  // "Hello, jm@example.com": a comma may sit between the opener and the name
  const gap = /^,?\s*/u.exec(after)![0];
  let token = /^[^\s,:;!<>()"]+/u.exec(after.slice(gap.length))?.[0] ?? "";
  // a full stop ends the sentence, not the address
  while (token.endsWith(".")) token = token.slice(0, -1);
  if (!token) return undefined;
  const lower = token.toLowerCase();
  const isRecipient = recipients.some((address) => address === lower || (address.slice(0, address.lastIndexOf("@")) === lower && !/^\p{Lu}/u.test(token)));
  return isRecipient ? line.slice(opener.index, start + gap.length + token.length) : undefined;
}

/** The match, when nothing but punctuation and blanks comes before it on its line. */
function opening(line: string, match: PhraseMatch | undefined): PhraseMatch | undefined {
  return match && !WORD_CHAR.test(line.slice(0, match.index)) ? match : undefined;
}

/** Nothing that could be a name follows: the line ends, or punctuation comes first ("Dear Friend,"). */
function endsSalutation(line: string, match: PhraseMatch): boolean {
  // a salutation of a spaceless script ("尊敬的客户您好") is followed by the next words directly
  if (SPACELESS.test(match.text)) return true;
  const after = line.slice(match.index + match.text.length).trimStart();
  return after === "" || !WORD_CHAR.test(after[0]!);
}

/** Where the salutation is: its HTML text node or its text/plain line. */
function locate(message: MessageModel, found: string, offset: number): Location {
  const inBody = locateInBody(message, offset);
  if (inBody.part !== "text/html") return inBody;
  for (const segment of readableSegments(message)) {
    const index = segment.text.indexOf(found);
    if (index === -1) continue;
    const location = segment.locate(index, found.length);
    if (location.part === "text/html") return location;
  }
  return inBody;
}
