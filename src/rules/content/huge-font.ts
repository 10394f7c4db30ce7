import type { AnyNode, Element } from "domhandler";
import type { MessageRule } from "../types.js";
import { nodesOf } from "../../message/dom.js";
import { inlineStyle } from "../../message/style.js";

// Body text set in a huge font ("<font size=7>MAKE MONEY FAST</font>", font-size:40px on a paragraph)
// shouts, as capitals do: filters note it (SpamAssassin HTML_FONT_SIZE_LARGE and HTML_FONT_SIZE_HUGE, the
// largest <font size> 6 and 7, 20_html_tests.cf) and readers take it for an advert. A headline may be big;
// the rule fires when at least minLetters letters and digits of text are set at minPx or more, more than a
// headline holds. Sizes come from <font size> (1-7, or +n/-n from the default 3: HTML's legacy font
// sizes, 6 = xx-large = 32px) and inline font-size (px, pt, em, rem, %, keywords), each element inheriting
// its parent's; <style> blocks and a heading's default size are not read.
const SKIPPED = new Set(["script", "style", "head", "title", "template", "noscript", "xml"]);
const DEFAULT_PX = 16;
// HTML Living Standard §15.3.4 (the font element): size 1-7 ↔ x-small … xxx-large
const LEGACY_SIZES_PX = [10, 13, 16, 18, 24, 32, 48];
const KEYWORD_PX: Readonly<Record<string, number>> = {
  "xx-small": 9,
  "x-small": 10,
  small: 13,
  medium: 16,
  large: 18,
  "x-large": 24,
  "xx-large": 32,
  "xxx-large": 48,
};
const CSS_SIZE = /^(\d+(?:\.\d+)?|\.\d+)\s*(px|pt|em|rem|%)$/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;
const EVIDENCE_CHARS = 80;

interface Sized {
  readonly px: number;
  /** The element that declared the size (undefined: the default). */
  readonly element?: Element;
}

export const hugeFont: MessageRule = {
  id: "huge-font",
  kind: "message",
  check(message, ctx) {
    const html = message.htmlBody;
    if (!html) return [];
    const minPx = Number(ctx.options.minPx ?? 32);
    const minLetters = Number(ctx.options.minLetters ?? 40);
    const sizes = new Map<AnyNode, Sized>();
    let letters = 0;
    let first: { text: string; element?: Element } | undefined;
    let largest = 0;
    for (const node of nodesOf(html, (element) => SKIPPED.has(element.name))) {
      const parent: Sized = (node.parent && sizes.get(node.parent)) || { px: DEFAULT_PX };
      if (node.type === "tag") {
        const element = node as Element;
        if (!SKIPPED.has(element.name) && element.children.length > 0) sizes.set(element, sizeOf(element, parent));
        continue;
      }
      if (node.type !== "text" || parent.px < minPx) continue;
      const text = (node as unknown as { data: string }).data;
      const count = text.match(LETTER_OR_DIGIT)?.length ?? 0;
      if (count === 0) continue;
      letters += count;
      largest = Math.max(largest, parent.px);
      if (first === undefined) first = { text, ...(parent.element ? { element: parent.element } : {}) };
      else if (first.text.length < EVIDENCE_CHARS && first.element === parent.element) first.text += text;
    }
    if (letters < minLetters || first === undefined) return [];
    const evidence = evidenceOf(first.text);
    return [
      {
        message: `The HTML sets ${letters} letters of text in a huge font (${Math.round(largest)}px or so), e.g. "${evidence}".`,
        evidence,
        location: html.locate(first.element?.startIndex ?? 0),
      },
    ];
  },
};

function sizeOf(element: Element, parent: Sized): Sized {
  const declared = inlineStyle(element.attribs.style).get("font-size");
  const css = declared === undefined ? undefined : cssPx(declared, parent.px);
  if (css !== undefined) return { px: css, element };
  if (element.name === "font" && element.attribs.size !== undefined) {
    const legacy = legacyPx(element.attribs.size);
    if (legacy !== undefined) return { px: legacy, element };
  }
  return parent;
}

/** A CSS font-size in px: absolute units, sizes relative to the parent's, and the absolute keywords. */
function cssPx(value: string, parentPx: number): number | undefined {
  const keyword = KEYWORD_PX[value];
  if (keyword !== undefined) return keyword;
  const match = CSS_SIZE.exec(value);
  if (!match) return undefined;
  const size = Number.parseFloat(match[1]!);
  switch (match[2]) {
    case "px":
      return size;
    case "pt":
      return (size * 4) / 3;
    case "em":
      return size * parentPx;
    case "rem":
      return size * DEFAULT_PX;
    default:
      return (size * parentPx) / 100;
  }
}

/** <font size>: 1-7, or +n/-n from the default size 3, clamped to 1-7 as browsers do. */
function legacyPx(value: string): number | undefined {
  const match = /^\s*([+-]?)(\d{1,3})/.exec(value);
  if (!match) return undefined;
  const number = Number(match[2]);
  const level = match[1] === "+" ? 3 + number : match[1] === "-" ? 3 - number : number;
  return LEGACY_SIZES_PX[Math.min(7, Math.max(1, level)) - 1];
}

function evidenceOf(text: string): string {
  const collapsed = text.replace(/\s+/g, " ").trim();
  if (collapsed.length <= EVIDENCE_CHARS) return collapsed;
  const cut = collapsed.lastIndexOf(" ", EVIDENCE_CHARS);
  return `${collapsed.slice(0, cut > 0 ? cut : EVIDENCE_CHARS)}…`;
}
