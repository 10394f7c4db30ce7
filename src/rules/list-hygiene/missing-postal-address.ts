import type { MessageRule } from "../types.js";
import { isCommercialBulk, mailKind } from "./shared/mail-kind.js";
import { bodyText } from "./shared/readable-text.js";
import { hasPostalAddress } from "./shared/postal-address.js";

// CAN-SPAM (15 U.S.C. 7704(a)(5)) requires the sender's valid physical postal address in commercial mail;
// the EU E-Commerce Directive art. 5 asks for the geographic address too. Judged on templates and bulk mail.
export const missingPostalAddress: MessageRule = {
  id: "missing-postal-address",
  kind: "message",
  check(message, ctx) {
    if (!isCommercialBulk(mailKind(message, ctx.data))) return [];
    const text = bodyText(message);
    if (!text) return [];
    if (hasPostalAddress(text, ctx.data) || (message.text && hasPostalAddress(message.text.content, ctx.data))) return [];
    return [
      {
        message: "The body shows no physical postal address (street and number, postcode and town, or a P.O. box).",
        location: { part: message.html ? "text/html" : "text/plain" },
      },
    ];
  },
};
