import type { MessageRule } from "../types.js";
import { headerLocation } from "./shared/header-location.js";

// RFC 5322 §3.6.4 msg-id: "<" id-left "@" id-right ">", each a dot-atom (id-left may be a quoted string
// in the obsolete syntax, id-right a [literal]). Broken ids are a spamware trait (SpamAssassin INVALID_MSGID).
const ATOM_TEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const DOT_ATOM = `${ATOM_TEXT}(?:\\.${ATOM_TEXT})*`;
const MSG_ID = new RegExp(`^<(?:${DOT_ATOM}|"[^"\\\\]{0,200}")@(?:${DOT_ATOM}|\\[[^\\][\\\\]{0,200}\\])>$`);

export const invalidMessageId: MessageRule = {
  id: "invalid-message-id",
  kind: "message",
  check(message) {
    const header = message.header("message-id");
    if (!header) return [];
    const value = header.value.replace(/\([^()]{0,100}\)/g, "").trim();
    if (MSG_ID.test(value)) return [];
    return [
      {
        message: `Message-ID "${value}" is not of the RFC 5322 form <id@domain>.`,
        evidence: value,
        location: headerLocation(message, "Message-ID"),
      },
    ];
  },
};
