import type { MessageRule } from "../types.js";
import { headerLocation } from "./shared/header-location.js";
import { isCommercialBulk, mailKind } from "../list-hygiene/shared/mail-kind.js";

// Inboxes show the display name, not the address; a bare address looks machine-sent and lowers opens.
// Only bulk mail is judged: people writing to each other often send bare addresses, to nobody's harm.
export const missingDisplayName: MessageRule = {
  id: "missing-display-name",
  kind: "message",
  check(message, ctx) {
    const from = message.from;
    if (!from || from.name || !isCommercialBulk(mailKind(message, ctx.data))) return [];
    return [
      {
        message: `From address ${from.address} has no display name; inboxes will show the bare address.`,
        evidence: from.address,
        location: headerLocation(message, "From"),
      },
    ];
  },
};
