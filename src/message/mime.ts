// A structural scan of an RFC 5322 / MIME message: header lines with their file line numbers and the
// tree of parts with their transfer encodings. mailparser decodes content; this tells where things are
// and how they were sent, which mailparser does not expose, and notes what is broken on the way.
// Works on the bytes themselves (offsets are byte offsets); only header lines and delimiter lines are
// read out as latin1 strings. A latin1 string of the whole message would be a second copy of it: 20 MB
// more held while mailparser runs on a 20 MB message.
import { DEFAULT_LIMITS, type LimitHit } from "../limits.js";

export interface RawHeader {
  readonly name: string;
  /** Unfolded value (CRLF + WSP joined), not decoded. */
  readonly raw: string;
  /** 1-based line of the header's first line in the input. */
  readonly line: number;
}

export interface ScannedPart {
  readonly path: string;
  readonly headers: readonly RawHeader[];
  readonly contentType: string;
  readonly params: ReadonlyMap<string, string>;
  readonly transferEncoding: string;
  readonly disposition?: string;
  readonly filename?: string;
  readonly depth: number;
  readonly bodyStart: number; // byte offset
  readonly bodyEnd: number;
  readonly bodyLine: number;
  /** A quoted-printable leaf with encoded lines over RFC 2045's 76 characters (see qpLongLines). */
  readonly qpLongLines?: QpLongLines;
  readonly children: readonly ScannedPart[];
}

/** Encoded lines of a quoted-printable body longer than RFC 2045 §6.7 allows (76 characters, CRLF not counted). */
export interface QpLongLines {
  readonly count: number;
  /** Length of the longest, in bytes. */
  readonly longest: number;
  /** 1-based line in the input of the first. */
  readonly line: number;
}

/** RFC 2045 §6.7 (5): encoded lines of a quoted-printable body are at most 76 characters. */
export const QP_MAX_LINE = 76;

export interface ScanLimits {
  readonly maxDepth: number;
  readonly maxParts: number;
}

export interface ScanResult {
  readonly root: ScannedPart;
  readonly leaves: readonly ScannedPart[];
  readonly depth: number;
  readonly problems: readonly { readonly message: string; readonly line?: number }[];
  /** Limits reached: the message is not broken, we stopped reading it (src/limits.ts). */
  readonly limitHits: readonly LimitHit[];
}

const LF = 0x0a;
const CR = 0x0d;

export const defaultScanLimits: ScanLimits = { maxDepth: DEFAULT_LIMITS.maxMimeDepth, maxParts: DEFAULT_LIMITS.maxMimeParts };

export function scanMessage(bytes: Buffer, limits: ScanLimits = defaultScanLimits): ScanResult {
  const lineStarts = byteLineStarts(bytes);
  const problems: { message: string; line?: number }[] = [];
  const limitHits: LimitHit[] = [];
  const leaves: ScannedPart[] = [];
  let maxDepth = 0;
  let partCount = 0;
  const lineOf = (offset: number) => lineAt(lineStarts, offset);

  function scanPart(start: number, end: number, path: string, depth: number, defaultType: string): ScannedPart {
    partCount++;
    maxDepth = Math.max(maxDepth, depth);
    const { headers, bodyStart } = readHeaderBlock(bytes, start, end, lineOf, problems);
    const contentTypeHeader = lastHeader(headers, "content-type");
    const { value: typeValue, params } = parseParams(contentTypeHeader?.raw ?? defaultType);
    const contentType = /^[\w.+-]+\/[\w.+-]+$/.test(typeValue) ? typeValue : contentTypeHeader ? "application/octet-stream" : defaultType;
    if (contentTypeHeader && contentType !== typeValue) {
      problems.push({ message: `Malformed Content-Type "${contentTypeHeader.raw.slice(0, 80)}"`, line: contentTypeHeader.line });
    }
    const transferEncoding = (lastHeader(headers, "content-transfer-encoding")?.raw ?? "7bit").trim().toLowerCase();
    const dispositionHeader = lastHeader(headers, "content-disposition");
    const disposition = dispositionHeader ? parseParams(dispositionHeader.raw) : undefined;
    const filename = disposition?.params.get("filename") ?? params.get("name");
    const children: ScannedPart[] = [];
    const qpLongLines = transferEncoding === "quoted-printable" && !contentType.startsWith("multipart/") ? qpLongLinesOf(bytes, bodyStart, end, lineOf) : undefined;
    const part: ScannedPart = {
      path,
      headers,
      contentType,
      params,
      transferEncoding,
      ...(disposition ? { disposition: disposition.value } : {}),
      ...(filename !== undefined ? { filename } : {}),
      depth,
      bodyStart,
      bodyEnd: end,
      bodyLine: lineOf(bodyStart),
      ...(qpLongLines ? { qpLongLines } : {}),
      children,
    };
    if (contentType.startsWith("multipart/")) {
      const boundary = params.get("boundary");
      if (!boundary) {
        problems.push({ message: `${contentType} without a boundary parameter`, line: contentTypeHeader?.line });
      } else if (depth >= limits.maxDepth) {
        limitHits.push({ limit: "maxMimeDepth", message: `MIME nesting deeper than ${limits.maxDepth} levels; deeper parts not analysed`, line: lineOf(start) });
      } else {
        const childDefault = contentType === "multipart/digest" ? "message/rfc822" : "text/plain";
        const ranges = splitMultipart(bytes, bodyStart, end, boundary, lineOf, problems);
        ranges.forEach(([childStart, childEnd], index) => {
          if (partCount >= limits.maxParts) {
            if (partCount === limits.maxParts) {
              limitHits.push({ limit: "maxMimeParts", message: `More than ${limits.maxParts} MIME parts; the rest not analysed`, line: lineOf(childStart) });
            }
            partCount++;
            return;
          }
          children.push(scanPart(childStart, childEnd, path ? `${path}.${index + 1}` : `${index + 1}`, depth + 1, childDefault));
        });
      }
    } else {
      leaves.push(part);
    }
    return part;
  }

  const root = scanPart(0, bytes.length, "", 0, "text/plain");
  return { root, leaves, depth: maxDepth, problems, limitHits };
}

function qpLongLinesOf(bytes: Buffer, start: number, end: number, lineOf: (offset: number) => number): QpLongLines | undefined {
  let count = 0;
  let longest = 0;
  let first = -1;
  for (let position = start; position < end; ) {
    let lineEnd = bytes.indexOf(LF, position);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const length = lineEnd - position - (lineEnd > position && bytes[lineEnd - 1] === CR ? 1 : 0);
    if (length > QP_MAX_LINE) {
      count++;
      longest = Math.max(longest, length);
      if (first === -1) first = position;
    }
    position = lineEnd + 1;
  }
  return count > 0 ? { count, longest, line: lineOf(first) } : undefined;
}

function readHeaderBlock(
  bytes: Buffer,
  start: number,
  end: number,
  lineOf: (offset: number) => number,
  problems: { message: string; line?: number }[],
): { headers: RawHeader[]; bodyStart: number } {
  const headers: RawHeader[] = [];
  let position = start;
  let current: { name: string; parts: string[]; line: number } | undefined;
  const flush = () => {
    if (current) headers.push({ name: current.name, raw: current.parts.join(" ").trim(), line: current.line });
    current = undefined;
  };
  while (position < end) {
    let lineEnd = bytes.indexOf(LF, position);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const line = bytes.toString("latin1", position, lineEnd).replace(/\r$/, "");
    const next = Math.min(lineEnd + 1, end);
    if (line === "") {
      flush();
      return { headers, bodyStart: next };
    }
    if (/^[ \t]/.test(line)) {
      if (current) current.parts.push(line.trim());
      else problems.push({ message: "Header block starts with a continuation line", line: lineOf(position) });
    } else {
      flush();
      const colon = line.indexOf(":");
      const name = colon > 0 ? line.slice(0, colon).trim() : "";
      if (colon > 0 && /^[\x21-\x39\x3b-\x7e]+$/.test(name)) {
        current = { name, parts: [line.slice(colon + 1)], line: lineOf(position) };
      } else if (headers.length === 0 && position === start && start === 0 && line.startsWith("From ")) {
        // an mbox "From " envelope line left on a single message: not a header, not a problem
      } else {
        // RFC 5322 §2.2: a header field is name ":" body. Anything else ends the header block here.
        problems.push({ message: `Line in the header block is not a header field: "${line.slice(0, 60)}"`, line: lineOf(position) });
        flush();
        return { headers, bodyStart: position };
      }
    }
    position = lineEnd + 1;
  }
  flush();
  return { headers, bodyStart: end };
}

/** Body ranges between boundary delimiter lines (RFC 2046 §5.1.1). */
function splitMultipart(
  bytes: Buffer,
  start: number,
  end: number,
  boundary: string,
  lineOf: (offset: number) => number,
  problems: { message: string; line?: number }[],
): [number, number][] {
  const delimiter = `--${boundary}`;
  // the boundary came from a header read as latin1; one RFC 2231-decoded to characters past U+00FF
  // is no byte sequence, so it delimits nothing
  const needle = Buffer.from(delimiter, "latin1");
  const searchable = needle.toString("latin1") === delimiter;
  const ranges: [number, number][] = [];
  let partStart = -1;
  let closed = false;
  let position = start;
  while (searchable && position < end) {
    const found = bytes.indexOf(needle, position);
    if (found === -1 || found >= end) break;
    const atLineStart = found === start || bytes[found - 1] === LF;
    let lineEnd = bytes.indexOf(LF, found);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    if (!atLineStart) {
      position = found + delimiter.length;
      continue;
    }
    const rest = bytes.toString("latin1", found + delimiter.length, lineEnd).replace(/\r$/, "");
    const isClose = rest.startsWith("--");
    if (!isClose && rest.trim() !== "") {
      // a longer boundary that merely starts with ours (RFC 2046 forbids this, some generators do it)
      position = lineEnd + 1;
      continue;
    }
    if (partStart !== -1) {
      // the CRLF before the delimiter belongs to the delimiter
      let partEnd = found;
      if (bytes[partEnd - 1] === LF) partEnd--;
      if (bytes[partEnd - 1] === CR) partEnd--;
      ranges.push([partStart, Math.max(partStart, partEnd)]);
    }
    if (isClose) {
      closed = true;
      break;
    }
    partStart = Math.min(lineEnd + 1, end);
    position = partStart;
  }
  if (!closed) {
    if (partStart === -1) {
      problems.push({ message: `No part found for boundary "${boundary}"`, line: lineOf(start) });
    } else {
      problems.push({ message: `Multipart has no closing boundary "--${boundary}--"`, line: lineOf(end) });
      ranges.push([partStart, end]);
    }
  }
  return ranges;
}

function lastHeader(headers: readonly RawHeader[], key: string): RawHeader | undefined {
  for (let i = headers.length - 1; i >= 0; i--) if (headers[i]!.name.toLowerCase() === key) return headers[i];
  return undefined;
}

/** `type/subtype; a=b; c="d"` → value and lower-cased parameter names (RFC 2045 §5.1, RFC 2231 simplified). */
export function parseParams(header: string): { value: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  const semicolon = header.indexOf(";");
  const value = (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase();
  const rest = semicolon === -1 ? "" : header.slice(semicolon + 1);
  // a name starts the text or follows ";" or a space: tried at every character, a 200 KB header without "="
  // rescanned the rest each time (17 s)
  const pattern = /(?<![^\s;])([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (const match of rest.matchAll(pattern)) {
    const name = match[1]!.toLowerCase();
    const raw = match[2] !== undefined ? match[2].replace(/\\(.)/g, "$1") : (match[3] ?? "").trim();
    const continued = /^(.+)\*\d+\*?$/.exec(name);
    const base = continued ? continued[1]! : name.replace(/\*$/, "");
    const decoded = name.endsWith("*") ? decodeRfc2231(raw) : raw;
    params.set(base, continued && params.has(base) ? params.get(base)! + decoded : decoded);
  }
  return { value, params };
}

function decodeRfc2231(value: string): string {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  const encoded = match ? match[2]! : value;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  let index = text.indexOf("\n");
  while (index !== -1) {
    starts.push(index + 1);
    index = text.indexOf("\n", index + 1);
  }
  return starts;
}

/** computeLineStarts over bytes. A numeric needle: Buffer#indexOf("\n") encodes the string at every call. */
function byteLineStarts(bytes: Buffer): number[] {
  const starts = [0];
  let index = bytes.indexOf(LF);
  while (index !== -1) {
    starts.push(index + 1);
    index = bytes.indexOf(LF, index + 1);
  }
  return starts;
}

/** 1-based line of an offset. */
export function lineAt(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}
