// Walking the HTML body's DOM without recursion: a message of 100,000 nested elements must not
// overflow the stack. For every element in order, read HtmlBody.elements (collected once at parse).
import type { AnyNode, Element } from "domhandler";
import type { HtmlBody } from "./model.js";

/** Every node in document order; `skip(element)` true prunes that element's subtree (the element itself is still yielded). */
export function* nodesOf(html: HtmlBody, skip?: (element: Element) => boolean): Generator<AnyNode> {
  const stack: AnyNode[] = [...html.$.root().toArray()].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    if (isElement(node) && skip?.(node)) continue;
    const children = (node as { children?: AnyNode[] }).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

export function isElement(node: AnyNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

/** An element's start tag as written, whitespace collapsed, at most `max` characters. */
export function startTagOf(html: HtmlBody, element: Element, max = 120): string {
  const start = element.startIndex ?? 0;
  const end = html.source.indexOf(">", start);
  return html.source.slice(start, end === -1 ? start + max : Math.min(end + 1, start + max)).replace(/\s+/g, " ");
}
