import type { MessageRule } from "../types.js";
import { headerLocation, locationOf } from "./shared/header-location.js";

// RFC 5322 §3.6 allows one From header; several mailboxes in it need a Sender. DMARC (RFC 7489 §6.6.1)
// lets receivers reject both shapes, and Gmail does: it cannot tell whose domain to align.
export const multipleFrom: MessageRule = {
  id: "multiple-from",
  kind: "message",
  check(message) {
    const headers = message.headersNamed("from");
    if (headers.length > 1) {
      const second = headers[1]!;
      return [
        {
          message: `The message has ${headers.length} From headers; RFC 5322 allows one.`,
          evidence: second.value.trim(),
          location: locationOf(second),
        },
      ];
    }
    if (message.fromAll.length > 1) {
      const list = message.fromAll.map((address) => address.address).join(", ");
      return [{ message: `The From header names ${message.fromAll.length} mailboxes (${list}).`, evidence: list, location: headerLocation(message, "From") }];
    }
    return [];
  },
};
