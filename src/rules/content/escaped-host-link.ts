import type { MessageRule } from "../types.js";
import { isConversation } from "../list-hygiene/shared/mail-kind.js";

// A host name never needs %-escapes: RFC 3986 §3.2.2 allows them only for non-ASCII names, and IDNA
// (RFC 5890) writes those as xn-- labels. Browsers decode them all the same, so
// "http://%77%77%77.%62a%6E%6E%65%64c%64.%6E%65%74" opens www.bannedcd.net while the name is out of reach
// of a reader, a URI blocklist lookup and a naive filter (SpamAssassin HTTP_ESCAPED_HOST). The finding
// names the decoded host. As with numeric-ip-link, a URL in the plain text of a reply or a
// discussion-list post is quoted prose, not a link the sender laid out.
const AUTHORITY = /^\s*(?:(?:https?|ftp):)?[\\/]{2}([^/\\?#]*)/i;
const ESCAPE = /%[0-9a-f]{2}/i;

export const escapedHostLink: MessageRule = {
  id: "escaped-host-link",
  kind: "message",
  check(message, ctx) {
    const conversation = isConversation(message, ctx.data);
    return message.links.flatMap((link) => {
      if (conversation && link.source === "text") return [];
      const written = writtenHost(link.href);
      if (written === undefined || !ESCAPE.test(written)) return [];
      const host = link.host ?? leniently(written);
      if (host === undefined) return [];
      return [{ message: `Link hides its host ${host} behind %-escapes ("${clip(written)}"): ${clip(link.href)}`, evidence: link.href, location: link.location }];
    });
  },
};

/** The host of a web URL's authority as written: after the last "@", before a ":port". */
function writtenHost(href: string): string | undefined {
  const authority = AUTHORITY.exec(href.length > 4096 ? href.slice(0, 4096) : href)?.[1];
  if (authority === undefined) return undefined;
  return authority.slice(authority.lastIndexOf("@") + 1).replace(/:\d*$/, "");
}

/**
 * The host a lenient client reads when the escapes hide a "/" or an "@" too ("8%31%2E%39.%38.%34%2F%4Eew…"
 * is 81.9.8.4/New…), which makes the URL itself invalid; undefined when the decoded text is no host at all
 * ("%7Bsburke%7D%20%7Bat%7D%20%7Bcpan.org%7D", an address spelt out against harvesters).
 */
function leniently(written: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(written);
  } catch {
    return undefined;
  }
  try {
    const host = new URL(`http://${decoded}`).hostname;
    return host.includes(".") ? host : undefined;
  } catch {
    return undefined;
  }
}

/** For the message: a line break a quoted-printable or folded href kept is no part of the URL. */
function clip(text: string): string {
  const flat = text.replace(/\s+/g, "");
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
