import type { MessageRule } from "../types.js";
import { displayedHost } from "../../message/links.js";

// "http://www.bank.com@evil.example/" shows a trusted name but goes to the host after the "@": the
// part before it is only a user name (RFC 3986 §3.2.1, which deprecates it; §7.6 names this very trick).
// Browsers warn about it and phishing filters score it. Only a user name that looks like a domain is
// reported: "ftp://anonymous@ftp.example.org/" deceives nobody.
export const userinfoLink: MessageRule = {
  id: "userinfo-link",
  kind: "message",
  check(message) {
    return message.links.flatMap((link) => {
      const shown = link.userinfo !== undefined ? displayedHost(link.userinfo.replace(/:.*$/, "")) : undefined;
      if (!shown || !link.host) return [];
      return [
        {
          message: `Link looks like it goes to ${shown} but goes to ${link.host}; "${link.userinfo}@" is only a user name: ${link.href}`,
          evidence: link.href,
          location: link.location,
        },
      ];
    });
  },
};
