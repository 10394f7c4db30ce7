// Positions in a decoded body part → positions in the input file, so SARIF annotations land on the
// line a person sees in the .eml, not on a line of the decoded text.
//
// - 7bit/8bit/binary (and templates): decoded line N is file line bodyLine + N - 1, same column.
// - quoted-printable (RFC 2045 §6.7): a soft line break ("=" at the end of an encoded line) joins two
//   file lines into one decoded line, and "=0A" starts a decoded line inside a file line; columns
//   shift by every "=XX" escape. Both are followed exactly by walking the encoded body.
// - base64 and anything else: no line structure survives, so only the part's first line is known.

export interface FilePosition {
  /** 1-based line in the message (add the mbox offset for a message inside an mbox). */
  readonly line: number;
  readonly column?: number;
}

export type FilePositionMap = (line: number, column?: number) => FilePosition;

/** The section of a joined body (BodyPart.sections) a line falls in: the last one beginning at or before it. */
export function sectionAt<T extends { readonly firstLine: number }>(sections: readonly T[], line: number): T | undefined {
  let at: T | undefined;
  for (const section of sections) {
    if (section.firstLine > line) break;
    at = section;
  }
  return at;
}

/**
 * @param encodedBody the part's body as it is in the file (bytes read as latin1)
 * @param bodyLine 1-based file line where the body starts
 * @param charset the part's charset: columns count UTF-16 code units of the decoded text
 */
export function filePositionMap(encodedBody: string, transferEncoding: string, bodyLine: number, charset?: string): FilePositionMap {
  switch (transferEncoding) {
    case "7bit":
    case "8bit":
    case "binary":
      return (line, column) => ({ line: bodyLine + line - 1, ...(column !== undefined ? { column } : {}) });
    case "quoted-printable": {
      let map: QuotedPrintableMap | undefined; // built on first use: most parts never need it
      return (line, column) => {
        map ??= quotedPrintableMap(encodedBody, /^utf-?8$/i.test(charset ?? "utf-8"));
        const position = map.locate(line, column);
        return { line: bodyLine + position.line - 1, ...(position.column !== undefined ? { column: position.column } : {}) };
      };
    }
    default:
      return () => ({ line: bodyLine });
  }
}

/** Where a decoded line begins a stretch of one encoded line (0-based encoded line and column). */
interface Segment {
  readonly decodedLine: number;
  /** UTF-16 units of the decoded line before this segment. */
  readonly startUnits: number;
  readonly encodedLine: number;
  readonly encodedColumn: number;
}

export interface QuotedPrintableMap {
  /** decoded 1-based line/column → 1-based line/column in the encoded body. */
  locate(line: number, column?: number): FilePosition;
}

export function quotedPrintableMap(encoded: string, utf8: boolean): QuotedPrintableMap {
  const lines = encoded.split("\n").map((line) => line.replace(/\r$/, ""));
  const byDecodedLine = new Map<number, Segment[]>();
  const add = (segment: Segment) => {
    const list = byDecodedLine.get(segment.decodedLine);
    if (list) list.push(segment);
    else byDecodedLine.set(segment.decodedLine, [segment]);
  };
  let decodedLine = 1;
  let units = 0;
  lines.forEach((line, index) => {
    add({ decodedLine, startUnits: units, encodedLine: index, encodedColumn: 0 });
    const { content, soft } = splitSoftBreak(line);
    walk(content, 0, (byte, next) => {
      if (byte === 0x0a) {
        decodedLine++;
        units = 0;
        add({ decodedLine, startUnits: 0, encodedLine: index, encodedColumn: next });
      } else {
        units += unitsOf(byte, utf8);
      }
      return true;
    });
    if (!soft) {
      decodedLine++;
      units = 0;
    }
  });

  return {
    locate(line, column) {
      const segments = byDecodedLine.get(line);
      if (!segments) return { line: Math.min(line, lines.length) };
      if (column === undefined) return { line: segments[0]!.encodedLine + 1 };
      const target = column - 1;
      let segment = segments[0]!;
      for (const candidate of segments) if (candidate.startUnits <= target) segment = candidate;
      const { content } = splitSoftBreak(lines[segment.encodedLine]!);
      let remaining = target - segment.startUnits;
      let encodedColumn = segment.encodedColumn;
      walk(content, segment.encodedColumn, (byte, next) => {
        const units = unitsOf(byte, utf8);
        // stop at the first byte of the target character; continuation bytes belong to the one before
        if ((remaining <= 0 && units > 0) || byte === 0x0a) return false;
        remaining -= units;
        encodedColumn = next;
        return true;
      });
      return { line: segment.encodedLine + 1, column: encodedColumn + 1 };
    },
  };
}

/** RFC 2045 §6.7 rule 5: "=" (after trailing white space is removed) at the end of a line is a soft break. */
function splitSoftBreak(line: string): { content: string; soft: boolean } {
  const trimmed = line.replace(/[ \t]+$/, "");
  return trimmed.endsWith("=") ? { content: trimmed.slice(0, -1), soft: true } : { content: line, soft: false };
}

/** Calls visit(decodedByte, offsetAfterIt) for each decoded byte of an encoded line from `from`; stops when visit returns false. */
function walk(content: string, from: number, visit: (byte: number, next: number) => boolean): void {
  let index = from;
  while (index < content.length) {
    const escape = content[index] === "=" && /^[0-9A-Fa-f]{2}$/.test(content.slice(index + 1, index + 3));
    const byte = escape ? parseInt(content.slice(index + 1, index + 3), 16) : content.charCodeAt(index);
    const next = index + (escape ? 3 : 1);
    if (!visit(byte, next)) return;
    index = next;
  }
}

/** UTF-16 code units one decoded byte adds: UTF-8 continuation bytes none, 4-byte leads a surrogate pair. */
function unitsOf(byte: number, utf8: boolean): number {
  if (!utf8 || byte < 0x80) return 1;
  if (byte < 0xc0) return 0;
  return byte >= 0xf0 ? 2 : 1;
}
