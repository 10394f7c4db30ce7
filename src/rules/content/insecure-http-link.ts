import type { MessageRule } from "../types.js";
import type { Link } from "../../message/model.js";

// Plain http:// links open as "Not secure" pages, can be altered in transit and undermine trust in a
// message that asks for a click; Gmail and link scanners favour https. Only clickable links are judged:
// images are fetched by the mailbox providers' proxies, and a text part repeats the HTML links.
// One finding per host, so a newsletter with forty http links to one site gets one fix, not forty.
export const insecureHttpLink: MessageRule = {
  id: "insecure-http-link",
  kind: "message",
  check(message) {
    const byHost = new Map<string, Link[]>();
    for (const link of message.links) {
      if ((link.source !== "a" && link.source !== "area") || link.scheme !== "http" || !link.host) continue;
      const links = byHost.get(link.host) ?? [];
      links.push(link);
      byHost.set(link.host, links);
    }
    return [...byHost].map(([host, links]) => ({
      message:
        links.length === 1
          ? `Link to ${host} uses plain http:// instead of https://: ${links[0]!.href}`
          : `${links.length} links to ${host} use plain http:// instead of https://, the first: ${links[0]!.href}`,
      evidence: links[0]!.href,
      location: links[0]!.location,
    }));
  },
};
