import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/message/parse.js";

const CRLF = "\r\n";

function multipart(parts: readonly string[]): Buffer {
  const head = ["From: News <news@example.com>", "Subject: parts", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="b"', "", ""].join(CRLF);
  return Buffer.from(`${head}${parts.map((part) => `--b${CRLF}${part}${CRLF}`).join("")}--b--${CRLF}`, "latin1");
}

function base64Attachment(filename: string, content: Buffer, extraHeaders: readonly string[] = []): string {
  const body = content.toString("base64").replace(/.{76}/g, `$&${CRLF}`);
  return [`Content-Type: application/octet-stream; name="${filename}"`, "Content-Transfer-Encoding: base64", `Content-Disposition: attachment; filename="${filename}"`, ...extraHeaders, "", body].join(CRLF);
}

describe("parseMessage: attachments are read as they stream past", () => {
  it("keeps the decoded size and the first 64 bytes of each attachment, whatever its length", async () => {
    const large = Buffer.alloc(300_000);
    for (let i = 0; i < large.length; i++) large[i] = (i * 7) % 251;
    const small = Buffer.from("MZ tiny");
    const message = await parseMessage(multipart([`Content-Type: text/plain${CRLF}${CRLF}Hello`, base64Attachment("big.bin", large), base64Attachment("tiny.exe", small)]), "m.eml");
    expect(message.attachments.map((attachment) => [attachment.filename, attachment.sizeBytes, Buffer.from(attachment.head).toString("hex")])).toEqual([
      ["big.bin", 300_000, large.subarray(0, 64).toString("hex")],
      ["tiny.exe", small.length, small.toString("hex")],
    ]);
  });

  it("marks an attachment inline when its disposition says so", async () => {
    const image = base64Attachment("logo.png", Buffer.from("\x89PNG\r\n", "latin1"), ["Content-ID: <logo@x>"]).replace("Content-Disposition: attachment", "Content-Disposition: inline");
    const message = await parseMessage(multipart([`Content-Type: text/html${CRLF}${CRLF}<img src="cid:logo@x">`, image]), "m.eml");
    expect(message.attachments.map((attachment) => [attachment.filename, attachment.inline])).toEqual([["logo.png", true]]);
  });

  it("rejects, rather than waits forever, when mailparser gives up while attachments are being read", async () => {
    // mailparser stops at 1,000 MIME nodes; its error comes while the 1,000th attachment is open
    const parts = Array.from({ length: 1100 }, (_, i) => base64Attachment(`f${i}.bin`, Buffer.from(`file ${i}`)));
    await expect(parseMessage(multipart(parts), "many.eml")).rejects.toThrow("Max allowed child nodes exceeded");
  });
});

describe("parseMessage: the MIME scan reads the bytes", () => {
  it("splits parts at the boundary's bytes, 8-bit boundaries included", async () => {
    const boundary = "b\xe9"; // latin1 "bé": one byte 0xE9 in the file
    const raw = Buffer.from(
      [`Content-Type: multipart/alternative; boundary="${boundary}"`, "", `--${boundary}`, "Content-Type: text/plain", "", "plain", `--${boundary}`, "Content-Type: text/html", "", "<p>html</p>", `--${boundary}--`, ""].join(CRLF),
      "latin1",
    );
    const message = await parseMessage(raw, "m.eml");
    expect(message.mime.map((part) => [part.path, part.contentType, part.bodyLine])).toEqual([
      ["1", "text/plain", 6],
      ["2", "text/html", 10],
    ]);
    expect(message.parseProblems).toEqual([]);
  });

  it("finds no part for a boundary RFC 2231-decoded to characters no byte can spell", async () => {
    const raw = Buffer.from(
      ["Content-Type: multipart/mixed; boundary*=utf-8''%E2%82%AC", "", "--\u20ac", "Content-Type: text/plain", "", "x", "--\u20ac--", ""].join(CRLF),
      "utf8",
    );
    const message = await parseMessage(raw, "m.eml");
    expect(message.mime).toEqual([]);
    expect(message.parseProblems.map((problem) => problem.message)).toEqual(['No part found for boundary "\u20ac"']);
  });
});

describe("parseMessage: several text/plain parts", () => {
  // multipart/mixed: the message, a footer in a part of its own (quoted-printable), a text attachment
  const twoTextParts = multipart([
    ["Content-Type: text/plain; charset=utf-8", "", "Hello,", "the notes are at https://example.com/notes as usual.", ""].join(CRLF),
    [
      "Content-Type: text/plain; charset=utf-8",
      "Content-Disposition: inline",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "A footer added by the list software.",
      "Caf=C3=A9 offers: http://192.0.2.10/offer and a soft line br=",
      "eak before http://192.0.2.11/x",
      "",
    ].join(CRLF),
    ["Content-Type: text/plain; charset=utf-8", 'Content-Disposition: attachment; filename="server-log.txt"', "", "Attached, not shown: http://198.51.100.7/log", ""].join(CRLF),
  ]);

  it("reads every inline part as body text (clients show them one after the other), and no attached text file", async () => {
    const message = await parseMessage(twoTextParts, "m.eml");
    expect(message.text!.content).toContain("the notes are at");
    expect(message.text!.content).toContain("Café offers: http://192.0.2.10/offer and a soft line break before http://192.0.2.11/x");
    expect(message.text!.content).not.toContain("Attached");
    expect(message.text!.sections).toEqual([
      { mimePart: "1", firstLine: 1 },
      { mimePart: "2", firstLine: 4 },
    ]);
    expect(message.links.map((link) => link.href)).toEqual(["https://example.com/notes", "http://192.0.2.10/offer", "http://192.0.2.11/x"]);
  });

  it("locates a finding in the part it is in, and on its line of the file through that part's encoding", async () => {
    const { preflight } = await import("../../src/preflight.js");
    const report = await preflight([{ name: "m.eml", bytes: twoTextParts }], { offline: true });
    const locations = report.results[0]!.findings.filter((finding) => finding.ruleId === "numeric-ip-link").map((finding) => [finding.evidence, finding.location]);
    // the file: part 1's body from line 9, part 2's quoted-printable body from line 17 (its line 2 is
    // file line 18, whose soft line break carries it on to line 19)
    expect(locations).toEqual([
      ["http://192.0.2.10/offer", { part: "text/plain", mimePart: "2", line: 2, column: 14, fileLine: 18, fileColumn: 19 }],
      ["http://192.0.2.11/x", { part: "text/plain", mimePart: "2", line: 2, column: 67, fileLine: 19, fileColumn: 12 }],
    ]);
    expect(JSON.stringify(report)).not.toContain("198.51.100.7");
  });

  it("keeps a single text part's locations as they were (no sections)", async () => {
    const message = await parseMessage(multipart([["Content-Type: text/plain", "", "Only http://192.0.2.10/ here"].join(CRLF)]), "m.eml");
    expect(message.text!.sections).toBeUndefined();
    expect(message.links[0]!.location).toEqual({ part: "text/plain", line: 1, column: 6 });
  });

  it("locates text after an HTML part of a multipart/mixed in its own part (mailparser puts an empty line first)", async () => {
    const message = await parseMessage(multipart(["Content-Type: text/html\r\n\r\n<p>Hi</p>", "Content-Type: text/plain\r\n\r\nPlain http://192.0.2.66/"]), "m.eml");
    expect(message.text!.sections).toEqual([{ mimePart: "2", firstLine: 2 }]);
  });
});

describe("parseMessage: quoted-printable line lengths as sent", () => {
  const long = `${"x".repeat(76)}=`; // 77 characters: the soft line break counts within RFC 2045's 76
  const body = ["short", long, "y".repeat(76), `${"z".repeat(90)}`, ""].join(CRLF);
  const headers = ["Content-Type: text/plain; charset=us-ascii", "Content-Transfer-Encoding: quoted-printable"];

  it("counts the lines over 76 characters of a single-part message (decoded without MailParser's stream)", async () => {
    const raw = Buffer.from([...["From: a@example.com", "Subject: qp", "MIME-Version: 1.0"], ...headers, "", body].join(CRLF), "latin1");
    const message = await parseMessage(raw, "m.eml");
    expect(message.mime.map((part) => part.qpLongLines)).toEqual([{ count: 2, longest: 90, line: 8 }]);
  });

  it("counts them alike in a part of a multipart (decoded by MailParser)", async () => {
    const message = await parseMessage(multipart([[...headers, "", body].join(CRLF), `Content-Type: text/html${CRLF}${CRLF}${"<p>long 7bit line</p>".repeat(10)}`]), "m.eml");
    expect(message.mime.map((part) => part.qpLongLines)).toEqual([{ count: 2, longest: 90, line: 11 }, undefined]);
  });

  it("says nothing of lines of 76 characters or fewer", async () => {
    const message = await parseMessage(multipart([[...headers, "", `${"a".repeat(75)}=${CRLF}b`].join(CRLF)]), "m.eml");
    expect(message.mime[0]).not.toHaveProperty("qpLongLines");
  });
});
