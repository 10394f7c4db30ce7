// The memory benchmark's input: a 20 MB newsletter with a 2 MB HTML part (quoted-printable, a
// realistic table layout with links and images), its text alternative, and large base64
// attachments (a PDF, a ZIP, an inline image). Deterministic bytes.
import { randomBytes } from "node:crypto";

const MB = 1024 * 1024;

export function bigMessage({ totalBytes = 20 * MB, htmlBytes = 2 * MB } = {}) {
  const html = newsletterHtml(htmlBytes);
  const text = "Spring sale: 20% off everything this week.\nView online: https://shop.example/spring\n".repeat(600);
  const headers = [
    "From: Shop News <news@news.shop.example>",
    "To: reader@example.net",
    "Subject: Spring catalogue and price list",
    "Date: Thu, 02 Apr 2026 09:00:00 +0000",
    "Message-ID: <bench-20mb@news.shop.example>",
    "List-Unsubscribe: <https://news.shop.example/u/abc>, <mailto:unsubscribe@news.shop.example>",
    "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="mixed-bench"',
  ].join("\r\n");
  const head = [
    headers,
    "",
    "--mixed-bench",
    'Content-Type: multipart/alternative; boundary="alt-bench"',
    "",
    "--alt-bench",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    text,
    "--alt-bench",
    "Content-Type: text/html; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    quotedPrintable(html),
    "--alt-bench--",
    "",
  ].join("\r\n");
  // the attachments fill what is left: base64 takes 4 bytes (+ CRLF every 76) per 3
  const room = Math.max(0, totalBytes - Buffer.byteLength(head) - 2000);
  const raw = Math.floor((room * 3) / 4 / (78 / 76));
  const parts = [
    attachment("application/pdf", "catalogue-2026.pdf", Math.floor(raw * 0.55), "attachment"),
    attachment("application/zip", "price-lists.zip", Math.floor(raw * 0.35), "attachment"),
    attachment("image/jpeg", "hero.jpg", Math.floor(raw * 0.1), "inline", "hero@shop"),
  ];
  return Buffer.from(`${head}${parts.join("")}--mixed-bench--\r\n`, "latin1");
}

function newsletterHtml(bytes) {
  const row = (i) =>
    `<tr><td style="padding:12px;font-family:Arial,sans-serif;font-size:14px;color:#333333">` +
    `<a href="https://shop.example/p/${i}?utm_source=news&amp;utm_campaign=spring"><img src="https://cdn-shop.example/img/${i}.jpg" width="120" height="120" alt="Product ${i}"></a>` +
    `<h3 style="margin:0">Product ${i} – spring edition</h3><p>Hand-made in small batches; now 20% off until Sunday. ` +
    `<a href="https://shop.example/p/${i}">See details</a></p></td></tr>\n`;
  let body = "";
  for (let i = 0; body.length < bytes - 600; i++) body += row(i);
  return `<!doctype html><html><head><meta charset="utf-8"><title>Spring</title></head><body><table width="600" align="center">\n${body}</table>` +
    `<p><a href="https://news.shop.example/u/abc">Unsubscribe</a> · Shop Ltd, 1 High Street, Leeds LS1 1AA</p></body></html>`;
}

/** RFC 2045 §6.7, enough for this ASCII-and-UTF-8 HTML: soft line breaks at 76, "=" and 8-bit escaped. */
function quotedPrintable(text) {
  const bytes = Buffer.from(text, "utf8");
  const lines = [];
  let line = "";
  for (const byte of bytes) {
    const char = byte === 0x0a ? "\n" : byte === 0x3d || byte > 0x7e || (byte < 0x20 && byte !== 0x09) ? `=${byte.toString(16).toUpperCase().padStart(2, "0")}` : String.fromCharCode(byte);
    if (char === "\n") {
      lines.push(line);
      line = "";
      continue;
    }
    if (line.length + char.length > 75) {
      lines.push(`${line}=`);
      line = "";
    }
    line += char;
  }
  lines.push(line);
  return lines.join("\r\n");
}

function attachment(type, filename, size, disposition, cid) {
  // incompressible bytes, as real PDFs, ZIPs and JPEGs are; the seed-free content does not matter
  const base64 = randomBytes(size).toString("base64").replace(/.{76}/g, "$&\r\n");
  return [
    "--mixed-bench",
    `Content-Type: ${type}; name="${filename}"`,
    "Content-Transfer-Encoding: base64",
    `Content-Disposition: ${disposition}; filename="${filename}"`,
    ...(cid ? [`Content-ID: <${cid}>`] : []),
    "",
    base64,
    "",
  ].join("\r\n");
}
