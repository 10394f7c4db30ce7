import type { MessageRule } from "../types.js";
import { unsubscribeOffers } from "./shared/unsubscribe.js";

// What a deliverability expert means by a badly placed unsubscribe link:
// - only at the top: readers look for it in the footer, where every newsletter puts it; when the footer
//   has none they press "Report spam" instead (a second link at the top is good practice, a lone one is not);
// - only at the very bottom of a long HTML body: Gmail clips HTML past about 102 KB and shows
//   "[Message clipped]", so an unsubscribe link beyond that point is hidden from Gmail readers — a warning.
// A link only in the footer of a normal-sized message is the convention and is not reported.
const GMAIL_CLIP_BYTES = 102 * 1024;

export const unsubscribeLinkPosition: MessageRule = {
  id: "unsubscribe-link-position",
  kind: "message",
  check(message, ctx) {
    const body = message.htmlBody;
    if (!body) return [];
    const links = unsubscribeOffers(message, ctx.data).filter((offer) => offer.htmlOffset !== undefined);
    if (links.length === 0) return [];
    const offsets = links.map((link) => link.htmlOffset!);
    const first = links[0]!;
    if (Buffer.byteLength(body.source.slice(0, Math.min(...offsets)), "utf8") > GMAIL_CLIP_BYTES) {
      return [
        {
          message: `Every unsubscribe link sits past Gmail's ~102 KB clipping point, so Gmail readers do not see it: ${first.href ?? first.evidence}`,
          evidence: first.href ?? first.evidence,
          ...(first.location ? { location: first.location } : {}),
          severity: "warning",
        },
      ];
    }
    const bodyElement = body.elements.find((element) => element.name.toLowerCase() === "body");
    const start = bodyElement?.startIndex ?? 0;
    const end = bodyElement?.endIndex ?? body.source.length;
    const minBodyChars = Number(ctx.options.minBodyChars ?? 3000);
    const topFraction = Number(ctx.options.topFraction ?? 0.33);
    if (end - start < minBodyChars) return [];
    const last = Math.max(...offsets);
    if ((last - start) / (end - start) >= topFraction) return [];
    return [
      {
        message: `The only unsubscribe link is in the top ${Math.round(topFraction * 100)}% of the message; readers look for it in the footer: ${first.href ?? first.evidence}`,
        evidence: first.href ?? first.evidence,
        ...(first.location ? { location: first.location } : {}),
      },
    ];
  },
};
