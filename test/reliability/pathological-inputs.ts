// Inputs built to hurt a parser or a rule: deep nesting, huge lines, huge counts. Each is generated
// (never committed) and must be checked in seconds, without a stack trace.
const CRLF = "\r\n";

function eml(headers: string, body: string, contentType = "text/html; charset=utf-8"): string {
  return [
    "From: Pathological <sender@example.com>",
    "To: reader@example.org",
    "Date: Mon, 3 Mar 2025 10:00:00 +0000",
    "Message-ID: <pathological@example.com>",
    "MIME-Version: 1.0",
    `Content-Type: ${contentType}`,
    headers,
    "",
    body,
  ]
    .filter((line, index, all) => line !== "" || index === all.length - 2)
    .join(CRLF);
}

function mimeNest(depth: number): string {
  const open: string[] = [];
  const close: string[] = [];
  for (let level = 0; level < depth; level++) {
    open.push(`--b${level}${CRLF}Content-Type: multipart/mixed; boundary="b${level + 1}"${CRLF}`);
    close.unshift(`--b${level}--${CRLF}`);
  }
  const leaf = `--b${depth}${CRLF}Content-Type: text/plain${CRLF}${CRLF}deep inside${CRLF}--b${depth}--${CRLF}`;
  return open.join(CRLF) + CRLF + leaf + close.join("");
}

export interface PathologicalInput {
  readonly name: string;
  readonly file: string;
  readonly content: () => string | Buffer;
}

export const pathologicalInputs: readonly PathologicalInput[] = [
  { name: "100,000 nested elements", file: "nested.html", content: () => `<html><body>${"<div>".repeat(100_000)}deep${"</div>".repeat(100_000)}</body></html>` },
  { name: "an 8 MB single line", file: "long-line.eml", content: () => eml("Subject: one line", `<p>${"word ".repeat(8 * 1024 * 1024 / 5)}</p>`) },
  {
    name: "50,000 links",
    file: "links.eml",
    content: () => eml("Subject: links", Array.from({ length: 50_000 }, (_, i) => `<a href="https://l${i}.example.com/p?i=${i}">link ${i}</a>`).join(CRLF)),
  },
  { name: "a 90,000-character subject", file: "subject.eml", content: () => eml(`Subject: ${"FREE money NOW ".repeat(6000)}`, "<p>Hello</p>") },
  {
    name: "100,000 headers",
    file: "headers.eml",
    content: () => eml(Array.from({ length: 100_000 }, (_, i) => `X-Header-${i}: value ${i}`).join(CRLF), "<p>Hello</p>"),
  },
  { name: "a 200-deep MIME nest", file: "mime-nest.eml", content: () => eml("Subject: nest", mimeNest(200), 'multipart/mixed; boundary="b0"') },
  { name: "a 200 KB Content-Type parameter", file: "content-type.eml", content: () => eml("Subject: params", "<p>Hello</p>", `text/html; ${"a".repeat(200_000)}`) },
  {
    name: "20,000 unclosed disable comments",
    file: "disable-comments.eml",
    content: () => eml("Subject: comments", "<!--mail-preflight-disable-next-line".repeat(20_000)),
  },
  { name: "a garbage file", file: "garbage.eml", content: () => Buffer.from(Array.from({ length: 256 * 1024 }, (_, i) => (i * 7919 + (i >> 3) * 31) & 0xff)) },
  { name: "an empty file", file: "empty.eml", content: () => "" },
  { name: "a truncated message", file: "truncated.eml", content: () => eml("Subject: cut", mimeNest(3), 'multipart/mixed; boundary="b0"').slice(0, 260) },
];
