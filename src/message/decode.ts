// mailparser's streaming MailParser, read for what the model keeps and nothing more. simpleParser
// would collect every attachment decoded into one Buffer (13.5 MB of a 20 MB message held at once,
// plus the chunks it was concatenated from); here each attachment stream is read for its size and
// first bytes and the rest is let go as it flows past.
import { once } from "node:events";
import { MailParser, type AddressObject, type AttachmentStream, type MessageText } from "mailparser";
import { guessCharsets, type CharsetGuess } from "./charset-hook.js";
import { decodeSinglePart } from "./decode-single.js";

/** Bytes of each attachment kept: enough to sniff executables and OLE/ZIP containers (risky-attachment). */
const ATTACHMENT_HEAD_BYTES = 64;

/**
 * Size of each write into the parser. mailsplit's ChunkedPassthrough copies what it is given into a
 * new Buffer and passes it on once it holds 64 KiB, and the body slices the splitter hands on keep
 * that copy alive while the part is decoded. One write of a 20 MB message would hold a second copy
 * of it for the whole parse, and 1 MiB writes still added ≈ 25 MB to the peak RSS of that message
 * (218 MB against 193 MB in 64 KiB writes); a typical message (a few KB) goes in with one write.
 */
const WRITE_BYTES = 64 * 1024;

export interface DecodedAttachment {
  readonly filename?: string;
  readonly contentType: string;
  readonly contentDisposition?: string;
  /** Referenced by Content-ID from inside a multipart/related part (an embedded image). */
  readonly related: boolean;
  /** Decoded size. */
  readonly sizeBytes: number;
  readonly head: Uint8Array;
}

/** One text/plain part as decoded, before mailparser joined the parts into `text` (in that order). */
export interface DecodedTextPart {
  /** MIME path ("2", "1.1"; "" for a single-part message), numbered as src/message/mime.ts numbers leaves. */
  readonly path: string;
  readonly content: string;
}

export interface DecodedMessage {
  readonly html?: string;
  /** Every inline text/plain part, joined by mailparser with "\n" (and "" for an HTML part beside them). */
  readonly text?: string;
  /** The parts `text` was joined from. */
  readonly textParts: readonly DecodedTextPart[];
  readonly subject?: string;
  readonly from?: AddressObject;
  readonly replyTo?: AddressObject;
  readonly attachments: readonly DecodedAttachment[];
  /** Text parts decoded in another charset than their label said (charset-hook.ts). */
  readonly charsetGuesses: readonly CharsetGuess[];
}

export async function decodeMessage(source: Buffer): Promise<DecodedMessage> {
  const single = decodeSinglePart(source);
  if (single) return single;
  const parser = new MailParser({
    // the rules read the HTML and text as sent: html-to-text, text-to-HTML and linkify are unused work
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
    // the model has no attachment checksum: MailParser would MD5 every attachment byte otherwise
    checksumAlgo: false,
  });
  const charsetGuesses: CharsetGuess[] = [];
  guessCharsets(parser, charsetGuesses);
  // The first 'error' settles the parse, as in simpleParser: it can come while an attachment is read
  // whose stream then never ends. Listening with `on` also keeps a second error from throwing.
  const failed = new Promise<never>((_resolve, reject) => parser.on("error", reject));
  const [body] = await Promise.race([Promise.all([readParser(parser), feed(parser, source)]), failed]);
  return {
    ...body,
    textParts: textPartsOf((parser as unknown as { tree?: ParserNode }).tree),
    charsetGuesses,
    ...(parser.subject !== undefined ? { subject: parser.subject } : {}),
    ...(parser.from !== undefined ? { from: parser.from } : {}),
    ...(parser.replyTo !== undefined ? { replyTo: parser.replyTo } : {}),
  };
}

async function feed(parser: MailParser, source: Buffer): Promise<void> {
  for (let offset = 0; offset < source.byteLength; offset += WRITE_BYTES) {
    if (!parser.write(source.subarray(offset, offset + WRITE_BYTES))) await once(parser, "drain");
  }
  parser.end();
}

/** The parser emits each attachment (which it waits on until released) and, last, the text. */
async function readParser(parser: MailParser): Promise<{ html?: string; text?: string; attachments: DecodedAttachment[] }> {
  const attachments: DecodedAttachment[] = [];
  let content: MessageText | undefined;
  for await (const item of parser as AsyncIterable<AttachmentStream | MessageText>) {
    if (item.type === "attachment") attachments.push(await readAttachment(item));
    else content = item;
  }
  return {
    ...(typeof content?.html === "string" ? { html: content.html } : {}),
    ...(content?.text !== undefined ? { text: content.text } : {}),
    attachments,
  };
}

async function readAttachment(attachment: AttachmentStream): Promise<DecodedAttachment> {
  const head = new Uint8Array(ATTACHMENT_HEAD_BYTES);
  let headLength = 0;
  let sizeBytes = 0;
  for await (const chunk of attachment.content as AsyncIterable<Buffer>) {
    if (headLength < ATTACHMENT_HEAD_BYTES) {
      const taken = chunk.subarray(0, ATTACHMENT_HEAD_BYTES - headLength);
      head.set(taken, headLength);
      headLength += taken.byteLength;
    }
    sizeBytes += chunk.byteLength;
  }
  attachment.release?.();
  return {
    ...(attachment.filename !== undefined ? { filename: attachment.filename } : {}),
    contentType: attachment.contentType,
    ...(attachment.contentDisposition !== undefined ? { contentDisposition: attachment.contentDisposition } : {}),
    related: attachment.related === true,
    sizeBytes,
    head: head.slice(0, headLength),
  };
}

/** The node tree MailParser keeps (not in its types): each text part's decoded text, where it is. */
interface ParserNode {
  readonly contentType?: string;
  readonly textContent?: string;
  readonly node?: { readonly partNr?: readonly (number | string)[] };
  readonly children?: readonly ParserNode[];
}

/**
 * The text/plain parts in the order mailparser joins them into `text` (its getTextContent walks the
 * tree depth-first, a node before its children). Its part numbers carry "TEXT" markers for the body of
 * a message/rfc822 part, which mailparser itself leaves out of its part ids.
 */
function textPartsOf(tree: ParserNode | undefined): DecodedTextPart[] {
  const parts: DecodedTextPart[] = [];
  const visit = (node: ParserNode) => {
    if (node.contentType === "text/plain" && node.textContent) {
      parts.push({ path: (node.node?.partNr ?? []).filter((nr) => typeof nr === "number").join("."), content: node.textContent });
    }
    node.children?.forEach(visit);
  };
  if (tree) visit(tree);
  return parts;
}
