// Writing messages as one mbox file, for peers that read mbox (SpamAssassin's --mbox).

/**
 * One mboxrd entry (RFC 4155): a "From " separator line, the message with CRLF made LF, and body
 * lines starting with (>*)From quoted by one more ">", so no line of the message can be read as
 * the next separator. Bytes are kept as they are (latin1 round-trips every byte).
 */
export function mboxEntry(bytes) {
  const text = bytes.toString("latin1").replace(/\r\n/g, "\n").replace(/^(>*From )/gm, ">$1");
  return Buffer.from(`From bench@localhost Thu Jan  1 00:00:00 2026\n${text}${text.endsWith("\n") ? "" : "\n"}\n`, "latin1");
}
