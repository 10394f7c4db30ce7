import type { MessageRule, RawFinding } from "../types.js";
import type { Link } from "../../message/model.js";
import { specialAddressRange, subdomainLabels } from "../../domain/index.js";
import { isConversation } from "../list-hygiene/shared/mail-kind.js";

// A link or image that only resolves on the sender's network (localhost, RFC 1918 / RFC 4193 addresses,
// reserved TLDs of RFC 2606 / RFC 6761, a staging server) is broken for every recipient: a leftover from
// testing that makes the mail look careless and, for images, shows a broken picture. In a reply or a
// discussion-list post, a URL in the plain text is prose ("browse http://localhost/~you"), not a link
// the sender lays out, so only the links of the HTML are judged there.
export const localLink: MessageRule = {
  id: "local-link",
  kind: "message",
  check(message, ctx) {
    const reservedTlds = ctx.data.list("reserved-tlds");
    const stagingLabels = ctx.data.list("staging-host-labels");
    const links = isConversation(message, ctx.data) ? message.links.filter((link) => link.source !== "text") : message.links;
    return links.flatMap((link): RawFinding[] => {
      const reason = whyLocal(link, reservedTlds);
      if (reason) {
        return [{ message: `Link points at ${reason}, which recipients cannot reach: ${link.href}`, evidence: link.href, location: link.location }];
      }
      const staging = link.host && !link.ip ? subdomainLabels(link.host).find((label) => isStagingLabel(label, stagingLabels)) : undefined;
      if (!staging) return [];
      // a name is only a guess (dev.perl.org is public), so a staging-looking host warns
      return [
        {
          message: `Link points at ${link.host}, which looks like a test/staging server ("${staging}"): ${link.href}`,
          evidence: link.href,
          location: link.location,
          severity: "warning",
        },
      ];
    });
  },
};

/** Why a link cannot work for any recipient, or undefined. */
function whyLocal(link: Link, reservedTlds: ReadonlySet<string>): string | undefined {
  const host = link.host;
  if (!host) return undefined;
  if (link.ip) {
    const range = specialAddressRange(link.ip);
    return range ? `a ${range} address` : undefined;
  }
  const labels = host.split(".");
  if (labels.length === 1) return `the single-label host "${host}"`;
  const tld = labels[labels.length - 1]!;
  return reservedTlds.has(tld) || reservedTlds.has(labels.slice(-2).join(".")) ? `the non-public name ${host}` : undefined;
}

/** "staging", or a hyphenated form the list allows ("staging-*" → "staging-api", "*-staging" → "app-staging"). */
function isStagingLabel(label: string, stagingLabels: ReadonlySet<string>): boolean {
  if (stagingLabels.has(label)) return true;
  const parts = label.split("-");
  if (parts.length < 2) return false;
  return stagingLabels.has(`${parts[0]}-*`) || stagingLabels.has(`*-${parts[parts.length - 1]}`);
}
