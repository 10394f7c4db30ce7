import type { Element } from "domhandler";

// Inline CSS and colours as mail clients read them: the style attribute and the HTML4 presentational
// attributes (bgcolor, color) that email HTML still relies on. No cascade from <style> blocks:
// rules that use this judge only what an element says about itself and its ancestors.

/** Declarations of a style attribute: lower-cased property → value (last one wins, `!important` dropped). */
export function inlineStyle(style: string | undefined): ReadonlyMap<string, string> {
  const declarations = new Map<string, string>();
  if (!style) return declarations;
  // a style attribute longer than this is not written by a person; judge its start only
  for (const declaration of style.slice(0, 10_000).replace(/\/\*[\s\S]*?\*\//g, "").split(";")) {
    const colon = declaration.indexOf(":");
    if (colon <= 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!\s*important\s*$/i, "")
      .trim()
      .toLowerCase();
    if (property && value) declarations.set(property, value);
  }
  return declarations;
}

export type Rgb = readonly [red: number, green: number, blue: number];

// The 16 HTML 4 colour keywords: the names older templates and spam actually use in bgcolor/color.
const NAMED_COLOURS: Readonly<Record<string, Rgb>> = {
  black: [0, 0, 0],
  silver: [192, 192, 192],
  gray: [128, 128, 128],
  grey: [128, 128, 128],
  white: [255, 255, 255],
  maroon: [128, 0, 0],
  red: [255, 0, 0],
  purple: [128, 0, 128],
  fuchsia: [255, 0, 255],
  green: [0, 128, 0],
  lime: [0, 255, 0],
  olive: [128, 128, 0],
  yellow: [255, 255, 0],
  navy: [0, 0, 128],
  blue: [0, 0, 255],
  teal: [0, 128, 128],
  aqua: [0, 255, 255],
};

/** A CSS/HTML colour value → RGB; undefined for anything else (transparent, gradients, var(), …). */
export function parseColour(value: string | undefined): Rgb | undefined {
  if (!value) return undefined;
  const colour = value.trim().toLowerCase();
  const named = NAMED_COLOURS[colour];
  if (named) return named;
  // HTML attributes often omit the "#" (bgcolor="FFFFFF")
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/.exec(colour);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((digit) => digit + digit).join("") : hex[1]!;
    return [0, 2, 4].map((start) => Number.parseInt(digits.slice(start, start + 2), 16)) as unknown as Rgb;
  }
  const rgb = /^rgba?\(\s*(\d{1,3})\s*[,\s]\s*(\d{1,3})\s*[,\s]\s*(\d{1,3})\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/.exec(colour);
  if (rgb) {
    if (rgb[4] !== undefined && Number.parseFloat(rgb[4]) < (rgb[4].endsWith("%") ? 50 : 0.5)) return undefined; // mostly transparent
    return [rgb[1], rgb[2], rgb[3]].map((channel) => Math.min(255, Number(channel))) as unknown as Rgb;
  }
  return undefined;
}

/** The colour in a `background` shorthand, or "image" when it paints an image (whose colours are unknown). */
export function backgroundOf(shorthand: string): Rgb | "image" | undefined {
  if (/url\(|gradient\(/.test(shorthand)) return "image";
  for (const token of shorthand.split(/\s+(?![^(]*\))/)) {
    const colour = parseColour(token);
    if (colour) return colour;
  }
  return undefined;
}

/** Largest per-channel difference: 0 for the same colour, 255 for black on white. */
export function colourDistance(a: Rgb, b: Rgb): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

// {0,200}, not *: unbounded, a 1 MB src of "-dot-dot-dot…" rescanned the rest at every "dot" (quadratic)
const SPACER_NAME = /(?:^|[/_.-])(?:spacer|blank|pixel|clear|transparent|trans|shim|spc|1x1|dot)[^/]{0,200}\.(?:gif|png)(?:$|\?)/i;

/** Tracking pixels (at most 2 px wide or high, or hidden) and spacer GIFs: images no reader sees. */
export function isInvisibleImage(element: Element): boolean {
  const style = inlineStyle(element.attribs.style);
  const size = (name: "width" | "height") => {
    const value = style.get(name) ?? element.attribs[name];
    return value === undefined ? undefined : Number.parseFloat(value);
  };
  const width = size("width");
  const height = size("height");
  if ((width !== undefined && width <= 2) || (height !== undefined && height <= 2)) return true;
  if (style.get("display") === "none" || style.get("visibility") === "hidden") return true;
  return SPACER_NAME.test((element.attribs.src ?? "").trim());
}
