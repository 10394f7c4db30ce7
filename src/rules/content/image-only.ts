import type { MessageRule } from "../types.js";
import { elementsOf } from "../../message/dom.js";
import { isInvisibleImage } from "../../message/style.js";
import { wordsOf } from "../../message/words.js";

// A message that is one big picture with a few words is how spam slipped past text filters, so filters
// now score it (SpamAssassin HTML_IMAGE_ONLY_04…32), and with images blocked the reader sees nothing.
// Alt text is not counted: it is shown only when the images are not.
export const imageOnly: MessageRule = {
  id: "image-only",
  kind: "message",
  check(message, ctx) {
    const html = message.htmlBody;
    if (!html) return [];
    const minWords = Number(ctx.options.minWords ?? 40);
    const images = [...elementsOf(html)].filter((element) => element.name === "img" && !isInvisibleImage(element));
    if (images.length === 0) return [];
    // visibleText includes each image's alt text; take those words back out
    const altWords = images.reduce((sum, image) => sum + wordsOf(image.attribs.alt ?? "").length, 0);
    const words = Math.max(0, wordsOf(html.visibleText).length - altWords);
    if (words >= minWords) return [];
    const first = images[0]!;
    const src = (first.attribs.src ?? "").trim();
    return [
      {
        message: `The HTML shows ${images.length} image${images.length === 1 ? "" : "s"} but only ${words} word${words === 1 ? "" : "s"} of text (alt text not counted; at least ${minWords} expected).`,
        evidence: src,
        location: html.locate(first.startIndex ?? 0),
      },
    ];
  },
};
