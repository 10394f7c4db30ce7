import type { MessageRule } from "../types.js";
import { isConversation } from "../list-hygiene/shared/mail-kind.js";
import { carriedIp } from "../../message/links.js";

// Legitimate senders link to names; a bare IP hides who runs the server and is a classic spam and
// phishing sign (SpamAssassin NUMERIC_HTTP_ADDR, NORMAL_HTTP_TO_IP). Obfuscated forms
// (3232235777, 0xC0A80101, 0300.0250.1.1) exist only to slip past naive filters, so they count too.
// A reply or a discussion-list post that pastes a URL in its plain text (a 2002 Google cache link was
// http://216.239.39.100/search?q=cache:…) quotes it rather than sends it: only its HTML links count.
// A redirect or tracking link whose destination is an IP address (…&Redirect=http://61.129.81.99/…)
// leads there all the same, and filters follow it (SpamAssassin corpus spam-2/00517, NORMAL_HTTP_TO_IP).
export const numericIpLink: MessageRule = {
  id: "numeric-ip-link",
  kind: "message",
  check(message, ctx) {
    const conversation = isConversation(message, ctx.data);
    return message.links.flatMap((link) => {
      if (conversation && link.source === "text") return [];
      if (link.ip !== undefined) {
        return [{ message: `Link points at the numeric IP address ${link.ip}${disguise(link.href, link.ip, link.userinfo)}: ${link.href}`, evidence: link.href, location: link.location }];
      }
      const carried = link.host !== undefined ? carriedIp(link.href) : undefined;
      if (carried === undefined) return [];
      return [{ message: `Link goes through ${link.host} on to the numeric IP address ${carried}: ${link.href}`, evidence: link.href, location: link.location }];
    });
  },
};

/** Says how the address was disguised, when it was not written plainly. */
function disguise(href: string, ip: string, userinfo: string | undefined): string {
  const notes: string[] = [];
  if (userinfo !== undefined) notes.push(`"${userinfo}@" before it is only a user name`);
  if (!href.toLowerCase().includes(ip.toLowerCase())) notes.push("written in an obfuscated notation");
  return notes.length > 0 ? ` (${notes.join("; ")})` : "";
}
