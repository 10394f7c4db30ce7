import type { AnyNode, Element, Text } from "domhandler";
import type { MessageRule, RawFinding } from "../types.js";
import { attributeOffset } from "../../message/html.js";

// A link that goes nowhere (href="", "#", a bare "https://", or an <a> with text but no href) is a
// template slot nobody filled: readers click and nothing happens, and filters read broken links as
// careless bulk mail. Named anchors (<a name>, <a id>) are link targets, not links, and are fine.
const MAX_ANCHORS = 50_000;

export const emptyLink: MessageRule = {
  id: "empty-link",
  kind: "message",
  check(message) {
    const html = message.htmlBody;
    if (!html) return [];
    const findings: RawFinding[] = [];
    for (const element of anchors(html.$.root().toArray())) {
      const href = element.attribs.href;
      const tag = startTag(html.source, element);
      if (href === undefined) {
        if (element.attribs.name !== undefined || element.attribs.id !== undefined) continue;
        if (!hasContent(element)) continue;
        findings.push({ message: `Link has no href, so it goes nowhere: ${tag}`, evidence: tag, location: html.locate(element.startIndex ?? 0) });
      } else if (/^(?:#|(?:https?:)?\/\/)?$/i.test(href.trim())) {
        findings.push({
          message: `Link has an empty target ("${href.trim()}"), so it goes nowhere: ${tag}`,
          evidence: tag,
          location: html.locate(attributeOffset(html.source, element, "href")),
        });
      }
    }
    return findings;
  },
};

function startTag(source: string, element: Element): string {
  const start = element.startIndex ?? 0;
  const end = source.indexOf(">", start);
  const tag = source.slice(start, end === -1 ? start + 200 : Math.min(end + 1, start + 200));
  return tag.replace(/\s+/g, " ");
}

/** Text or an image inside the element: something a reader would click. Iterative, and bounded. */
function hasContent(element: Element): boolean {
  const stack: AnyNode[] = [...element.children];
  for (let visited = 0; stack.length > 0 && visited < 10_000; visited++) {
    const node = stack.pop()!;
    if (node.type === "text" && (node as Text).data.trim() !== "") return true;
    if (node.type === "tag") {
      if ((node as Element).name === "img") return true;
      stack.push(...(node as Element).children);
    }
  }
  return false;
}

/**
 * Every <a> element in document order, by an iterative walk: cheerio's $("a") sorts its matches
 * pairwise and takes seconds on 100,000 anchors.
 */
function anchors(roots: AnyNode[]): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = [...roots].reverse();
  while (stack.length > 0 && found.length < MAX_ANCHORS) {
    const node = stack.pop()!;
    if (node.type !== "tag" && node.type !== "root") continue;
    const children = (node as Element).children;
    if (node.type === "tag" && (node as Element).name === "a") found.push(node as Element);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return found;
}
