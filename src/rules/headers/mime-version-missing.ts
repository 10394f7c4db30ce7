import type { MessageRule } from "../types.js";
import { locationOf } from "./shared/header-location.js";

// RFC 2045 §4: a message formatted as MIME carries "MIME-Version: 1.0" in its header, and readers that
// go by the standard may treat a message without it as plain RFC 822 text, its Content-Type and
// Content-Transfer-Encoding ignored (the HTML shown as source, the multipart as one text). Mail libraries
// always write it; a header block with Content-Type but no MIME-Version was put together by hand or by a
// bulk mailer, which is why filters score it (SpamAssassin MIME_HEADER_CTYPE_ONLY).
const MIME_FIELDS = ["content-type", "content-transfer-encoding"];

export const mimeVersionMissing: MessageRule = {
  id: "mime-version-missing",
  kind: "message",
  check(message) {
    if (message.kind !== "eml" || message.header("mime-version")) return [];
    const field = message.headers.find((header) => MIME_FIELDS.includes(header.key));
    if (!field) return [];
    const evidence = `${field.name}: ${field.raw}`.slice(0, 80);
    return [{
      message: `The message has a ${field.name} header but no MIME-Version header, so a reader may ignore its MIME structure.`,
      evidence,
      location: locationOf(field),
    }];
  },
};
