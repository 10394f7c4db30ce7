import type { MessageModel } from "../../../message/model.js";

// The recipients a reader sees in To and Cc. Counted without a full RFC 5322 parser, in one pass that
// skips quoted display names ("Smith, Ann" <ann@…>), so a hostile header cannot make it slow.
const SEPARATORS = new Set([",", ";", "<", ">", " ", "\t", "\r", "\n"]);

/** Distinct addresses (lower-cased) written in the To and Cc fields. */
export function visibleRecipients(message: MessageModel): string[] {
  const found = new Set<string>();
  for (const header of [...message.headersNamed("to"), ...message.headersNamed("cc")]) {
    for (const token of addressTokens(header.value)) found.add(token.toLowerCase());
  }
  return [...found];
}

function addressTokens(value: string): string[] {
  const tokens: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of value) {
    if (char === '"') {
      quoted = !quoted;
      current = "";
    } else if (quoted) {
      continue;
    } else if (SEPARATORS.has(char)) {
      if (isAddress(current)) tokens.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  if (isAddress(current)) tokens.push(current);
  return tokens;
}

function isAddress(token: string): boolean {
  const at = token.lastIndexOf("@");
  return at > 0 && at < token.length - 1;
}
