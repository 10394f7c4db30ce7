import type { MessageRule } from "../types.js";

// RFC 5322 §3.6 requires exactly one From; DMARC (RFC 7489 §6.6.1) has nothing to align without it and
// most receivers reject such mail outright.
export const missingFrom: MessageRule = {
  id: "missing-from",
  kind: "message",
  check(message) {
    if (message.headersNamed("from").length > 0) return [];
    const where = message.kind === "html" ? "no --from was given for this template" : "the message has no From header";
    return [{ message: `The sender is unknown: ${where}.`, location: { part: "headers" } }];
  },
};
