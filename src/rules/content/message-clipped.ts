import type { MessageRule } from "../types.js";

// Gmail shows only the first 102 KB of a message's HTML and hides the rest (footer, unsubscribe link,
// tracking pixel) behind "[Message clipped] View entire message". We measure the HTML part's body as it
// is sent, i.e. after its transfer encoding (quoted-printable escapes count): that is the larger, safe
// figure. A template is measured as its UTF-8 file; the ESP's encoding will add a little.
export const messageClipped: MessageRule = {
  id: "message-clipped",
  kind: "message",
  check(message, ctx) {
    const maxBytes = Number(ctx.options.maxBytes ?? 102 * 1024);
    const part = message.mime.find((leaf) => leaf.contentType === "text/html" && leaf.disposition !== "attachment");
    if (!part || part.sizeBytes <= maxBytes) return [];
    const kilobytes = (part.sizeBytes / 1024).toFixed(1);
    const how = message.kind === "html" ? "as a UTF-8 file" : `as sent, ${part.transferEncoding}`;
    return [
      {
        message: `The HTML part is ${kilobytes} KB (${part.sizeBytes} bytes ${how}); Gmail clips HTML over ${Math.round(maxBytes / 1024)} KB and hides the rest, unsubscribe link included.`,
        evidence: `${part.sizeBytes} bytes`,
        location: { part: "text/html", line: 1 },
      },
    ];
  },
};
