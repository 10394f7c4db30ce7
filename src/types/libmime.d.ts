declare module "libmime" {
  /** Decodes RFC 2047 encoded words in a header value. */
  export function decodeWords(value: string): string;
  /** Bytes in a charset in, UTF-8 Buffers out; `supported` is false for a name it does not know (then read as UTF-8). */
  type DecodeStream = import("node:stream").Transform & { readonly supported: boolean };
  const libmime: { decodeWords(value: string): string; createDecodeStream(charset?: string): DecodeStream };
  export default libmime;
}
