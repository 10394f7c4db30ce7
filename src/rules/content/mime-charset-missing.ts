import type { BodyPart, MimePart } from "../../message/model.js";
import { US_ASCII } from "../../message/charset-guess.js";
import type { MessageRule, RawFinding } from "../types.js";

// RFC 2045 §5.2: a text part without a charset is US-ASCII. Non-ASCII bytes in it are then guessed at by
// each client (mojibake), and filters read undeclared 8-bit text as a hand-rolled mailer. Declaring
// US-ASCII (or one of its IANA aliases) says the same as declaring nothing; declaring a charset the bytes
// are not in (Latin-1 over Chinese, a made-up name) is as bad, and the parser had to guess those too.
// Headers have their own rule (unencoded-header).
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
      const guessed = message.mime.find((leaf) => leaf.contentType === part.contentType && leaf.decodedAs && (!leaf.charset || US_ASCII.test(leaf.charset)));
      findings.push({
        message: `The ${part.contentType} part has non-ASCII text ("${context}") but its Content-Type declares ${part.charset ? `charset=${part.charset}` : "no charset"}${guessed ? `; its bytes read as ${guessed.decodedAs}` : ""}.`,
        evidence: context,
        location: { part: part.contentType, line: sample.slice(0, match.index).split("\n").length, column: match.index - lineStart + 1 },
      });
    }
    for (const leaf of message.mime) {
      if (!leaf.decodedAs || !leaf.charset || US_ASCII.test(leaf.charset)) continue;
      findings.push({
        message: `The ${leaf.contentType} part declares charset=${leaf.charset}, but its bytes are not text in that charset: they read as ${leaf.decodedAs}.`,
        evidence: `charset=${leaf.charset}`,
        location: { part: leaf.contentType, line: firstLine(leaf, leaf.contentType === "text/html" ? message.html : message.text) },
      });
    }
    return findings;
  },
};


/** Where the part's text begins in its (possibly joined) body. */
function firstLine(leaf: MimePart, body: BodyPart | undefined): number {
  return body?.sections?.find((section) => section.mimePart === leaf.path)?.firstLine ?? 1;
}
