// The text of a message a reader (and a filter) reads, as segments that can say where a match is:
// the subject, each text node of the HTML body, and the text/plain part.
import type { AnyNode, Element, Text } from "domhandler";
import type { Location, MessageModel } from "../../../message/model.js";
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

/** The visible text of the message: the HTML body's when there is one, else the text part. */
export function bodyText(message: MessageModel): string {
  return message.htmlBody?.visibleText ?? message.text?.content ?? "";
}
