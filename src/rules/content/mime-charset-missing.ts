import type { MessageRule, RawFinding } from "../types.js";

// RFC 2045 §5.2: a text part without a charset is US-ASCII. Non-ASCII bytes in it are then guessed at by
// each client (mojibake), and filters read undeclared 8-bit text as a sign of a hand-rolled mailer.
// Declaring US-ASCII (or one of its IANA aliases) says the same as declaring nothing.
const US_ASCII = /^(?:us-ascii|ascii|us|ansi_x3\.4-19(?:68|86)|iso-ir-6|iso_646\.irv:1991|iso646-us|ibm367|cp367|csascii)$/i;

export const mimeCharsetMissing: MessageRule = {
  id: "mime-charset-missing",
  kind: "message",
  check(message) {
    if (message.kind !== "eml") return [];
    const findings: RawFinding[] = [];
    for (const part of [message.text, message.html]) {
      if (!part || (part.charset && !US_ASCII.test(part.charset))) continue;
      const sample = part.content.slice(0, 200_000);
      const match = /[^\x00-\x7f]+/.exec(sample);
      if (!match) continue;
      // an HTML part can name its charset in a <meta> (clients fall back to it)
      if (part.contentType === "text/html" && /<meta\b[^>]{0,300}charset\s*=/i.test(sample)) continue;
      const lineStart = sample.lastIndexOf("\n", match.index) + 1;
      // the word around the first 8-bit character, as the client will garble it
      const context = /\S*$/.exec(sample.slice(Math.max(lineStart, match.index - 30), match.index))![0] + /^\S*/.exec(sample.slice(match.index, match.index + 40))![0];
      findings.push({
        message: `The ${part.contentType} part has non-ASCII text ("${context}") but its Content-Type declares ${part.charset ? `charset=${part.charset}` : "no charset"}.`,
        evidence: context,
        location: { part: part.contentType, line: sample.slice(0, match.index).split("\n").length, column: match.index - lineStart + 1 },
      });
    }
    return findings;
  },
};
