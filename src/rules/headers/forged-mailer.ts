import type { Header } from "../../message/model.js";
import type { MessageRule, RawFinding } from "../types.js";
import { instantOf, readDateTime } from "./shared/date-time.js";
import { locationOf } from "./shared/header-location.js";

interface MailerFingerprints {
  readonly microsoftMessageId: { readonly toleranceHours: number };
  readonly writesXMimeOle: {
    readonly programs: readonly { readonly name: string; readonly xMailerPrefix: string; readonly exceptPrefixes?: readonly string[] }[];
  };
}

// Bulk "ratware" dresses its mail as a popular mail program's (filters trust what people send from
// their own client) and gets the costume wrong: the headers claim one program and were written by
// another. Each contradiction is a fact about what the program writes (rules/mailer-fingerprints.json):
//  - a Message-ID in the form of Microsoft's MIME engine carries the sending time as a Windows FILETIME;
//    a time far from the Date was made up (SpamAssassin MSGID_OUTLOOK_INVALID, RATWARE_MS_HASH);
//  - an X-Mailer naming Outlook Express or Outlook 98-2003 without the X-MimeOLE header those programs
//    always write (SpamAssassin FORGED_MUA_OUTLOOK, MISSING_MIMEOLE).
// <counter:4 hex><FILETIME high:8 hex>$<FILETIME low:8 hex>$<8 hex>[$]@host, lower-case as written, read
// case-blind. The host is not judged: forgeries leave it empty or fill it with a file path.
const MICROSOFT_MESSAGE_ID = /^<[0-9a-f]{4}([0-9a-f]{8})\$([0-9a-f]{8})\$[0-9a-f]{8}\$?@[^<>]{0,300}>$/i;
// FILETIME counts 100 ns ticks from 1601-01-01 UTC; the Unix epoch is 11,644,473,600 s later
const FILETIME_TICKS_PER_MS = 10_000;
const FILETIME_EPOCH_OFFSET_MS = 11_644_473_600_000;
const HOUR_MS = 3_600_000;

export const forgedMailer: MessageRule = {
  id: "forged-mailer",
  kind: "message",
  check(message, ctx) {
    const fingerprints = ctx.data.json<MailerFingerprints>("mailer-fingerprints");
    const findings: RawFinding[] = [];
    const messageId = message.header("message-id");
    const date = message.header("date");
    if (messageId && date) {
      const finding = messageIdTimeMismatch(messageId, date, fingerprints);
      if (finding) findings.push(finding);
    }
    const xMailer = message.header("x-mailer");
    if (xMailer && !message.header("x-mimeole")) {
      const finding = missingXMimeOle(xMailer, fingerprints);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

function messageIdTimeMismatch(messageId: Header, date: Header, fingerprints: MailerFingerprints): RawFinding | undefined {
  const id = messageId.value.replace(/\([^()]{0,100}\)/g, "").trim();
  const match = MICROSOFT_MESSAGE_ID.exec(id);
  if (!match) return undefined;
  const fields = readDateTime(date.value);
  if (!fields) return undefined; // invalid-date's finding; no moment to compare with
  const dated = instantOf(fields);
  const encoded = (parseInt(match[1]!, 16) * 2 ** 32 + parseInt(match[2]!, 16)) / FILETIME_TICKS_PER_MS - FILETIME_EPOCH_OFFSET_MS;
  const hoursApart = Math.abs(encoded - dated) / HOUR_MS;
  if (hoursApart <= fingerprints.microsoftMessageId.toleranceHours) return undefined;
  return {
    message:
      `Message-ID ${id} has the form Outlook and Outlook Express write, whose first part is the sending time, ` +
      `but that time is ${moment(encoded)} while the Date header says ${moment(dated)}: a program imitating them made the ID up.`,
    evidence: id,
    location: locationOf(messageId),
  };
}

function missingXMimeOle(xMailer: Header, fingerprints: MailerFingerprints): RawFinding | undefined {
  const value = xMailer.value.trim();
  const program = fingerprints.writesXMimeOle.programs.find(
    (candidate) => value.startsWith(candidate.xMailerPrefix) && !candidate.exceptPrefixes?.some((prefix) => value.startsWith(prefix)),
  );
  if (!program) return undefined;
  const evidence = `${xMailer.name}: ${value}`.slice(0, 100);
  return {
    message: `${xMailer.name} claims ${program.name} ("${value}"), which writes an X-MimeOLE header on every message, but this message has none: another program wrote it.`,
    evidence,
    location: locationOf(xMailer),
  };
}

/** "2002-08-20 14:03 UTC", or "the year 20493" past what a date-time can show. */
function moment(ms: number): string {
  const time = new Date(ms);
  const year = time.getUTCFullYear();
  if (Number.isNaN(year)) return "no date at all";
  if (year < 1 || year > 9999) return `the year ${year}`;
  return `${time.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
