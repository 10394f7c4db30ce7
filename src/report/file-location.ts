// Adds fileLine/fileColumn (the position in the input file itself) to each finding's location, so SARIF
// and editors can point at the line a person sees. Rules locate in the decoded part; the message model
// knows how each part maps back to the file (src/message/file-position.ts). In a text body joined from
// several MIME parts, the location also names the part (mimePart) and its line becomes that part's.
import type { Finding } from "../rules/engine.js";
import type { Location, MessageModel } from "../message/model.js";
import { sectionAt } from "../message/file-position.js";

/**
 * @param firstLine line of the input file where this message starts (mbox messages), 1 otherwise
 */
export function withFileLocations(findings: readonly Finding[], message: MessageModel, firstLine: number): Finding[] {
  return findings.map((finding) => {
    if (!finding.location) return finding;
    const position = filePosition(finding.location, message);
    const inPart = partOf(finding.location, message);
    if (!position && !inPart) return finding;
    return {
      ...finding,
      location: {
        // the part's path right after its type
        ...(inPart ? { part: finding.location.part, mimePart: inPart.mimePart } : {}),
        ...finding.location,
        ...(inPart ? { line: inPart.line } : {}),
        ...(position ? { fileLine: position.line + firstLine - 1 } : {}),
        ...(position?.column !== undefined ? { fileColumn: position.column } : {}),
      },
    };
  });
}

/** In a text body joined from several parts: the part a line falls in, and the line within it. */
function partOf(location: Location, message: MessageModel): { mimePart: string; line: number } | undefined {
  const sections = location.part === "text/plain" && location.line !== undefined ? message.text?.sections : undefined;
  const section = sections && sectionAt(sections, location.line!);
  return section ? { mimePart: section.mimePart, line: location.line! - section.firstLine + 1 } : undefined;
}

function filePosition(location: Location, message: MessageModel): { line: number; column?: number } | undefined {
  if (location.header !== undefined) {
    // header lines are file lines already; 0 marks a header given on the command line (templates)
    return location.line ? { line: location.line } : undefined;
  }
  const body = location.part === "text/html" ? message.html : location.part === "text/plain" ? message.text : undefined;
  if (body) {
    if (location.line === undefined) return body.fileLine !== undefined ? { line: body.fileLine } : undefined;
    return body.toFilePosition?.(location.line, location.column);
  }
  if (location.part === "message" && location.line) return { line: location.line, ...column(location) };
  if (location.filename !== undefined) {
    const part = message.mime.find((leaf) => leaf.filename === location.filename);
    return part ? { line: part.bodyLine } : undefined;
  }
  return undefined;
}

function column(location: Location): { column?: number } {
  return location.column !== undefined ? { column: location.column } : {};
}
