import type { MessageRule } from "../types.js";

// RFC 5322 §3.6.4: every message SHOULD have a Message-ID; Gmail's sender guidelines require one for bulk
// mail and SpamAssassin scores its absence (MISSING_MID). Templates get theirs from the ESP.
export const missingMessageId: MessageRule = {
  id: "missing-message-id",
  kind: "message",
  check(message) {
    if (message.kind !== "eml" || message.header("message-id")) return [];
    return [{ message: "The message has no Message-ID header.", location: { part: "headers" } }];
  },
};
