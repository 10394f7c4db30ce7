import type { MessageRule, RawFinding } from "../types.js";

// RFC 2045 §6.7 (5): the encoded lines of a quoted-printable body are at most 76 characters; a longer
// line is broken with a soft line break ("=" at its end). A body that ignores this was not encoded by a
// MIME library: relays may wrap or reject it (RFC 5321 §4.5.3.1.6 caps a line at 1000 octets), and
// filters score it (SpamAssassin MIME_QP_LONG_LINE). The scan (src/message/mime.ts) measures the lines
// as sent, before decoding.
export const qpLongLine: MessageRule = {
  id: "qp-long-line",
  kind: "message",
  check(message) {
    if (message.kind !== "eml") return [];
    const findings: RawFinding[] = [];
    for (const part of message.mime) {
      const long = part.qpLongLines;
      if (!long) continue;
      const lines = long.count === 1 ? `an encoded line of ${long.longest} characters` : `${long.count} encoded lines longer than 76 characters (the longest ${long.longest})`;
      findings.push({
        message: `The quoted-printable ${part.contentType} part${part.path ? ` (MIME part ${part.path})` : ""} has ${lines}; RFC 2045 limits quoted-printable lines to 76.`,
        evidence: `${long.longest} characters`,
        location: { part: "message", line: long.line, column: 77 },
      });
    }
    return findings;
  },
};
