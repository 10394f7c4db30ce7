// The resource limits of a run, in one place. A message is untrusted input: whatever it holds, a
// run must end in bounded time and memory. Past a limit the run goes on with what fits and the
// result says so (a `limit-exceeded` finding); only the input size is a usage error (exit 2),
// since a file that large is not a message anyone sends. SECURITY.md's table is built from this file.

export interface Limits {
  /** Bytes of one input file (or stdin); over it the run stops with exit 2. */
  readonly maxInputBytes: number;
  /** Nesting levels of multipart parts; deeper parts are not analysed. */
  readonly maxMimeDepth: number;
  /** MIME parts in one message; later parts are not analysed. */
  readonly maxMimeParts: number;
  /** Header fields of the message header block; later fields are not analysed. */
  readonly maxHeaders: number;
  /** Characters of one header field's value (unfolded); the rest of the value is not analysed. */
  readonly maxHeaderLength: number;
  /** Bytes of the HTML part parsed into a DOM; the rest of the HTML is not analysed. */
  readonly maxHtmlBytes: number;
  /** Nesting depth of HTML elements parsed into the DOM; the HTML from the first deeper element on is not analysed. */
  readonly maxHtmlDepth: number;
  /** Links (href, src, url(), bare URLs) analysed per message; later ones are not. */
  readonly maxLinks: number;
  /** Images analysed per message; later ones are not. */
  readonly maxImages: number;
  /** DNS questions one run sends; past it lookups end as temperror. */
  readonly maxDnsQueries: number;
}

export type LimitName = keyof Limits;

interface LimitDoc {
  readonly default: number;
  readonly unit: string;
  readonly why: string;
}

/** Defaults and the reasons for them; SECURITY.md and the config schema describe the same numbers. */
export const LIMITS: { readonly [K in LimitName]: LimitDoc } = {
  maxInputBytes: {
    default: 64 * 1024 * 1024,
    unit: "bytes",
    why: "Gmail and Microsoft 365 refuse messages over 25–150 MB with attachments; no draft worth checking is bigger than 64 MiB.",
  },
  maxMimeDepth: { default: 20, unit: "levels", why: "Real mail nests 3–5 levels; deep nesting is a parser attack (it is what broke several MIME parsers' stacks)." },
  maxMimeParts: { default: 500, unit: "parts", why: "A newsletter has 2–20 parts; thousands of empty parts only cost time." },
  maxHeaders: { default: 1000, unit: "header fields", why: "A message relayed many times carries ~100 fields; Postfix keeps 100 KB of header (header_size_limit)." },
  maxHeaderLength: {
    default: 16_384,
    unit: "characters per header field",
    why: "RFC 5322 lines stop at 998 characters and real folded fields (References, DKIM-Signature) stay under a few KB; header rules and audits match patterns on whole values.",
  },
  maxHtmlBytes: {
    default: 1024 * 1024,
    unit: "bytes",
    why: "Gmail clips HTML at 102 KB (message-clipped); the HTML parser's cost grows with the square of nesting depth, so the DOM is bounded.",
  },
  maxHtmlDepth: {
    default: 1000,
    unit: "levels",
    why: "Email templates nest 20–60 levels (tables in tables); htmlparser2 pays depth × tags, so 100,000 nested elements would take seconds.",
  },
  maxLinks: { default: 5000, unit: "links", why: "Big newsletters carry a few hundred links; every link costs URL parsing and domain lookups." },
  maxImages: { default: 2000, unit: "images", why: "Big newsletters carry a few hundred images." },
  maxDnsQueries: {
    default: 5000,
    unit: "queries",
    why: "One domain's audit asks ~60 questions; the cap bounds a batch of many domains even before the time budget (--timeout) does.",
  },
};

export const DEFAULT_LIMITS: Limits = Object.fromEntries(Object.entries(LIMITS).map(([name, doc]) => [name, doc.default])) as unknown as Limits;

/** Defaults with the given values over them (config "limits"). */
export function resolveLimits(given: Partial<Limits> = {}): Limits {
  return { ...DEFAULT_LIMITS, ...given };
}

/** One limit that was reached while reading a message: what was cut and where (a line of the input file). */
export interface LimitHit {
  readonly limit: LimitName;
  readonly message: string;
  readonly line?: number;
}

/** The longest prefix of text whose UTF-8 form fits in maxBytes, never splitting a character. */
export function utf8Prefix(text: string, maxBytes: number): string {
  // a UTF-16 code unit is at most 3 UTF-8 bytes: most texts are decided without encoding
  if (text.length * 3 <= maxBytes) return text;
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  const prefix = Buffer.from(text, "utf8").subarray(0, maxBytes).toString("utf8");
  // a character cut in half decodes as U+FFFD: drop it
  return prefix.endsWith("\uFFFD") && !text.startsWith(prefix) ? prefix.slice(0, -1) : prefix;
}
