// The parsed message every content rule reads. Built once per input by parse.ts; read-only after.
import type { CheerioAPI } from "cheerio/slim";
import type { Element } from "domhandler";
import type { FilePositionMap } from "./file-position.js";
import type { LimitName } from "../limits.js";

/** Where a finding is. Lines and columns are 1-based, in the decoded part (or the template file). */
export interface Location {
  /** Content type of the part ("text/html", "text/plain") or "headers"/"attachment". */
  readonly part?: string;
  /**
   * Set by the report, not by rules: the MIME path of the part ("2", "1.1") when the body of that type
   * joins several parts; line and column are then within that part.
   */
  readonly mimePart?: string;
  /** Header name, for header findings. */
  readonly header?: string;
  readonly line?: number;
  readonly column?: number;
  /** Attachment file name, for attachment findings. */
  readonly filename?: string;
  /** Set by the report, not by rules: the 1-based line/column in the input file itself (SARIF regions). */
  readonly fileLine?: number;
  readonly fileColumn?: number;
}

export interface Address {
  readonly name: string; // display name, decoded; "" when absent
  readonly address: string; // local@domain, as written
  readonly localPart: string;
  readonly domain: string; // lower-cased, IDNA as written
}

export interface Header {
  readonly name: string; // as written
  readonly key: string; // lower-cased name
  /** Unfolded raw value, encoded words still encoded. */
  readonly raw: string;
  /** Unfolded value with RFC 2047 encoded words decoded. */
  readonly value: string;
  /** 1-based line of the header in the input file. */
  readonly line: number;
  /** Raw 8-bit text that was not UTF-8 (sent without RFC 2047 encoding): the charset it was read in. */
  readonly decodedAs?: string;
}

/** One leaf of the MIME tree (from our own structural scan, so transfer encodings and depth are known). */
export interface MimePart {
  readonly path: string; // "1.2" style, "" for a single-part message
  readonly contentType: string; // lower-cased type/subtype
  /** Content type of the multipart the part is a child of ("multipart/alternative"); none for a single-part message. */
  readonly container?: string;
  readonly charset?: string;
  /** A text part whose bytes did not fit its charset (or had none): the charset it was read in instead. */
  readonly decodedAs?: string;
  readonly transferEncoding: string; // lower-cased; "7bit" when absent
  readonly disposition?: string;
  readonly filename?: string;
  readonly depth: number;
  /** Encoded size of the body in bytes. */
  readonly sizeBytes: number;
  /** 1-based line in the input file where the part's body starts. */
  readonly bodyLine: number;
  /**
   * A quoted-printable part with encoded lines over the 76 characters RFC 2045 §6.7 allows (CRLF not
   * counted): how many, the longest (bytes) and the input line of the first. Absent when there are none.
   */
  readonly qpLongLines?: { readonly count: number; readonly longest: number; readonly line: number };
}

export interface BodyPart {
  readonly contentType: "text/html" | "text/plain";
  /** Decoded, as Unicode text. */
  readonly content: string;
  readonly transferEncoding?: string;
  readonly charset?: string;
  /** 1-based line in the input file where this part's body starts (for SARIF mapping). */
  readonly fileLine?: number;
  /** Line/column in this decoded part → line/column in the message file (see file-position.ts). */
  readonly toFilePosition?: FilePositionMap;
  /**
   * When content joins several MIME parts (two text/plain parts of a multipart/mixed, shown one after the
   * other by mail clients), or does not begin with its one part: where each part begins, in order.
   */
  readonly sections?: readonly BodySection[];
}

export interface BodySection {
  /** MIME path of the part ("2", "1.1"), as in MimePart.path. */
  readonly mimePart: string;
  /** 1-based line of the joined content where the part's text begins (at column 1). */
  readonly firstLine: number;
}

export type LinkSource = "a" | "area" | "img" | "form" | "iframe" | "link" | "script" | "source" | "background" | "css" | "text";

export interface Link {
  /** The URL as written (entities decoded, trimmed). */
  readonly href: string;
  readonly source: LinkSource;
  /** Visible text of an <a>/<area> link (whitespace collapsed); "" for others. */
  readonly text: string;
  /** Lower-cased host name, without brackets for IPv6; undefined when the URL has none (mailto:, #, relative). */
  readonly host?: string;
  /** Registrable domain (eTLD+1) of host, when the host is a name under a public suffix. */
  readonly registrableDomain?: string;
  /** Lower-cased scheme without colon ("https", "mailto", "javascript"); "" for relative URLs. */
  readonly scheme: string;
  /**
   * The IP address when the host is an IP literal, in canonical form ("192.168.1.1", "2001:db8::1"),
   * whatever notation the href used (decimal 3232235777, hex, octal, %-escaped): browsers accept them all.
   */
  readonly ip?: string;
  /** The userinfo before "@" in the authority ("www.bank.com" in http://www.bank.com@1.2.3.4/), as written. */
  readonly userinfo?: string;
  readonly location: Location;
}

export interface Image {
  readonly src: string;
  readonly alt?: string; // undefined when the attribute is absent
  readonly width?: number;
  readonly height?: number;
  readonly location: Location;
}

export interface Attachment {
  readonly filename: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly inline: boolean; // Content-Disposition inline or referenced by cid:
  /** First bytes, enough to sniff executables and OLE/ZIP containers. */
  readonly head: Uint8Array;
  readonly location: Location;
}

export interface HtmlBody {
  readonly source: string;
  /** cheerio over htmlparser2 with start indices; elements carry startIndex/endIndex into source. */
  readonly $: CheerioAPI;
  /** Every element (script and style included) in document order. Prefer it to $(selector) for
   *  whole-document scans: css-select's descendant search is quadratic in nesting depth. */
  readonly elements: readonly Element[];
  /** Text a reader sees (script/style/head removed, whitespace collapsed). Hidden-by-CSS text is not removed. */
  readonly visibleText: string;
  /** line/column of an offset in source. */
  locate(offset: number): Location;
}

export interface MessageModel {
  readonly input: string;
  /** "eml" for RFC 5322 input, "html" for a bare template. */
  readonly kind: "eml" | "html";
  readonly sizeBytes: number;
  readonly headers: readonly Header[];
  /** First header of that name (case-insensitive). */
  header(name: string): Header | undefined;
  headersNamed(name: string): readonly Header[];
  readonly from?: Address;
  /** All From addresses (RFC 5322 allows several). */
  readonly fromAll: readonly Address[];
  readonly replyTo: readonly Address[];
  readonly subject?: string; // decoded
  readonly mime: readonly MimePart[];
  readonly mimeDepth: number;
  readonly html?: BodyPart;
  readonly htmlBody?: HtmlBody;
  readonly text?: BodyPart;
  readonly links: readonly Link[];
  readonly images: readonly Image[];
  readonly attachments: readonly Attachment[];
  /** Structural problems met while parsing (broken boundary, bad header line…), as plain messages. */
  readonly parseProblems: readonly { readonly message: string; readonly location?: Location }[];
  /** Resource limits reached while reading it (src/limits.ts): what lies past them was not analysed. */
  readonly limitsHit: readonly { readonly limit: LimitName; readonly message: string; readonly location?: Location }[];
}
