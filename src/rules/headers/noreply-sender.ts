import type { Address } from "../../message/model.js";
import type { MessageRule, RawFinding } from "../types.js";
import { headerLocation } from "./shared/header-location.js";

// Mailbox providers read replies as engagement; a no-reply sender refuses them, and readers who cannot
// reply press "Report spam" instead (Google sender guidelines advise against noreply From addresses).
export const noreplySender: MessageRule = {
  id: "noreply-sender",
  kind: "message",
  check(message, ctx) {
    const forms = ctx.data.list("noreply");
    const findings: RawFinding[] = [];
    const replyToUsable = message.replyTo.some((address) => !isNoreply(address, forms));
    for (const address of message.fromAll.filter((from) => isNoreply(from, forms))) {
      findings.push({
        message: replyToUsable
          ? `From address ${address.address} is a no-reply address (replies go to the Reply-To, but readers still see "no reply").`
          : `From address ${address.address} is a no-reply address and no Reply-To offers another.`,
        evidence: address.address,
        location: headerLocation(message, "From"),
        // a usable Reply-To still receives replies: only the look of the From is left to fix
        ...(replyToUsable ? { severity: "info" as const } : {}),
      });
    }
    for (const address of message.replyTo.filter((replyTo) => isNoreply(replyTo, forms))) {
      findings.push({
        message: `Reply-To address ${address.address} is a no-reply address: replies are refused.`,
        evidence: address.address,
        location: headerLocation(message, "Reply-To"),
      });
    }
    return findings;
  },
};

// Tokens split on separators; a run of tokens joined (and stripped of a trailing counter) must equal a
// no-reply form, so "noreply-billing" and "news.no-reply" match but "noreplyneeded" does not.
const MAX_TOKENS_JOINED = 4;

export function isNoreply(address: Address, forms: ReadonlySet<string>): boolean {
  const tokens = address.localPart.toLowerCase().split(/[-._+=]+/).filter(Boolean);
  for (let start = 0; start < tokens.length; start++) {
    let joined = "";
    for (let end = start; end < tokens.length && end < start + MAX_TOKENS_JOINED; end++) {
      joined += tokens[end];
      if (forms.has(joined.replace(/\d+$/, ""))) return true;
    }
  }
  return false;
}
