import type { MessageRule } from "../types.js";

// HTML with no text/plain alternative is a classic bulk-mail tell (SpamAssassin MIME_HTML_ONLY), and
// readers whose client shows plain text get nothing. Templates are exempt: the ESP generates the text part.
export const missingTextPart: MessageRule = {
  id: "missing-text-part",
  kind: "message",
  check(message) {
    if (message.kind !== "eml" || !message.html) return [];
    const contentType = message.header("content-type");
    const location = contentType ? { header: contentType.name, line: contentType.line } : { part: "text/html" };
    const textLeaves = message.mime.filter((part) => part.contentType === "text/plain" && part.disposition !== "attachment");
    if (textLeaves.length === 0) {
      return [
        {
          message: "The message has an HTML part but no text/plain alternative.",
          evidence: contentType?.value ?? "text/html",
          location,
        },
      ];
    }
    if (message.text && message.text.content.trim() === "") {
      return [
        {
          message: "The text/plain alternative is empty, so plain-text readers see nothing.",
          evidence: "text/plain",
          location: { part: "text/plain", line: 1 },
        },
      ];
    }
    return [];
  },
};
