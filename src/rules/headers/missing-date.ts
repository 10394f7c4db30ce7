import type { MessageRule } from "../types.js";

// RFC 5322 §3.6 requires a Date (the origination date); SpamAssassin scores its absence (MISSING_DATE).
// Templates get theirs from the ESP, so only .eml input is judged.
export const missingDate: MessageRule = {
  id: "missing-date",
  kind: "message",
  check(message) {
    if (message.kind !== "eml" || message.header("date")) return [];
    return [{ message: "The message has no Date header (RFC 5322 requires one).", location: { part: "headers" } }];
  },
};
