import type { Attachment } from "../../message/model.js";
import type { MessageRule, RawFinding } from "../types.js";

// Executables, scripts, shortcuts, disk images and macro-enabled Office files are how malware travels;
// Gmail rejects them outright and Outlook blocks them, so a legitimate sender must never attach them.
// The extension list is data (rules/risky-attachments.txt). The first 64 bytes tell what a file really is.

// Bidirectional overrides turn "invoice‮fdp.exe" into what reads as "invoiceexe.pdf" (CVE-style RLO trick).
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/;
// Compound File Binary (OLE2) is the container of .doc/.xls/.ppt/.msg: fine under those names, suspicious under others.
const OLE2_EXTENSIONS = new Set(["doc", "dot", "xls", "xlt", "ppt", "pot", "pps", "msg", "pub", "vsd", "mpp", "wps"]);
const RISKY_CONTENT_TYPES = /^application\/(?:x-msdownload|x-msdos-program|x-dosexec|x-ms-installer|x-msi|vnd\.microsoft\.portable-executable|x-ms-shortcut|hta|x-sh|x-bat)$|macroenabled/;

export const riskyAttachment: MessageRule = {
  id: "risky-attachment",
  kind: "message",
  check(message, ctx) {
    const risky = ctx.data.list("risky-attachments");
    const findings: RawFinding[] = [];
    for (const attachment of message.attachments) {
      const reason = riskOf(attachment, risky);
      if (reason) findings.push({ message: reason, evidence: attachment.filename || attachment.contentType, location: attachment.location });
    }
    return findings;
  },
};

function riskOf(attachment: Attachment, risky: ReadonlySet<string>): string | undefined {
  const name = attachment.filename.normalize("NFC").replace(/[\s.]+$/, "");
  const shown = JSON.stringify(attachment.filename);
  if (BIDI_CONTROLS.test(name)) return `Attachment ${shown} hides its real extension behind a Unicode direction override.`;
  const extensions = name.toLowerCase().split(".").slice(1).map((extension) => extension.trim());
  const last = extensions.at(-1);
  if (last !== undefined && risky.has(last)) {
    const decoy = extensions.at(-2);
    return decoy !== undefined && /^[a-z0-9]{2,4}$/.test(decoy) && !risky.has(decoy)
      ? `Attachment ${shown} has a double extension: it looks like .${decoy} but is .${last}, a blocked file type.`
      : `Attachment ${shown} is a .${last} file, a type Gmail and Outlook block as executable or macro-bearing.`;
  }
  const sniffed = sniff(attachment.head, risky);
  if (sniffed) {
    if (sniffed === "ole2" && last !== undefined && OLE2_EXTENSIONS.has(last)) return undefined;
    return `Attachment ${shown} ${sniffed === "ole2" ? "is an OLE2 compound file (the container of macro-bearing Office documents) under another name" : sniffed}.`;
  }
  if (RISKY_CONTENT_TYPES.test(attachment.contentType)) return `Attachment ${shown} is sent as ${attachment.contentType}, an executable or macro-enabled type.`;
  return undefined;
}

/** What the first bytes say: an executable, an archive carrying one, a password-protected archive, OLE2. */
function sniff(head: Uint8Array, risky: ReadonlySet<string>): string | undefined {
  const ascii = (start: number, end: number) => String.fromCharCode(...head.subarray(start, end));
  if (ascii(0, 2) === "MZ") return "is a Windows executable (MZ header)";
  if (ascii(0, 4) === "\x7fELF") return "is a Linux executable (ELF header)";
  if (head.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((byte, i) => head[i] === byte)) return "ole2";
  if (ascii(0, 4) === "PK\x03\x04" && head.length >= 30) {
    // ZIP local file header (APPNOTE 4.3.7): flags at 6 (bit 0 = encrypted), name length at 26, name at 30
    if ((head[6]! & 1) === 1) return "is a password-protected ZIP archive, which no filter can scan";
    const nameLength = head[26]! | (head[27]! << 8);
    const entry = ascii(30, Math.min(head.length, 30 + nameLength));
    const extension = entry.toLowerCase().split(".").at(-1);
    if (entry.includes(".") && extension !== undefined && risky.has(extension)) return `is a ZIP archive containing ${JSON.stringify(entry)}`;
  }
  return undefined;
}
