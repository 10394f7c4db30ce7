import type { Location, MessageModel } from "../../../message/model.js";

/** Where a header finding points: the header's name and, for real headers, its line in the file. */
export function headerLocation(message: MessageModel, name: string): Location {
  const header = message.header(name);
  return { header: header?.name ?? name, ...(header?.line ? { line: header.line } : {}) };
}
