import type { Element } from "domhandler";
import type { MessageRule } from "../types.js";
import { inlineStyle, isInvisibleImage } from "../../message/style.js";
import { wordsOf } from "../../message/words.js";

// A message that is one big picture with a few words is how spam slipped past text filters, so filters
// now score it (SpamAssassin HTML_IMAGE_ONLY_04…32), and with images blocked the reader sees nothing.
// Alt text is not counted: it is shown only when the images are not. Messages whose images are all
// declared small (logos, icons) are not judged.
export const imageOnly: MessageRule = {
  id: "image-only",
  kind: "message",
  check(message, ctx) {
    const html = message.htmlBody;
    if (!html) return [];
    const minWords = Number(ctx.options.minWords ?? 40);
    const images = html.elements.filter((element) => element.name === "img" && !isInvisibleImage(element));
    // a logo, icons or a header strip beside a short note (a receipt, a reply) is not an image-only message
    if (images.every(isDeclaredSmall)) return [];
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

/** Declared narrower than 200 px or lower than 100 px (attribute or inline style; percentages are not small). */
function isDeclaredSmall(image: Element): boolean {
  const style = inlineStyle(image.attribs.style);
  const pixels = (name: "width" | "height") => {
    const value = (style.get(name) ?? image.attribs[name] ?? "").trim();
    return /^\d+(?:\.\d+)?(?:px)?$/.test(value) ? Number.parseFloat(value) : undefined;
  };
  const width = pixels("width");
  const height = pixels("height");
  return (width !== undefined && width < 200) || (height !== undefined && height < 100);
}
