// Where a message offers a way to unsubscribe: visible links whose text, surrounding words or URL name
// unsubscribing (in any language of rules/words/), or, in plain text, unsubscribe words next to a URL or
// an address to write to (CAN-SPAM accepts a return email address as the opt-out mechanism).
import type { AnyNode, Element } from "domhandler";
import type { Location, MessageModel } from "../../../message/model.js";
import type { RuleData } from "../../data.js";
import { phraseMatcher, type PhraseMatcher, type WordCache } from "./phrases.js";
import { messageWords } from "./message-words.js";
import { attributeOffset, textOf } from "../../../message/html.js";
import { computeLineStarts, lineAt } from "../../../message/mime.js";

export interface UnsubscribeOffer {
  readonly href?: string;
  /** What shows it is an unsubscribe link: the words or the URL. */
  readonly evidence: string;
  readonly location?: Location;
  /** Offset of the link in the HTML source, for position checks. */
  readonly htmlOffset?: number;
}

const MAX_LINKS = 10_000;
const CONTEXT_CHARS = 200;
const CONTEXT_SIBLINGS = 20;
const LINK_ELEMENTS: Readonly<Record<string, string>> = { a: "href", area: "href", form: "action" };
// how far from a URL or address unsubscribe words in plain text may be
const TEXT_WINDOW = 200;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const FONT_SIZE = /(?:^|;)\s*font-size\s*:\s*([0-9.]+)/i;
const URL_OR_ADDRESS = /https?:\/\/|www\.|mailto:|[\w.+-]+@[\w-]+\.[\w.-]+/i;

const matchers = new WeakMap<RuleData, PhraseMatcher>();

export function unsubscribeMatcher(data: RuleData): PhraseMatcher {
  let matcher = matchers.get(data);
  if (!matcher) {
    matcher = phraseMatcher(data.words().flatMap((words) => words.unsubscribe));
    matchers.set(data, matcher);
  }
  return matcher;
}

/** A URL that names unsubscribing or preference management (rules/unsubscribe-url.txt). */
export function urlNamesUnsubscribe(href: string, data: RuleData): boolean {
  let url = href.toLowerCase();
  try {
    url = decodeURIComponent(url);
  } catch {
    // a stray % is not our business here; match the URL as written
  }
  for (const token of data.list("unsubscribe-url")) if (url.includes(token)) return true;
  return false;
}

// Four rules and the mail-kind classification ask for a message's offers: they are found once.
const offersOf = new WeakMap<MessageModel, readonly UnsubscribeOffer[]>();

/** Every way to unsubscribe the reader sees: HTML links, else offers in the HTML's text, else in the text part. */
export function unsubscribeOffers(message: MessageModel, data: RuleData): readonly UnsubscribeOffer[] {
  let offers = offersOf.get(message);
  if (!offers) {
    offers = findOffers(message, data);
    offersOf.set(message, offers);
  }
  return offers;
}

function findOffers(message: MessageModel, data: RuleData): UnsubscribeOffer[] {
  if (message.htmlBody) {
    const links = htmlUnsubscribeLinks(message, data);
    if (links.length > 0) return links;
    const offers = plainTextOffers(message.htmlBody.visibleText, undefined, data, messageWords(message));
    if (offers.length > 0) return offers;
  }
  if (!message.text) return [];
  const offers = plainTextOffers(message.text.content, "text/plain", data, messageWords(message));
  if (offers.length > 0) return offers;
  return message.links
    .filter((link) => link.source === "text" && urlNamesUnsubscribe(link.href, data))
    .map((link) => ({ href: link.href, evidence: link.href, location: link.location }));
}

function htmlUnsubscribeLinks(message: MessageModel, data: RuleData): UnsubscribeOffer[] {
  const body = message.htmlBody!;
  const matcher = unsubscribeMatcher(data);
  const offers: UnsubscribeOffer[] = [];
  let seen = 0;
  // a form posting to an unsubscribe URL is a visible mechanism too (old newsletters used them)
  for (const element of body.elements) {
    const attribute = LINK_ELEMENTS[element.name.toLowerCase()];
    if (!attribute || element.attribs[attribute] === undefined) continue;
    if (++seen > MAX_LINKS) break;
    const href = element.attribs[attribute]!.trim();
    const text = attribute === "action" ? "" : textOf(element).replace(/\s+/g, " ").trim();
    const evidence = matcher.find(text, 1)[0]?.text ?? (urlNamesUnsubscribe(href, data) ? href : matcher.find(contextOf(element), 1)[0]?.text);
    // the walk up the ancestors' styles is asked only of the few links that offer an unsubscribe
    if (evidence === undefined || isHidden(element)) continue;
    const offset = attributeOffset(body.source, element, attribute);
    offers.push({ href, evidence, location: body.locate(offset), htmlOffset: element.startIndex ?? offset });
  }
  return offers;
}

/** Words around a link: its siblings' text, or its parent's siblings' when the link sits alone in a <b> or <font>. */
function contextOf(element: Element): string {
  let node: Element | null = element;
  for (let level = 0; level < 3 && node; level++) {
    const before = siblingText(node, "prev");
    const after = siblingText(node, "next");
    if ((before + after).trim()) return `${before} ${after}`;
    node = node.parent?.type === "tag" ? (node.parent as Element) : null;
  }
  return "";
}

function siblingText(node: Element, direction: "prev" | "next"): string {
  let text = "";
  let sibling: AnyNode | null = direction === "prev" ? node.prev : node.next;
  for (let count = 0; sibling && text.length < CONTEXT_CHARS && count < CONTEXT_SIBLINGS; count++) {
    const piece = sibling.type === "text" ? (sibling as unknown as { data: string }).data : sibling.type === "tag" ? textOf(sibling as Element) : "";
    text = direction === "prev" ? `${piece} ${text}` : `${text} ${piece}`;
    sibling = direction === "prev" ? sibling.prev : sibling.next;
  }
  return direction === "prev" ? text.slice(-CONTEXT_CHARS) : text.slice(0, CONTEXT_CHARS);
}

/** Hidden by the element or an ancestor. A font-size of 0 counts only where no nearer element sets a size
 * (layouts put font-size:0 on table cells to close gaps and size the text inside). */
function isHidden(element: Element): boolean {
  let fontSizeSet = false;
  let node: Element | null = element;
  for (let depth = 0; node && depth < 50; depth++) {
    if (node.attribs.hidden !== undefined) return true;
    const style = node.attribs.style ?? "";
    if (HIDDEN_STYLE.test(style)) return true;
    const size = FONT_SIZE.exec(style);
    if (size && !fontSizeSet) {
      if (Number(size[1]) === 0) return true;
      fontSizeSet = true;
    }
    node = node.parent?.type === "tag" ? (node.parent as Element) : null;
  }
  return false;
}

function plainTextOffers(text: string, part: string | undefined, data: RuleData, words: WordCache): UnsubscribeOffer[] {
  const lineStarts = part ? computeLineStarts(text) : [];
  const offers: UnsubscribeOffer[] = [];
  for (const match of unsubscribeMatcher(data).find(text, 200, words)) {
    const window = text.slice(Math.max(0, match.index - TEXT_WINDOW), match.index + match.text.length + TEXT_WINDOW);
    if (!URL_OR_ADDRESS.test(window)) continue;
    const line = part ? lineAt(lineStarts, match.index) : 0;
    offers.push({
      evidence: match.text,
      ...(part ? { location: { part, line, column: match.index - lineStarts[line - 1]! + 1 } } : {}),
    });
  }
  return offers;
}
