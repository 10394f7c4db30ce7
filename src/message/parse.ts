// Input bytes → MessageModel, once per message. mailparser decodes (transfer encodings, charsets,
// encoded words, addresses); our own scan (mime.ts) supplies line numbers and the part structure.
import type { AddressObject, EmailAddress } from "mailparser";
import libmime from "libmime";
import type { Address, Attachment, BodyPart, Header, MessageModel, MimePart } from "./model.js";
import { computeLineStarts, lineAt, scanMessage, type RawHeader, type ScannedPart } from "./mime.js";
import { decodeMessage, type DecodedTextPart } from "./decode.js";
import type { CharsetGuess } from "./charset-hook.js";
import { decodeHeaderBytes } from "./charset-guess.js";
import { nestingCut, parseHtml } from "./html.js";
import { filePositionMap, sectionAt, type FilePositionMap } from "./file-position.js";
import { htmlImages, htmlLinks, textLinks } from "./links.js";
import { normaliseDomain } from "../domain/index.js";
import { resolveLimits, utf8Prefix, type LimitHit, type Limits } from "../limits.js";

export interface ParseOptions {
  /** "eml" (default) or "html" for a bare template. */
  readonly kind?: "eml" | "html";
  /** Overrides/sets the From header (templates need it). */
  readonly from?: string;
  readonly subject?: string;
  /** Resource limits (src/limits.ts); defaults for those not given. */
  readonly limits?: Partial<Limits>;
}

export async function parseMessage(raw: Uint8Array, input: string, options: ParseOptions = {}): Promise<MessageModel> {
  return buildModel(await readMessage(raw, input, options));
}

/**
 * What parseMessage reads from the bytes: every field of the model but the HTML DOM and what is found
 * in it. It keeps no reference to the bytes, so a caller that has no further use for them can let them
 * go before buildModel, the step that allocates most (src/preflight.ts does for a large message).
 */
export interface MessageFields {
  readonly fields: ModelFields;
  readonly limits: Limits;
}

export async function readMessage(raw: Uint8Array, input: string, options: ParseOptions = {}): Promise<MessageFields> {
  const fields = options.kind === "html" ? parseTemplate(raw, input, options) : await parseEml(raw, input, options);
  return { fields, limits: resolveLimits(options.limits) };
}

async function parseEml(raw: Uint8Array, input: string, options: ParseOptions): Promise<ModelFields> {
  const buffer = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const limits = resolveLimits(options.limits);
  const scan = scanMessage(buffer, { maxDepth: limits.maxMimeDepth, maxParts: limits.maxMimeParts });
  const headerLimit = headerLimitHit(scan.root.headers, limits.maxHeaders);
  const parsed = await decodeMessage(headerLimit ? withoutExcessHeaders(buffer, scan.root, limits.maxHeaders) : buffer);
  const kept = scan.root.headers.slice(0, limits.maxHeaders);
  const longHeaders = kept.filter((header) => header.raw.length > limits.maxHeaderLength);
  // raw 8-bit header text that is not UTF-8 is read in the body's charset, as clients do
  const headerCharset = bodyCharset(scan.leaves, parsed.charsetGuesses);
  let headers = kept.map((header) => toHeader(header.raw.length > limits.maxHeaderLength ? { ...header, raw: header.raw.slice(0, limits.maxHeaderLength) } : header, headerCharset));
  if (options.from !== undefined) headers = replaceHeader(headers, "From", options.from);
  if (options.subject !== undefined) headers = replaceHeader(headers, "Subject", options.subject);

  // a text part read in a guessed charset (its label did not fit its bytes) says so, and maps positions through it
  const guessed = new Map(parsed.charsetGuesses.map((guess) => [guess.path, guess.decodedAs]));
  const containers = containerTypes(scan.root);
  const mime = scan.leaves.map((leaf) => toMimePart(leaf, guessed.get(leaf.path), containers.get(leaf.path)));
  const htmlLeaf = scan.leaves.find((leaf) => leaf.contentType === "text/html" && !isAttachmentLeaf(leaf));
  const textLeaf = scan.leaves.find((leaf) => leaf.contentType === "text/plain" && !isAttachmentLeaf(leaf));
  const html: BodyPart | undefined =
    parsed.html !== undefined && parsed.html !== "" ? bodyPart("text/html", parsed.html, htmlLeaf, buffer, guessed) : undefined;
  const text: BodyPart | undefined =
    parsed.text !== undefined && textLeaf ? textBody(parsed.text, parsed.textParts, textLeaf, scan.leaves, buffer, guessed) : undefined;

  const attachments: Attachment[] = parsed.attachments.map((attachment) => ({
    filename: attachment.filename ?? "",
    contentType: attachment.contentType.toLowerCase(),
    sizeBytes: attachment.sizeBytes,
    inline: attachment.contentDisposition === "inline" || attachment.related,
    head: attachment.head,
    location: { part: "attachment", ...(attachment.filename ? { filename: attachment.filename } : {}) },
  }));

  const fromAll = options.from !== undefined ? parseAddressList(options.from) : addresses(parsed.from, limits.maxHeaderLength);
  // mailparser reads a raw 8-bit Subject as UTF-8 whatever it is
  const rawSubject = headers.find((header) => header.key === "subject" && header.decodedAs);
  const subject = options.subject ?? (rawSubject ? rawSubject.value : parsed.subject)?.slice(0, limits.maxHeaderLength);
  return {
    input,
    kind: "eml",
    sizeBytes: buffer.byteLength,
    headers,
    fromAll,
    replyTo: addresses(parsed.replyTo, limits.maxHeaderLength),
    ...(subject !== undefined ? { subject } : {}),
    mime,
    mimeDepth: scan.depth,
    ...(html ? { html } : {}),
    ...(text ? { text } : {}),
    attachments,
    parseProblems: scan.problems.map((problem) => ({
      message: problem.message,
      ...(problem.line !== undefined ? { location: { part: "message", line: problem.line } } : {}),
    })),
    limitsHit: [...scan.limitHits, ...(headerLimit ? [headerLimit] : []), ...longHeaderHit(longHeaders, limits.maxHeaderLength)].map((hit) => ({
      limit: hit.limit,
      message: hit.message,
      ...(hit.line !== undefined ? { location: { part: "message", line: hit.line } } : {}),
    })),
  };
}

function longHeaderHit(long: readonly RawHeader[], maxHeaderLength: number): LimitHit[] {
  const first = long[0];
  if (!first) return [];
  const others = long.length > 1 ? ` and ${long.length - 1} more fields` : "";
  return [{
    limit: "maxHeaderLength",
    message: `The ${first.name} header is ${first.raw.length} characters long${others}; only the first ${maxHeaderLength} characters of a field were analysed`,
    line: first.line,
  }];
}

function headerLimitHit(headers: readonly RawHeader[], maxHeaders: number): LimitHit | undefined {
  if (headers.length <= maxHeaders) return undefined;
  return {
    limit: "maxHeaders",
    message: `The header block has ${headers.length} fields; only the first ${maxHeaders} were analysed`,
    line: headers[maxHeaders]!.line,
  };
}

/**
 * The message as mailparser should see it when the header block is over the limit: the first
 * maxHeaders fields, and the MIME fields after them (without those the body cannot be decoded).
 * mailparser itself refuses a header block over 1 MiB ("Max header size for a MIME node exceeded").
 */
function withoutExcessHeaders(message: Buffer, root: ScannedPart, maxHeaders: number): Buffer {
  const kept = root.headers.filter((header, index) => index < maxHeaders || /^(?:content-|mime-version$)/i.test(header.name));
  const head = kept.map((header) => `${header.name}: ${header.raw}\r\n`).join("");
  return Buffer.concat([Buffer.from(`${head}\r\n`, "latin1"), message.subarray(root.bodyStart)]);
}

function parseTemplate(raw: Uint8Array, input: string, options: ParseOptions): ModelFields {
  const source = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("utf8").replace(/^\uFEFF/, "");
  const headers: Header[] = [];
  if (options.from !== undefined) headers.push(syntheticHeader("From", options.from));
  if (options.subject !== undefined) headers.push(syntheticHeader("Subject", options.subject));
  return {
    input,
    kind: "html",
    sizeBytes: raw.byteLength,
    headers,
    fromAll: options.from !== undefined ? parseAddressList(options.from) : [],
    replyTo: [],
    ...(options.subject !== undefined ? { subject: options.subject } : {}),
    mime: [{ path: "", contentType: "text/html", transferEncoding: "8bit", depth: 0, sizeBytes: raw.byteLength, bodyLine: 1, charset: "utf-8" }],
    mimeDepth: 0,
    html: { contentType: "text/html", content: source, charset: "utf-8", fileLine: 1, toFilePosition: filePositionMap(source, "8bit", 1) },
    attachments: [],
    parseProblems: [],
    limitsHit: [],
  };
}

type ModelFields = Omit<MessageModel, "header" | "headersNamed" | "from" | "htmlBody" | "links" | "images">;

/** The model from what readMessage read: the HTML DOM, links and images, and header lookups. */
export function buildModel({ fields, limits }: MessageFields): MessageModel {
  const limitsHit = [...fields.limitsHit];
  let htmlSource = fields.html ? utf8Prefix(fields.html.content, limits.maxHtmlBytes) : undefined;
  if (fields.html && htmlSource !== undefined && htmlSource.length < fields.html.content.length) {
    const bytes = Buffer.byteLength(fields.html.content, "utf8");
    limitsHit.push({
      limit: "maxHtmlBytes",
      message: `The HTML part is ${bytes} bytes; only its first ${limits.maxHtmlBytes} bytes were parsed, so links, images and text after them were not analysed`,
      location: { part: "text/html", line: computeLineStarts(htmlSource).length },
    });
  }
  const cut = htmlSource !== undefined ? nestingCut(htmlSource, limits.maxHtmlDepth) : undefined;
  if (htmlSource !== undefined && cut !== undefined) {
    htmlSource = htmlSource.slice(0, cut);
    limitsHit.push({
      limit: "maxHtmlDepth",
      message: `HTML elements nest deeper than ${limits.maxHtmlDepth} levels; the HTML from there on was not analysed`,
      location: { part: "text/html", line: computeLineStarts(htmlSource).length, column: cut - htmlSource.lastIndexOf("\n") },
    });
  }
  const htmlBody = htmlSource !== undefined ? parseHtml(htmlSource, "text/html") : undefined;
  const allLinks = [...(htmlBody ? htmlLinks(htmlBody, limits.maxLinks) : []), ...(fields.text ? textLinks(fields.text.content, "text/plain", limits.maxLinks) : [])];
  const links = allLinks.slice(0, limits.maxLinks);
  if (allLinks.length > limits.maxLinks) {
    limitsHit.push({
      limit: "maxLinks",
      message: `The message has more than ${limits.maxLinks} links; only the first ${limits.maxLinks} were analysed`,
      location: allLinks[limits.maxLinks]!.location,
    });
  }
  const allImages = htmlBody ? htmlImages(htmlBody, limits.maxImages) : [];
  const images = allImages.slice(0, limits.maxImages);
  if (allImages.length > limits.maxImages) {
    limitsHit.push({
      limit: "maxImages",
      message: `The message has more than ${limits.maxImages} images; only the first ${limits.maxImages} were analysed`,
      location: allImages[limits.maxImages]!.location,
    });
  }
  const byKey = new Map<string, Header[]>();
  for (const header of fields.headers) {
    const list = byKey.get(header.key) ?? [];
    list.push(header);
    byKey.set(header.key, list);
  }
  const from = fields.fromAll[0];
  return {
    ...fields,
    ...(from ? { from } : {}),
    ...(htmlBody ? { htmlBody } : {}),
    links,
    images,
    limitsHit,
    header: (name) => byKey.get(name.toLowerCase())?.[0],
    headersNamed: (name) => byKey.get(name.toLowerCase()) ?? [],
  };
}

/** `message` is the whole message, which the leaf's byte offsets index. */
/** Guessed charsets by MIME path. */
type Guessed = ReadonlyMap<string, string>;

function bodyPart(contentType: "text/html" | "text/plain", content: string, leaf: ScannedPart | undefined, message: Buffer, guessed: Guessed): BodyPart {
  return {
    contentType,
    content,
    ...(leaf ? { transferEncoding: leaf.transferEncoding, fileLine: leaf.bodyLine, toFilePosition: leafPositionMap(leaf, message, guessed) } : {}),
    ...(leaf?.params.get("charset") ? { charset: leaf.params.get("charset")!.toLowerCase() } : {}),
  };
}

/**
 * The text/plain body: mailparser's join of every inline text/plain part ("\n" between them, and an
 * empty piece for an HTML part beside them). Rules read it whole; when it is more than the first part,
 * its sections say where each part begins, and positions map back through that part's own encoding.
 * Sections are found by looking for each part's decoded text in the join, in order; when one is not
 * found where a part can begin (our scan and mailparser's disagree on a broken message), positions are
 * mapped through the first part, as for a single part.
 */
function textBody(content: string, parts: readonly DecodedTextPart[], firstLeaf: ScannedPart, leaves: readonly ScannedPart[], message: Buffer, guessed: Guessed): BodyPart {
  const single = bodyPart("text/plain", content, firstLeaf, message, guessed);
  if (parts.length === 0 || (parts.length === 1 && parts[0]!.path === firstLeaf.path && content.startsWith(parts[0]!.content))) return single;
  const found: { leaf: ScannedPart; offset: number }[] = [];
  let cursor = 0;
  for (const part of parts) {
    const leaf = leaves.find((candidate) => candidate.path === part.path && candidate.contentType === "text/plain");
    const offset = content.indexOf(part.content, cursor);
    if (!leaf || offset === -1 || (offset > 0 && content[offset - 1] !== "\n")) return single;
    found.push({ leaf, offset });
    cursor = offset + part.content.length;
  }
  const lineStarts = computeLineStarts(content);
  const sections = found.map(({ leaf, offset }) => ({ mimePart: leaf.path, firstLine: lineAt(lineStarts, offset), map: leafPositionMap(leaf, message, guessed) }));
  return {
    ...single,
    sections: sections.map(({ mimePart, firstLine }) => ({ mimePart, firstLine })),
    toFilePosition: (line, column) => {
      const section = sectionAt(sections, line);
      // a line before the first part (the header block mailparser prints for a forwarded message)
      return section ? section.map(line - section.firstLine + 1, column) : sections[0]!.map(1);
    },
  };
}

function leafPositionMap(leaf: ScannedPart, message: Buffer, guessed: Guessed): FilePositionMap {
  // file-position.ts maps positions in the body as sent, read as latin1 (one character a byte)
  return filePositionMap(message.toString("latin1", leaf.bodyStart, leaf.bodyEnd), leaf.transferEncoding, leaf.bodyLine, guessed.get(leaf.path) ?? leaf.params.get("charset"));
}

function isAttachmentLeaf(leaf: ScannedPart): boolean {
  return leaf.disposition === "attachment";
}

/** MIME path → content type of the multipart (or message/rfc822) part it is a child of. */
function containerTypes(root: ScannedPart): Map<string, string> {
  const containers = new Map<string, string>();
  const visit = (part: ScannedPart) => {
    for (const child of part.children) {
      containers.set(child.path, part.contentType);
      visit(child);
    }
  };
  visit(root);
  return containers;
}

function toMimePart(leaf: ScannedPart, decodedAs: string | undefined, container: string | undefined): MimePart {
  const charset = leaf.params.get("charset");
  return {
    path: leaf.path,
    contentType: leaf.contentType,
    ...(container ? { container } : {}),
    ...(charset ? { charset: charset.toLowerCase() } : {}),
    ...(decodedAs ? { decodedAs } : {}),
    transferEncoding: leaf.transferEncoding,
    ...(leaf.disposition ? { disposition: leaf.disposition } : {}),
    ...(leaf.filename !== undefined ? { filename: leaf.filename } : {}),
    depth: leaf.depth,
    sizeBytes: leaf.bodyEnd - leaf.bodyStart,
    bodyLine: leaf.bodyLine,
    ...(leaf.qpLongLines ? { qpLongLines: leaf.qpLongLines } : {}),
  };
}

function toHeader(raw: { name: string; raw: string; line: number }, charset?: string): Header {
  // the scan read bytes as latin1; header bytes that are UTF-8 (RFC 6532) are re-read as such, others
  // (8-bit text sent without RFC 2047 encoding) in the body's charset or a guess
  const { text, decodedAs } = /[^\x00-\x7f]/.test(raw.raw) ? decodeHeaderBytes(Buffer.from(raw.raw, "latin1"), charset) : { text: raw.raw, decodedAs: undefined };
  return { name: raw.name, key: raw.name.toLowerCase(), raw: text, value: decodeWords(text), line: raw.line, ...(decodedAs ? { decodedAs } : {}) };
}

/** The charset of the body text: the first text part's label when it is a real one, else the first guess. */
function bodyCharset(leaves: readonly ScannedPart[], guesses: readonly CharsetGuess[]): string | undefined {
  if (guesses[0]) return guesses[0].decodedAs;
  const label = leaves.find((leaf) => leaf.contentType.startsWith("text/") && leaf.params.get("charset"))?.params.get("charset");
  return label && !/^(?:us-?ascii|utf-?8)$/i.test(label) ? label : undefined;
}

function syntheticHeader(name: string, value: string): Header {
  return { name, key: name.toLowerCase(), raw: value, value: decodeWords(value), line: 0 };
}

function replaceHeader(headers: Header[], name: string, value: string): Header[] {
  return [...headers.filter((header) => header.key !== name.toLowerCase()), syntheticHeader(name, value)];
}

function decodeWords(value: string): string {
  try {
    return libmime.decodeWords(value);
  } catch {
    return value;
  }
}

function addresses(object: AddressObject | AddressObject[] | undefined, maxLength: number): Address[] {
  const objects = object === undefined ? [] : Array.isArray(object) ? object : [object];
  const flat: EmailAddress[] = [];
  const visit = (entry: EmailAddress) => (entry.group ? entry.group.forEach(visit) : flat.push(entry));
  objects.forEach((item) => item.value.forEach(visit));
  return flat.filter((entry) => entry.address).map((entry) => toAddress(entry.name.slice(0, maxLength), entry.address!.slice(0, maxLength)));
}

function toAddress(name: string, address: string): Address {
  const at = address.lastIndexOf("@");
  return {
    name: name.trim(),
    address,
    localPart: at === -1 ? address : address.slice(0, at),
    domain: at === -1 ? "" : normaliseDomain(address.slice(at + 1)),
  };
}

/** "Name <a@b>" or "a@b" as given on the command line. */
export function parseAddressList(value: string): Address[] {
  return value
    .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const angle = /^(.*)<([^>]*)>\s*$/.exec(item);
      const name = angle ? angle[1]!.trim().replace(/^"|"$/g, "") : "";
      return toAddress(decodeWords(name), (angle ? angle[2]! : item).trim());
    });
}
