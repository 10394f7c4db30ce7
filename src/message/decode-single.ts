// A single-part text/plain or text/html message decoded without MailParser's stream: the same
// mailsplit header parsing, the same transfer and charset decoders and the same header processing,
// run on the whole body at once. MailParser splits the message into one object per line and passes
// each through several Transform streams and a setImmediate; for most mail that plumbing was most of
// the parse. Anything else (multipart, an attachment, 8-bit text whose label charset-hook.ts would
// check, a decoder error) returns undefined and goes through MailParser as before.
import mailsplit from "@zone-eu/mailsplit";
import FlowedDecoder from "@zone-eu/mailsplit/lib/flowed-decoder.js";
import libmime from "libmime";
import { MailParser, type AddressObject } from "mailparser";
import type { DecodedMessage } from "./decode.js";
import { isSevenBit, labelChecked } from "./charset-hook.js";

/**
 * Past this, mailsplit's header size limit could come into play (each line counts at least 64 bytes
 * against 1 MiB): such a header block goes through MailParser, which reports it.
 */
const MAX_HEADER_BLOCK_BYTES = 16 * 1024;

/** The only header values the model takes from MailParser (src/message/parse.ts). */
const HEADER_KEYS = new Set(["subject", "from", "reply-to"]);

interface HeaderProcessor {
  processHeaders(lines: readonly { key: string; line: string }[]): Map<string, unknown>;
}

// MailParser's own header processing (not in its types), borrowed from one idle instance: it reads
// only the instance's libmime and address helpers, no parse state
let headerProcessor: HeaderProcessor | undefined;

export function decodeSinglePart(source: Buffer): DecodedMessage | undefined {
  const headerEnd = headerBlockEnd(source);
  if (headerEnd === undefined) return undefined;
  const node = new mailsplit.MimeNode(false, {});
  node.addHeaderChunk(source.subarray(0, headerEnd));
  node.parseHeaders();
  const contentType = node.contentType;
  if (contentType !== "text/plain" && contentType !== "text/html") return undefined;
  // MailParser's rule: a text part without a disposition, or an inline one, is the body
  if (node.disposition !== false && node.disposition !== "inline") return undefined;

  let content: Buffer;
  try {
    content = runTransform(node.getDecoder(), source.subarray(headerEnd));
    if (node.flowed) content = runTransform(new FlowedDecoder({ delSp: node.delSp }), content);
    if (labelChecked(node.charset === false ? undefined : node.charset.trim().toLowerCase())) {
      // charset-hook.ts checks such a label against the bytes, which it reads in the chunks MailParser
      // hands it; 7-bit text it passes on unchanged, anything else is left to that path
      if (!isSevenBit(content)) return undefined;
    } else {
      const charset = node.charset || "utf-8";
      if (!["ascii", "usascii", "utf8"].includes(charset.toLowerCase().replace(/[^a-z0-9]+/g, ""))) {
        content = runTransform(libmime.createDecodeStream(charset), content);
      }
    }
  } catch {
    return undefined;
  }
  const text = content.toString().replace(/\r?\n/g, "\n");

  headerProcessor ??= new MailParser() as unknown as HeaderProcessor;
  const lines = node.headers ? node.headers.getList().filter((line) => HEADER_KEYS.has(line.key)) : [];
  const headers = headerProcessor.processHeaders(lines);
  const subject = headers.get("subject") as string | undefined;
  const from = headers.get("from") as AddressObject | undefined;
  const replyTo = headers.get("reply-to") as AddressObject | undefined;
  // as MailParser's getTextContent: an empty part adds nothing; an HTML part alone adds an empty text
  const body: Pick<DecodedMessage, "html" | "text" | "textParts"> =
    text === "" ? { textParts: [] } : contentType === "text/plain" ? { text, textParts: [{ path: "", content: text }] } : { html: text, text: "", textParts: [] };
  return {
    ...body,
    ...(subject !== undefined ? { subject } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(replyTo !== undefined ? { replyTo } : {}),
    attachments: [],
    charsetGuesses: [],
  };
}

/**
 * Where the body begins as mailsplit sees it: after the first line that is empty ("\n" or "\r\n").
 * Undefined for what this path does not take: no such line, an mbox "From " line, a large block.
 */
function headerBlockEnd(source: Buffer): number | undefined {
  if (source.subarray(0, 5).toString("latin1") === "From ") return undefined;
  let start = 0;
  while (start < source.length && start <= MAX_HEADER_BLOCK_BYTES) {
    const lineEnd = source.indexOf(0x0a, start);
    if (lineEnd === -1) return undefined;
    const length = lineEnd + 1 - start;
    if (length === 1 || (length === 2 && source[start] === 0x0d)) return lineEnd + 1;
    start = lineEnd + 1;
  }
  return undefined;
}

/** A decoder stream's transform run on the whole input at once, synchronously; throws its error. */
function runTransform(stream: object, input: Buffer): Buffer {
  const out: Buffer[] = [];
  let failure: unknown;
  const take = (chunk: unknown) => {
    if (chunk !== null && chunk !== undefined) out.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  };
  const done = (error?: unknown, chunk?: unknown) => {
    if (error) failure ??= error;
    take(chunk);
  };
  const internals = stream as unknown as {
    push(chunk: unknown): boolean;
    _transform(chunk: Buffer, encoding: string, callback: typeof done): void;
    _flush?(callback: typeof done): void;
  };
  internals.push = (chunk) => {
    take(chunk);
    return true;
  };
  if (input.length > 0) internals._transform(input, "buffer", done);
  internals._flush?.(done);
  if (failure !== undefined) throw failure;
  return out.length === 1 ? out[0]! : Buffer.concat(out);
}
