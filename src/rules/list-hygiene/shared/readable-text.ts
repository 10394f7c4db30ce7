// The text of a message a reader (and a filter) reads, as segments that can say where a match is:
// the subject, each text node of the HTML body, and the text/plain part.
import type { AnyNode, Element, Text } from "domhandler";
import type { Location, MessageModel, MimePart } from "../../../message/model.js";
import { computeLineStarts, lineAt } from "../../../message/mime.js";
import { NON_RENDERED } from "../../../message/html.js";

export interface TextSegment {
  readonly text: string;
  /** Location of the match text.slice(index, index + length). */
  locate(index: number, length: number): Location;
}

// spam-phrases, not-spam-claim and unsubscribe-by-reply read the same segments: collected once a message
const segmentsOf = new WeakMap<MessageModel, readonly TextSegment[]>();

export function readableSegments(message: MessageModel): readonly TextSegment[] {
  let segments = segmentsOf.get(message);
  if (!segments) {
    segments = collectSegments(message);
    segmentsOf.set(message, segments);
  }
  return segments;
}

function collectSegments(message: MessageModel): TextSegment[] {
  const segments: TextSegment[] = [];
  if (message.subject) {
    const line = message.header("subject")?.line;
    segments.push({ text: message.subject, locate: () => ({ header: "Subject", ...(line ? { line } : {}) }) });
  }
  segments.push(...htmlTextSegments(message));
  if (message.text) {
    const content = message.text.content;
    const lineStarts = computeLineStarts(content);
    segments.push({
      text: content,
      locate: (index) => {
        const line = lineAt(lineStarts, index);
        return { part: "text/plain", line, column: index - lineStarts[line - 1]! + 1 };
      },
    });
  }
  return segments;
}

function htmlTextSegments(message: MessageModel): TextSegment[] {
  const body = message.htmlBody;
  if (!body) return [];
  const segments: TextSegment[] = [];
  const stack: AnyNode[] = [...body.$.root().toArray()];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "text") {
      const text = node as Text;
      if (text.data.trim()) segments.push(textNodeSegment(body.source, text, body.locate));
    } else if (node.type === "tag" || node.type === "root") {
      const parent = node as Element;
      if (node.type === "tag" && NON_RENDERED.has(parent.name.toLowerCase())) continue;
      for (let i = parent.children.length - 1; i >= 0; i--) stack.push(parent.children[i]!);
    }
  }
  return segments;
}

function textNodeSegment(source: string, node: Text, locate: (offset: number) => Location): TextSegment {
  const start = node.startIndex ?? 0;
  const end = node.endIndex ?? source.length;
  return {
    text: node.data,
    locate: (index, length) => {
      // node.data has entities decoded; find the match in the source so the column is exact when it can be
      const exact = source.indexOf(node.data.slice(index, index + length), start);
      return locate(exact !== -1 && exact <= end ? exact : start);
    },
  };
}

/** The text of one displayed body part, and where it begins in the message's joined body text. */
export interface DisplayedPart {
  readonly text: string;
  /** Offset of `text` in bodyText(message). */
  readonly offset: number;
  readonly part: "text/html" | "text/plain";
  /** For text/plain: the 1-based line of the text/plain body (message.text) where this part begins. */
  readonly firstLine?: number;
}

const displayedOf = new WeakMap<MessageModel, { readonly text: string; readonly parts: readonly DisplayedPart[] }>();

/**
 * What a reader sees of the body: the HTML's visible text when there is HTML, and every text/plain part
 * that is not its alternative (a footer or a note in a multipart/mixed, which clients show after it);
 * the text/plain parts alone when there is no HTML. Parts are joined with a line break, in MIME order.
 */
export function displayedParts(message: MessageModel): readonly DisplayedPart[] {
  return displayed(message).parts;
}

/** The joined text of displayedParts(). */
export function bodyText(message: MessageModel): string {
  return displayed(message).text;
}

/** The location of an offset in bodyText(message): its part, and for text/plain the line in message.text. */
export function locateInBody(message: MessageModel, offset: number): Location {
  const part = displayedPartAt(message, offset);
  if (!part) return {};
  if (part.part === "text/html") return { part: "text/html" };
  const lines = part.text.slice(0, offset - part.offset).split("\n").length - 1;
  return { part: "text/plain", line: (part.firstLine ?? 1) + lines };
}

/** The displayed part an offset of bodyText(message) falls in. */
export function displayedPartAt(message: MessageModel, offset: number): DisplayedPart | undefined {
  const parts = displayed(message).parts;
  return [...parts].reverse().find((candidate) => candidate.offset <= offset) ?? parts[0];
}

function displayed(message: MessageModel): { readonly text: string; readonly parts: readonly DisplayedPart[] } {
  let found = displayedOf.get(message);
  if (!found) {
    const pieces: Omit<DisplayedPart, "offset">[] = [];
    if (message.htmlBody) pieces.push({ text: message.htmlBody.visibleText, part: "text/html" });
    pieces.push(...textParts(message).filter((piece) => !message.htmlBody || !piece.alternative));
    let offset = 0;
    const parts = pieces.map((piece) => {
      const part = { text: piece.text, offset, part: piece.part, ...(piece.firstLine !== undefined ? { firstLine: piece.firstLine } : {}) };
      offset += piece.text.length + 1;
      return part;
    });
    found = { text: parts.map((part) => part.text).join("\n"), parts };
    displayedOf.set(message, found);
  }
  return found;
}

/** The text/plain body cut into its MIME parts (one piece when the parse did not tell them apart). */
function textParts(message: MessageModel): (Omit<DisplayedPart, "offset"> & { alternative: boolean })[] {
  const text = message.text;
  if (!text) return [];
  const html = message.mime.find((part) => part.contentType === "text/html" && part.disposition !== "attachment");
  const leaf = (path: string | undefined) => message.mime.find((part) => part.contentType === "text/plain" && (path === undefined ? part.disposition !== "attachment" : part.path === path));
  const sections = text.sections ?? [];
  if (sections.length === 0) return [{ text: text.content, part: "text/plain", firstLine: 1, alternative: isAlternativeOf(leaf(undefined), html) }];
  const lineStarts = computeLineStarts(text.content);
  return sections.map((section, index) => {
    const start = lineStarts[section.firstLine - 1] ?? text.content.length;
    const next = sections[index + 1];
    const end = next ? (lineStarts[next.firstLine - 1] ?? text.content.length) - 1 : text.content.length;
    return { text: text.content.slice(start, Math.max(start, end)), part: "text/plain", firstLine: section.firstLine, alternative: isAlternativeOf(leaf(section.mimePart), html) };
  });
}

/** A text/plain part in the multipart/alternative that holds the HTML part says what the HTML says. */
function isAlternativeOf(text: MimePart | undefined, html: MimePart | undefined): boolean {
  if (!text || !html || text.container !== "multipart/alternative") return false;
  const parent = text.path.includes(".") ? text.path.slice(0, text.path.lastIndexOf(".")) : "";
  return parent === "" || html.path.startsWith(`${parent}.`);
}
