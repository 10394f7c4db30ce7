// The HTML body: one htmlparser2 DOM (via cheerio/slim, no parse5) with source offsets, and the text a
// reader sees. Parsed once; every rule reads the same tree.
import { load, type CheerioOptions } from "cheerio/slim";
import type { AnyNode, Element } from "domhandler";
import type { HtmlBody, Location } from "./model.js";
import { computeLineStarts, lineAt } from "./mime.js";

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
    if (node.type === "tag" || node.type === "script" || node.type === "style") elements.push(node as Element);
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
