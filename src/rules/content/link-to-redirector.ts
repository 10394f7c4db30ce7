import type { MessageRule } from "../types.js";
import { webUrl } from "../../message/links.js";
import { hostInList } from "../../domain/index.js";

// An open redirect on a famous site (google.com/url?q=…) lends that site's reputation to an unknown
// target and hides it from URI blocklists; spammers and phishers use it for exactly that
// (SpamAssassin follows these with redirector_pattern). A sender's own link never needs one.
interface Redirector {
  readonly host: string;
  readonly path: string;
  readonly params: readonly string[];
}

export const linkToRedirector: MessageRule = {
  id: "link-to-redirector",
  kind: "message",
  check(message, ctx) {
    const { redirectors } = ctx.data.json<{ redirectors: readonly Redirector[] }>("open-redirectors");
    const hosts = new Set(redirectors.map((entry) => entry.host));
    return message.links.flatMap((link) => {
      const matched = link.host ? hostInList(link.host, hosts) : undefined;
      const redirector = redirectors.find((entry) => entry.host === matched);
      if (!redirector) return [];
      const url = webUrl(link.href);
      if (!url || !url.pathname.toLowerCase().startsWith(redirector.path)) return [];
      const target = redirector.params.map((param) => url.searchParams.get(param)).find((value) => value && /^(?:https?:)?\/\//i.test(value));
      if (!target) return [];
      return [
        {
          message: `Link goes through the open redirector of ${redirector.host} to ${target}: ${link.href}`,
          evidence: link.href,
          location: link.location,
        },
      ];
    });
  },
};
