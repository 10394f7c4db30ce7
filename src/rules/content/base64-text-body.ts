import type { BodyPart } from "../../message/model.js";
import type { MessageRule, RawFinding } from "../types.js";

// Base64 makes a mostly-ASCII text unreadable to simple filters, which is why spammers used it and why
// SpamAssassin still notes it (MIME_BASE64_TEXT). Some mailers (Outlook) send it innocently, so this is
// informational; quoted-printable says the same bytes readably.
export const base64TextBody: MessageRule = {
  id: "base64-text-body",
  kind: "message",
  check(message, ctx) {
    if (message.kind !== "eml") return [];
    const maxNonAsciiRatio = Number(ctx.options.maxNonAsciiRatio ?? 0.01);
    const findings: RawFinding[] = [];
    for (const part of [message.text, message.html]) {
      if (!part || part.transferEncoding !== "base64") continue;
      const ratio = nonAsciiRatio(part);
      if (ratio === undefined || ratio > maxNonAsciiRatio) continue;
      findings.push({
        message: `The ${part.contentType} part is base64-encoded although ${ratio === 0 ? "all" : `${Math.round((1 - ratio) * 100)}%`} of its text is ASCII; quoted-printable (or 7bit) would be readable as sent.`,
        evidence: "Content-Transfer-Encoding: base64",
        location: { part: part.contentType, line: 1 },
      });
    }
    return findings;
  },
};

function nonAsciiRatio(part: BodyPart): number | undefined {
  const text = part.content.slice(0, 200_000);
  if (text.trim() === "") return undefined;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e) nonAscii++;
  return nonAscii / text.length;
}
