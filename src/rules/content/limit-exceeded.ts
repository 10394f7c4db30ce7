import type { MessageRule } from "../types.js";

// A resource limit (src/limits.ts) cut the analysis short: what lies past it was not checked, and the
// report must say so rather than pass a message it has only half read.
export const limitExceeded: MessageRule = {
  id: "limit-exceeded",
  kind: "message",
  check(message) {
    return message.limitsHit.map((hit) => ({
      message: `${hit.message} (limit ${hit.limit}).`,
      evidence: hit.limit,
      ...(hit.location ? { location: hit.location } : {}),
    }));
  },
};
