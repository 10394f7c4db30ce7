import type { MessageRule } from "../types.js";

// Bulk mail is expected to be small: a message over ~1 MB carries attachments or embedded images, is slow
// on mobile connections and is scanned (or skipped) differently by filters. Over 25 MB Gmail refuses it
// outright, so that is an error.
export const messageTooLarge: MessageRule = {
  id: "message-too-large",
  kind: "message",
  check(message, ctx) {
    if (message.kind !== "eml") return [];
    const maxBytes = Number(ctx.options.maxBytes ?? 1024 * 1024);
    const rejectBytes = Number(ctx.options.rejectBytes ?? 25 * 1024 * 1024);
    const size = message.sizeBytes;
    if (size <= maxBytes) return [];
    const megabytes = (size / (1024 * 1024)).toFixed(1);
    if (size > rejectBytes) {
      return [
        {
          message: `The message is ${megabytes} MB; Gmail and most providers reject messages over ${Math.round(rejectBytes / (1024 * 1024))} MB.`,
          evidence: `${size} bytes`,
          severity: "error",
        },
      ];
    }
    return [
      {
        message: `The message is ${megabytes} MB (${size} bytes); keep bulk mail under ${Math.round(maxBytes / 1024)} KB and link to large files instead of attaching them.`,
        evidence: `${size} bytes`,
      },
    ];
  },
};
