import type { AnyNode, Element } from "domhandler";
import type { HtmlBody } from "../../message/model.js";
import type { MessageRule, RawFinding } from "../types.js";
import { nodesOf } from "../../message/dom.js";
import { backgroundOf, colourDistance, inlineStyle, parseColour, type Rgb } from "../../message/style.js";
import { wordsOf } from "../../message/words.js";

// Text the reader cannot see but a filter reads is the oldest trick against content filters (random words
// to break hashes, keywords to game Bayes); filters score it (SpamAssassin HTML_FONT_LOW_CONTRAST,
// __FONT_INVIS, __STY_INVIS, __HTML_FONT_TINY_01…). Two legitimate patterns are exempt:
// - the preheader: a short hidden block before the visible content, whose text the inbox shows beside the
//   subject (the first hidden block, preceded by fewer than `preheaderMaxWordsBefore` visible words and no
//   longer than `preheaderMaxChars`);
// - responsive blocks: display:none on an element with a class that the <style> block mentions, which
//   a media query shows on other screens.
// Only inline styles and presentational attributes are read; CSS classes are not resolved. Where no
// element sets a background and no <style> block could, the text sits on the client's default white
// (what SpamAssassin's HTML_FONT_LOW_CONTRAST assumes too): white text there is the classic hash-buster.

const SKIPPED = new Set(["script", "style", "head", "title", "template", "noscript", "xml"]);
// zero-width and padding characters preheaders are filled with
const INVISIBLE_CHARACTERS = /[\s\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff\uffa0]/g;
// any character outside that class: a text node without one shows nothing
const VISIBLE_CHARACTER = /[^\s\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff\uffa0]/;
const MAX_FINDINGS = 10;
const DEFAULT_BACKGROUND: Rgb = [255, 255, 255];

type Background = Rgb | "image";
interface Hider {
  readonly element: Element;
  readonly how: string;
}
interface State {
  readonly hidden?: Hider; // display:none and the like: everything inside is hidden
  readonly tinyFont?: Hider; // nearest font-size declaration is tiny
  readonly colour?: { readonly rgb: Rgb; readonly element: Element };
  readonly background?: Background;
}
interface HiddenBlock {
  readonly hider: Hider;
  readonly wordsBefore: number;
  text: string;
}

export const hiddenText: MessageRule = {
  id: "hidden-text",
  kind: "message",
  check(message, ctx) {
    const html = message.htmlBody;
    if (!html) return [];
    const maxColourDistance = Number(ctx.options.maxColourDistance ?? 16);
    const preheaderMaxChars = Number(ctx.options.preheaderMaxChars ?? 200);
    const preheaderMaxWordsBefore = Number(ctx.options.preheaderMaxWordsBefore ?? 30);
    const styledClasses = classesInStyleBlocks(html);
    const defaultBackground = html.elements.some((element) => element.name === "style") ? undefined : DEFAULT_BACKGROUND;

    const blocks = new Map<Element, HiddenBlock>();
    const states = new Map<AnyNode, State>();
    let visibleWords = 0;
    for (const node of nodesOf(html, (element) => SKIPPED.has(element.name))) {
      const parentState = (node.parent && states.get(node.parent)) || {};
      if (node.type === "tag") {
        const element = node as Element;
        if (SKIPPED.has(element.name)) continue;
        if (element.children.length > 0) states.set(element, stateOf(element, parentState, styledClasses));
        continue;
      }
      if (node.type !== "text") continue;
      const text = (node as unknown as { data: string }).data;
      if (!VISIBLE_CHARACTER.test(text)) continue;
      const hider = parentState.hidden ?? parentState.tinyFont ?? lowContrast(parentState, maxColourDistance, defaultBackground);
      if (!hider) {
        // only compared with preheaderMaxWordsBefore: past it, counting on cannot change the answer
        if (visibleWords < preheaderMaxWordsBefore) visibleWords += wordsOf(text, 1000).length;
        continue;
      }
      if (!/[\p{L}\p{N}]/u.test(text)) continue; // a hidden "." or "|" is layout, not content
      const block = blocks.get(hider.element) ?? { hider, wordsBefore: visibleWords, text: "" };
      block.text += text;
      blocks.set(hider.element, block);
    }

    const reported = [...blocks.values()].filter((block, index) => {
      const text = collapse(block.text);
      const isPreheader = index === 0 && !block.hider.how.startsWith("text colour") && block.wordsBefore < preheaderMaxWordsBefore && text.length <= preheaderMaxChars;
      return !isPreheader;
    });
    const findings: RawFinding[] = reported.slice(0, MAX_FINDINGS).map((block) => {
      const text = collapse(block.text);
      const evidence = text.length > 100 ? `${text.slice(0, 100)}…` : text;
      return {
        message: `Text hidden by ${block.hider.how}: "${evidence}"`,
        evidence,
        location: html.locate(block.hider.element.startIndex ?? 0),
      };
    });
    if (reported.length > MAX_FINDINGS) findings.push({ message: `${reported.length - MAX_FINDINGS} more hidden text blocks not listed.` });
    return findings;
  },
};

function stateOf(element: Element, parent: State, styledClasses: ReadonlySet<string>): State {
  const style = inlineStyle(element.attribs.style);
  const state: { -readonly [K in keyof State]: State[K] } = { ...parent };
  if (!parent.hidden) {
    const how = hiddenBy(element, style);
    const responsive = how === "display:none" && (element.attribs.class ?? "").split(/\s+/).some((name) => styledClasses.has(name));
    if (how && !responsive) state.hidden = { element, how };
  } else if (parent.hidden.how === "visibility:hidden" && style.get("visibility") === "visible") {
    delete state.hidden; // CSS 2.1 §11.2: a descendant can make itself visible again
  }
  const fontSize = style.get("font-size");
  if (fontSize !== undefined) {
    if (isTinyFontSize(fontSize)) state.tinyFont = { element, how: `font-size:${fontSize}` };
    else delete state.tinyFont;
  }
  const colour = parseColour(style.get("color") ?? (element.name === "font" ? element.attribs.color : undefined));
  if (colour) state.colour = { rgb: colour, element };
  const background = backgroundFrom(element, style);
  if (background) state.background = background;
  return state;
}

function hiddenBy(element: Element, style: ReadonlyMap<string, string>): string | undefined {
  if (element.attribs.hidden !== undefined) return "the hidden attribute";
  if (style.get("display") === "none") return "display:none";
  if (style.get("visibility") === "hidden") return "visibility:hidden";
  if (style.get("opacity") !== undefined && Number.parseFloat(style.get("opacity")!) === 0) return "opacity:0";
  const overflowHidden = style.get("overflow") === "hidden";
  for (const property of ["max-height", "height"]) {
    const value = style.get(property);
    if (overflowHidden && value !== undefined && Number.parseFloat(value) === 0) return `${property}:0 with overflow:hidden`;
  }
  return undefined;
}

/** 0 in any unit, ≤ 2px/pt, or a relative size of at most a tenth. */
function isTinyFontSize(value: string): boolean {
  const match = /^(-?[\d.]+)\s*(px|pt|em|rem|%)?$/.exec(value);
  if (!match) return false;
  const size = Number.parseFloat(match[1]!);
  if (size === 0) return true;
  switch (match[2]) {
    case "px":
    case "pt":
      return size <= 2;
    case "em":
    case "rem":
      return size <= 0.1;
    case "%":
      return size <= 10;
    default:
      return false;
  }
}

function backgroundFrom(element: Element, style: ReadonlyMap<string, string>): Background | undefined {
  const shorthand = style.get("background");
  if (style.get("background-image")?.includes("url(") || element.attribs.background) return "image";
  return parseColour(style.get("background-color")) ?? (shorthand ? backgroundOf(shorthand) : undefined) ?? parseColour(element.attribs.bgcolor);
}

function lowContrast(state: State, maxDistance: number, defaultBackground: Rgb | undefined): Hider | undefined {
  const { colour } = state;
  const background = state.background ?? defaultBackground;
  if (!colour || !background || background === "image") return undefined;
  if (colourDistance(colour.rgb, background) > maxDistance) return undefined;
  return { element: colour.element, how: state.background ? "text colour" : "text colour on the default white background" };
}

/** Class names a <style> block mentions (a media query may show elements hidden inline). */
function classesInStyleBlocks(html: HtmlBody): ReadonlySet<string> {
  const classes = new Set<string>();
  // a walk, not html.$("style"): a selector query is quadratic on a flat document of 100,000 nodes
  for (const element of html.elements) {
    if (element.name !== "style") continue;
    const css = element.children.map((child) => ("data" in child ? child.data : "")).join("").slice(0, 500_000);
    for (const match of css.matchAll(/\.(-?[_a-zA-Z][\w-]{0,100})/g)) classes.add(match[1]!);
  }
  return classes;
}

function collapse(text: string): string {
  return text.replace(INVISIBLE_CHARACTERS, " ").replace(/\s+/g, " ").trim();
}
