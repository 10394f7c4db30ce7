import type { MessageRule } from "../types.js";
import { headerLocation } from "./shared/header-location.js";
import { LETTER } from "../../message/unicode-classes.generated.js";

// Bulk-mail software ends each copy's subject with a random tag so that checksum networks (Razor, Pyzor,
// DCC) cannot match the copies: "… on your DVD Player.d7l7", "Best Price on the netf5f8m1", "Lowest Rates
// Available. gjannsxrwg", "want to accept credit cards? 126432211". subject-padding catches a tag set off
// by a run of blanks; this rule reads the tag itself, in five shapes no person types at the end of a
// subject. Transactional subjects end in numbers too ("Order #12345", "Invoice 2024000123", "Your code is
// 48392011"), so a digit tag counts only where nothing in the subject names what the number is, and the
// shapes are kept narrow: missing a tag costs less than flagging a receipt.

// a run of digits this long ending the subject after a blank
const MIN_DIGITS = 8;
// words that say a trailing number is a reference: order, invoice, ticket, code, phone… (several
// languages), and the tails of compounds that do ("Bestätigungscode", "Rechnungsnummer", "ordernummer")
const REFERENCE_WORD = new RegExp(
  "(?:^|[^\\p{L}\\p{N}])(?:orders?|invoices?|inv|tickets?|case|ref|reference|tracking|track|shipment|parcel|package|delivery|" +
    "booking|reservation|confirmation|confirm|account|acct|id|no|nr|num|number|code|pin|otp|receipt|statement|payment|" +
    "transaction|txn|claim|policy|request|req|incident|issue|bug|build|job|customer|member|application|file|docket|po|" +
    "sku|serial|version|ver|call|phone|tel|fax|sms|mobile|whatsapp|isbn|bestellung|rechnung|auftrag|sendung|commande|" +
    "facture|dossier|pedido|factura|reserva|ordine|fattura|prenotazione|pratica|bestelling|factuur|zamówienie|faktura|" +
    "ordre|заказ|счет|счёт|номер)(?![\\p{L}\\p{N}])" +
    "|(?:code|kode|kod|nummer|numer|numero|número|number|rechnung|bestellung|auftrag|sendung|ticket|order)(?![\\p{L}\\p{N}])|[#№]|\\bn[°º]",
  "iu",
);
// a date stamp (YYYYMMDD, optionally with hhmm or hhmmss) or a Unix time in seconds or milliseconds
const TIMESTAMP = /^(?:(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:\d{4}|\d{6})?|1\d{9}|1\d{12})$/;

const TRAILING_DIGITS = new RegExp(`(?:^|\\s)(\\d{${MIN_DIGITS},})$`);
// a tag glued to the sentence's end: "YOUNGER!18861", "How are you?8456", "Player.d7l7"
// \p{L} as ranges (src/message/unicode-classes.generated.ts): cheaper to compile in each run
const GLUED_AFTER_END = new RegExp(`[${LETTER}]([.!?]+)([A-Za-z0-9]{4,})$`, "u");
// letter-digit pairs: "netf5f8m1", "FREEq4i1i6p8", "x1m5l2i4"
const LETTER_DIGIT_PAIRS = /(?:[a-z]\d){3,}[a-z]?$/;
// the last blank-separated token
const LAST_TOKEN = /(?:^|\s)(\S+)$/;
// a lower-case tag after the sentence's end or a hyphen: "! ljnhz", ". isoxtjcn", " -lrmjq"
const TAG_AFTER_END = /(?:[.!?]\s+|\s-)([a-z]{4,})$/;

interface Tag {
  readonly tag: string;
  readonly shape: string;
}

export const subjectHashBuster: MessageRule = {
  id: "subject-hash-buster",
  kind: "message",
  check(message) {
    const subject = (message.subject ?? "").trim();
    const found = hashBusterTag(subject);
    if (!found) return [];
    return [
      {
        message: `Subject ends with a random tag, ${found.shape}: "${found.tag}" in "${subject.replace(/\s+/gu, " ")}"`,
        evidence: found.tag,
        location: headerLocation(message, "Subject"),
      },
    ];
  },
};

export function hashBusterTag(subject: string): Tag | undefined {
  if (subject.length > 998) subject = subject.slice(-998);
  const digits = TRAILING_DIGITS.exec(subject);
  if (digits && !TIMESTAMP.test(digits[1]!) && !REFERENCE_WORD.test(subject)) return { tag: digits[1]!, shape: `a run of ${digits[1]!.length} digits` };
  const glued = GLUED_AFTER_END.exec(subject);
  if (glued && /\d/.test(glued[2]!) && (glued[1]!.endsWith(".") ? /[A-Za-z]/.test(glued[2]!) : true) && !REFERENCE_WORD.test(subject)) {
    return { tag: glued[2]!, shape: `glued to the sentence's end "${glued[1]}"` };
  }
  const token = LAST_TOKEN.exec(subject)?.[1] ?? "";
  const pairs = LETTER_DIGIT_PAIRS.exec(token);
  if (pairs) return { tag: pairs[0], shape: "letters and digits in alternation" };
  if (isRandomMixedCase(token)) return { tag: token, shape: "a long run of mixed-case letters and digits" };
  const tag = TAG_AFTER_END.exec(subject)?.[1];
  if (tag && unpronounceable(tag)) return { tag, shape: "letters no word is made of, after the sentence's end" };
  return undefined;
}

/**
 * "wmE239PgyETfr9P4nvyEWKJCEkWH": long, upper and lower case and two or more runs of digits, the class
 * changing all along (a camel-case name such as "SpamAssassinRules2Team" has one run of digits).
 */
function isRandomMixedCase(token: string): boolean {
  if (token.length < 12 || !/^[A-Za-z0-9]+$/.test(token) || !/[a-z]/.test(token) || !/[A-Z]/.test(token) || !/\d\D+\d/.test(token)) return false;
  let changes = 0;
  for (let at = 1; at < token.length; at++) if (charClass(token[at]!) !== charClass(token[at - 1]!)) changes++;
  return changes >= 8;
}

function charClass(char: string): number {
  return char >= "a" && char <= "z" ? 0 : char >= "A" && char <= "Z" ? 1 : 2;
}

// English word endings of three consonants; any other three-consonant ending marks a random tag
const CONSONANT_ENDINGS = new Set(["nds", "nts", "rst", "rld", "ngs", "ght", "tch", "rts", "nks", "rks", "rds", "lds", "lls", "sts", "cts", "pts", "rns", "rms", "lts", "mps", "sch", "nch", "rch", "lch", "rth", "nth", "fts", "lks", "sks", "sps", "xts", "lps", "rbs", "rps", "wns", "wls", "lms", "ffs", "sss", "ths", "phs", "chs", "shs", "ngl"]);

/** A lower-case tag no English word is spelt like: no vowel, four consonants running, a q without u, an odd ending. */
function unpronounceable(tag: string): boolean {
  if (/(.)\1\1/.test(tag)) return false; // "hmmm", "grrr": an interjection, not a tag
  if (!/[aeiouy]/.test(tag) || /[^aeiouy]{4}/.test(tag) || /q(?!u)/.test(tag)) return true;
  const ending = /[^aeiouy]{3}$/.exec(tag)?.[0];
  return ending !== undefined && !CONSONANT_ENDINGS.has(ending);
}
