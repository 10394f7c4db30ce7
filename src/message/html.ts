// The HTML body: one htmlparser2 DOM (via cheerio/slim, no parse5) with source offsets, and the text a
// reader sees. Parsed once; every rule reads the same tree.
import { load, type CheerioOptions } from "cheerio/slim";
import type { AnyNode, Element } from "domhandler";
import type { HtmlBody, Location } from "./model.js";
import { computeLineStarts, lineAt } from "./mime.js";
import { isElement } from "./dom.js";

/** Elements whose text no reader sees in any mail client. */
export const NON_RENDERED: ReadonlySet<string> = new Set(["script", "style", "head", "title", "template", "noscript", "xml"]);
const BLOCK = new Set(["p", "div", "br", "tr", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "footer", "header", "blockquote", "hr"]);

export function parseHtml(source: string, partLabel: string): HtmlBody {
  // htmlparser2 options pass through cheerio/slim; its types only list the parse5 ones
  const $ = load(source, { withStartIndices: true, withEndIndices: true } as CheerioOptions);
  const lineStarts = computeLineStarts(source);
  const locate = (offset: number): Location => {
    const line = lineAt(lineStarts, offset);
    return { part: partLabel, line, column: offset - lineStarts[line - 1]! + 1 };
  };
  return { source, $, elements: elementsInOrder($.root().toArray()), visibleText: collectVisibleText($.root().toArray()), locate };
}

/** Every element in document order, walked without recursion (100,000 nested divs must not overflow). */
function elementsInOrder(roots: AnyNode[]): Element[] {
  const elements: Element[] = [];
  const stack: AnyNode[] = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isElement(node)) elements.push(node);
    const children = (node as { children?: AnyNode[] }).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return elements;
}

/** The text inside an element, without recursion. */
export function textOf(element: Element): string {
  const chunks: string[] = [];
  const stack: AnyNode[] = [...element.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "text") chunks.push((node as unknown as { data: string }).data);
    const children = (node as { children?: AnyNode[] }).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return chunks.join("");
}

function collectVisibleText(roots: AnyNode[]): string {
  const chunks: string[] = [];
  // iterative walk: deeply nested garbage must not overflow the stack
  const stack: AnyNode[] = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "text") {
      chunks.push((node as unknown as { data: string }).data);
    } else if (node.type === "tag") {
      const element = node as Element;
      const name = element.name.toLowerCase();
      if (NON_RENDERED.has(name)) continue;
      if (name === "img" && element.attribs.alt) chunks.push(` ${element.attribs.alt} `);
      if (BLOCK.has(name)) chunks.push("\n");
      for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i]!);
    } else if (node.type === "root") {
      const children = (node as unknown as { children: AnyNode[] }).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return chunks
    .join("")
    .replace(/[ \t\r\f\v\u00a0]+/g, " ")
    .replace(/ *\n[\n ]*/g, "\n")
    .trim();
}

/** Source offset of an attribute's value inside an element's start tag (for exact locations). */
export function attributeOffset(source: string, element: Element, attribute: string): number {
  const start = element.startIndex ?? 0;
  const tagEnd = source.indexOf(">", start);
  const tag = source.slice(start, tagEnd === -1 ? undefined : tagEnd);
  const match = new RegExp(`\\s${attribute}\\s*=\\s*["']?`, "i").exec(tag);
  return match ? start + match.index + match[0].length : start;
}

// Elements that never hold others (void), and those whose end tag may be left out and that a parser
// closes by itself (HTML §13.1.2.4): neither deepens the tree however many are written unclosed.
const NEVER_NESTED = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
  "p", "li", "dt", "dd", "td", "th", "tr", "option", "optgroup", "rt", "rp", "thead", "tbody", "tfoot", "colgroup", "caption",
]);
// "[^<>]*": a scan never runs past the next "<", so a run of "<a<a<a…" stays linear; the lookahead
// keeps the name and the attributes from trading characters when there is no ">" (no backtracking)
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?![a-zA-Z0-9-])([^<>]*)>/y;

/**
 * The source offset of the first start tag that would nest elements deeper than maxDepth, counted
 * linearly on the source; undefined when none does. htmlparser2 keeps its open elements in an array
 * it shifts at each tag, so parsing costs depth × tags: 100,000 nested divs take seconds.
 */
export function nestingCut(source: string, maxDepth: number): number | undefined {
  let depth = 0;
  let position = source.indexOf("<");
  while (position !== -1) {
    if (source.startsWith("<!--", position)) {
      const end = source.indexOf("-->", position + 4);
      if (end === -1) return undefined;
      position = source.indexOf("<", end + 3);
      continue;
    }
    TAG.lastIndex = position;
    const tag = TAG.exec(source);
    if (tag) {
      const name = tag[2]!.toLowerCase();
      if (tag[1]) {
        if (!NEVER_NESTED.has(name) && depth > 0) depth--;
      } else if (name === "script" || name === "style") {
        // raw text: a "<div" inside a script is not a tag
        const rawTextEnd = new RegExp(`</${name}`, "gi");
        rawTextEnd.lastIndex = TAG.lastIndex;
        const end = rawTextEnd.exec(source);
        if (!end) return undefined;
        position = source.indexOf("<", end.index + 2);
        continue;
      } else if (!tag[3]!.endsWith("/") && !NEVER_NESTED.has(name) && ++depth > maxDepth) {
        return position;
      }
    }
    position = source.indexOf("<", position + 1);
  }
  return undefined;
}
