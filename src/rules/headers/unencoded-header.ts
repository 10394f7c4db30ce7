import type { MessageRule, RawFinding } from "../types.js";
import { locationOf } from "./shared/header-location.js";

// RFC 5322 header fields are ASCII: other text goes in RFC 2047 encoded words (=?gb2312?B?…?=), or is
// UTF-8 under RFC 6532. Raw 8-bit text in another charset names no charset at all, so each client guesses
// (the Subject line in mojibake), and filters score it (SpamAssassin's SUBJECT_NEEDS_ENCODING,
// FROM_ILLEGAL_CHARS). The parser reads such a header in the body's charset or a guess (Header.decodedAs).
// Only fields a reader sees are judged: a stray byte in a Received line is the relays' business.
const SHOWN = new Set(["subject", "from", "to", "cc", "reply-to"]);
const EVIDENCE_CHARS = 40;

export const unencodedHeader: MessageRule = {
  id: "unencoded-header",
  kind: "message",
  check(message) {
    const findings: RawFinding[] = [];
    for (const header of message.headers) {
      if (!header.decodedAs || !SHOWN.has(header.key)) continue;
      const word = (/\S*[^\x00-\x7f]\S*/.exec(header.value)?.[0] ?? header.value).slice(0, EVIDENCE_CHARS);
      findings.push({
        message: `The ${header.name} header has 8-bit text ("${word}") that is neither UTF-8 nor an RFC 2047 encoded word; read as ${header.decodedAs}.`,
        evidence: word,
        location: locationOf(header),
      });
    }
    return findings;
  },
};
