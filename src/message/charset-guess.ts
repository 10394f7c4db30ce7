// A text part's charset when its label does not fit its bytes. Mail clients guess in that case; so do
// we, or CJK and Cyrillic spam sent without a charset (or labelled Latin-1) reaches the rules as U+FFFD
// or mojibake. The guess is chardet's (ICU's detectors, pure JS), run only on the few shapes of
// mislabelled mail met in practice and only over a plausible set of charsets.
import { big5, euc_jp, euc_kr, gb_18030, sjis } from "chardet/lib/encoding/mbcs.js";
import { ISO_2022_JP } from "chardet/lib/encoding/iso2022.js";
import { ISO_8859_1, KOI8_R, windows_1251 } from "chardet/lib/encoding/sbcs.js";
import type { Context, Recogniser } from "chardet/lib/encoding/index.js";

/** RFC 2045 §5.2: no charset means US-ASCII; these IANA aliases say the same. */
export const US_ASCII = /^(?:us-ascii|ascii|us|ansi_x3\.4-19(?:68|86)|iso-ir-6|iso_646\.irv:1991|iso646-us|ibm367|cp367|csascii)$/i;
const UTF_8 = /^utf-?8$/i;
/** Labels that Western mailers put on whatever they send; a CJK text behind them is a mislabel. */
const LATIN = /^(?:iso[-_]?8859-?(?:1|15)|latin-?1|l1|windows-1252|cp1252)$/i;

/** How a declared charset is checked against the bytes (see guessCharset). */
export type LabelKind = "undeclared" | "latin" | "other";

/**
 * `known(name)` tells whether the decoder knows a charset name (libmime's DecodeStream.supported): a
 * name it does not know (charset=default_charset, chinesebig5) is read as UTF-8, so is treated as none.
 */
export function labelKind(declared: string | undefined, known: (name: string) => boolean): LabelKind {
  const name = declared?.trim() ?? "";
  if (name === "" || US_ASCII.test(name) || UTF_8.test(name) || !known(name)) return "undeclared";
  return LATIN.test(name) ? "latin" : "other";
}

// Multi-byte CJK charsets, then Cyrillic ones, then Latin-1 as the baseline they must beat; built at the
// first guess, not by every run that reads UTF-8 mail. chardet itself is imported statically: the guess
// runs inside a decoder's flush, which mailparser does not wait for unless the part is the last, so an
// import awaited there lost the part's text.
let recognisers: { multibyte: readonly Recogniser[]; cyrillic: readonly Recogniser[]; latin: Recogniser; iso2022: Recogniser } | undefined;
const detectors = () =>
  (recognisers ??= {
    multibyte: [new gb_18030(), new big5(), new euc_kr(), new euc_jp(), new sjis()],
    cyrillic: [new KOI8_R(), new windows_1251()],
    latin: new ISO_8859_1(),
    iso2022: new ISO_2022_JP(),
  });

/** chardet's names → names the decoder (libmime over iconv-lite and encoding-japanese) takes. */
const DECODER_NAME: Readonly<Record<string, string>> = {
  GB18030: "gb18030", Big5: "big5", "EUC-KR": "euc-kr", "EUC-JP": "eucjp", Shift_JIS: "shift_jis",
  "ISO-2022-JP": "iso-2022-jp", "KOI8-R": "koi8-r", "windows-1251": "windows-1251",
};

/** Fewer 8-bit bytes than this are a stray accent, not a text in another script. */
const MIN_HIGH_BYTES = 16;

/**
 * The charset to decode `bytes` with instead of the declared one, or undefined when the declared one
 * (UTF-8 when none) fits. An undeclared part whose bytes are not UTF-8 is guessed among CJK, Cyrillic
 * and windows-1252 (what Western clients fall back to); a 7-bit one with ISO-2022 escapes is read as
 * ISO-2022-JP; a part labelled Latin-1 is re-read only when its bytes are plainly CJK.
 */
export function guessCharset(bytes: Uint8Array, kind: LabelKind, htmlMeta?: string, minHighBytes = MIN_HIGH_BYTES): string | undefined {
  if (kind === "other") return undefined;
  const high = countHigh(bytes);
  if (kind === "undeclared") {
    if (high === 0) return bytes.includes(0x1b) && (detectors().iso2022.match(context(bytes))?.confidence ?? 0) >= 50 ? "iso-2022-jp" : undefined;
    if (isUtf8(bytes)) return undefined;
    if (htmlMeta) return htmlMeta;
  }
  if (high < minHighBytes) return kind === "undeclared" ? "windows-1252" : undefined;
  const ctx = context(bytes);
  const { multibyte, cyrillic: cyrillicSet, latin: latinBaseline } = detectors();
  const latin = latinBaseline.match(ctx)?.confidence ?? 0;
  const best = (candidates: readonly Recogniser[]) =>
    candidates.map((recogniser) => recogniser.match(ctx)).reduce((a, b) => ((b?.confidence ?? 0) > (a?.confidence ?? 0) ? b : a), null);
  const cjk = best(multibyte);
  // ICU's multi-byte detectors give 10 for "valid but unremarkable"; common characters lift it to 100
  if (cjk && cjk.confidence >= (kind === "latin" ? 90 : 30) && cjk.confidence > latin) return DECODER_NAME[cjk.name];
  if (kind === "latin") return undefined;
  const cyrillic = best(cyrillicSet);
  if (cyrillic && cyrillic.confidence > latin) return DECODER_NAME[cyrillic.name];
  return "windows-1252";
}

/** An HTML part's own `<meta charset>` (or http-equiv Content-Type) in its first bytes. */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString("latin1");
  return /<meta\b[^>]{0,300}?charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
}

function countHigh(bytes: Uint8Array): number {
  let high = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) high++;
  return high;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function context(bytes: Uint8Array): Context {
  const byteStats = new Array<number>(256).fill(0);
  for (let i = 0; i < bytes.length; i++) byteStats[bytes[i]!]!++;
  const c1Bytes = byteStats.slice(0x80, 0xa0).some((count) => count > 0);
  return { byteStats, c1Bytes, rawInput: bytes, rawLen: bytes.length, inputBytes: bytes, inputLen: bytes.length };
}

/** A header's raw bytes, decoded: UTF-8 when they are (RFC 6532), else in `preferred` (the body's charset), else a guess. */
export function decodeHeaderBytes(bytes: Uint8Array, preferred: string | undefined): { text: string; decodedAs?: string } {
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8") };
  // a subject is a few words: two CJK characters are enough to go on
  for (const charset of [preferred, guessCharset(bytes, "undeclared", undefined, 4)]) {
    if (!charset) continue;
    try {
      // WHATWG labels cover the mail names too (gb2312, ks_c_5601-1987, x-sjis); an unknown one throws
      return { text: new TextDecoder(charset).decode(bytes), decodedAs: charset };
    } catch {
      continue;
    }
  }
  return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8") };
}
