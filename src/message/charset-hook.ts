// Puts charset guessing (charset-guess.ts) into mailparser's decoding of inline text parts. mailparser
// decodes a part in its declared charset, and one without a charset, or labelled US-ASCII or UTF-8, not
// at all (the bytes become UTF-8 with U+FFFD for what is not). Here such parts, and those labelled
// Latin-1, go through a decoder that checks the label against the bytes first. Other labels (gb2312,
// koi8-r…) are decoded as mailparser decodes them. Both hooks are mailparser internals (3.x):
// createNode() builds the node whose `charset` the text reader passes to `decoder.decodeStream()`.
import { Transform, type TransformCallback } from "node:stream";
import libmime from "libmime";
import type { MailParser } from "mailparser";
import { guessCharset, labelKind, metaCharset, type LabelKind } from "./charset-guess.js";

/** A text part decoded in another charset than its label says. */
export interface CharsetGuess {
  /** MIME path, numbered as decode.ts numbers text parts. */
  readonly path: string;
  readonly contentType: string;
  /** As written in Content-Type, lower-cased; undefined when there is none. */
  readonly declared?: string;
  /** What the text was decoded as (an iconv-lite / encoding-japanese name). */
  readonly decodedAs: string;
}

interface ParserNode {
  contentType?: string;
  disposition?: string;
  isAttachment?: boolean;
  charset?: string;
  node?: { readonly partNr?: readonly (number | string)[] };
}

interface ParserInternals {
  createNode(node: unknown): ParserNode;
  decoder: { decodeStream(charset: string): Transform };
}

/** A charset name no decoder knows, standing for "this part: check its label" (the index into `parts`). */
const MARK = "x-mail-preflight-check-";
const HEAD_BYTES = 4096;

const known = (name: string) => libmime.createDecodeStream(name).supported;

/** Whether an inline text part with this charset label (lower-cased) gets its label checked against its bytes. */
export function labelChecked(declared: string | undefined): boolean {
  return labelKind(declared, known) !== "other";
}

/** Hooks `parser`; the parts it decoded in a guessed charset are pushed onto `guesses` as they end. */
export function guessCharsets(parser: MailParser, guesses: CharsetGuess[]): void {
  const internals = parser as unknown as ParserInternals;
  const parts: { path: string; contentType: string; declared?: string; kind: LabelKind }[] = [];
  const createNode = internals.createNode.bind(parser);
  internals.createNode = (raw) => {
    const node = createNode(raw);
    const textual = node.contentType === "text/plain" || node.contentType === "text/html";
    if (!textual || node.disposition !== "inline" || node.isAttachment) return node;
    const declared = node.charset?.trim().toLowerCase();
    const kind = labelKind(declared, known);
    if (kind === "other") return node;
    const path = (node.node?.partNr ?? []).filter((nr) => typeof nr === "number").join(".");
    parts.push({ path, contentType: node.contentType!, ...(declared ? { declared } : {}), kind });
    node.charset = `${MARK}${parts.length - 1}`;
    return node;
  };
  internals.decoder = {
    decodeStream(charset) {
      const part = charset.startsWith(MARK) ? parts[Number(charset.slice(MARK.length))] : undefined;
      if (!part) return libmime.createDecodeStream(charset || "ascii");
      return new CheckingDecoder(part.kind, part.contentType === "text/html", part.declared, (decodedAs) =>
        guesses.push({ path: part.path, contentType: part.contentType, ...(part.declared ? { declared: part.declared } : {}), decodedAs }),
      );
    },
  };
}

/**
 * Passes 7-bit chunks on as they come (ASCII reads the same in every candidate charset); from the first
 * chunk with an 8-bit byte or an escape, holds the rest and decides at the end.
 */
class CheckingDecoder extends Transform {
  private held: Buffer[] = [];
  private head: Buffer[] = [];
  private headLength = 0;

  constructor(
    private readonly kind: LabelKind,
    private readonly html: boolean,
    private readonly declared: string | undefined,
    private readonly onGuess: (decodedAs: string) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.html && this.headLength < HEAD_BYTES) {
      this.head.push(chunk);
      this.headLength += chunk.length;
    }
    if (this.held.length === 0 && isSevenBit(chunk)) this.push(chunk);
    else this.held.push(chunk);
    done();
  }

  override _flush(done: TransformCallback): void {
    const bytes = Buffer.concat(this.held);
    this.held = [];
    const meta = this.html ? metaCharset(Buffer.concat(this.head)) : undefined;
    const usableMeta = meta && labelKind(meta, known) !== "undeclared" ? meta : undefined;
    const guessed = bytes.length > 0 ? guessCharset(bytes, this.kind, usableMeta) : undefined;
    if (guessed) this.onGuess(guessed);
    const charset = guessed ?? (this.kind === "latin" ? this.declared : undefined);
    // unguessed and not Latin-1: what mailparser does, the bytes taken as UTF-8
    if (!charset) {
      if (bytes.length > 0) this.push(bytes);
      done();
      return;
    }
    const inner = libmime.createDecodeStream(charset);
    inner.on("data", (chunk: Buffer) => this.push(chunk));
    inner.once("end", () => done());
    inner.once("error", (error: Error) => done(error));
    inner.end(bytes);
  }
}

/** Bytes that read the same in every candidate charset: no 8-bit byte and no escape (ISO-2022). */
export function isSevenBit(chunk: Buffer): boolean {
  for (let i = 0; i < chunk.length; i++) if (chunk[i]! >= 0x80 || chunk[i] === 0x1b) return false;
  return true;
}
