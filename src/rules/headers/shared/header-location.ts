import type { Header, Location, MessageModel } from "../../../message/model.js";

/** Where a header finding points: the header's name and, for real headers, its line in the file. */
export function headerLocation(message: MessageModel, name: string): Location {
  const header = message.header(name);
  return header ? locationOf(header) : { header: name };
}

/** The location of one header field (of several with one name, the one the finding is about). */
export function locationOf(header: Header): Location {
  return { header: header.name, ...(header.line ? { line: header.line } : {}) };
}
