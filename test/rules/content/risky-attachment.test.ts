import { ruleTester } from "../../rule-tester.js";
import { riskyAttachment } from "../../../src/rules/content/risky-attachment.js";

const withAttachment = (filename: string, base64: string, type = "application/octet-stream") => ({
  eml: `From: a@example.com\nSubject: files\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nSee attached.\n--b\nContent-Type: ${type}; name="${filename}"\nContent-Disposition: attachment; filename="${filename}"\nContent-Transfer-Encoding: base64\n\n${base64}\n--b--\n`,
});
const PDF = Buffer.from("%PDF-1.4\n%%EOF\n").toString("base64");

ruleTester(riskyAttachment, {
  valid: [
    "fixtures/risky-attachment/clean-invoice-pdf.eml",
    withAttachment("report.exe.pdf", PDF, "application/pdf"), // the real extension is .pdf
    withAttachment("setup.py", Buffer.from("print('hi')\n").toString("base64"), "text/x-python"),
  ],
  invalid: [
    {
      input: "fixtures/risky-attachment/fires-invoice.eml",
      findings: [
        { evidence: "Invoice-2025-1147.pdf.exe", location: { part: "attachment", filename: "Invoice-2025-1147.pdf.exe" }, message: /double extension: it looks like \.pdf but is \.exe/ },
        { evidence: "scan.pdf", message: /Windows executable \(MZ header\)/ },
        { evidence: "documents.zip", message: /ZIP archive containing "setup\.exe"/ },
        { evidence: "budget.xlsm", message: /\.xlsm file/ },
      ],
    },
    { input: withAttachment("SCREENSAVER.SCR ", PDF), findings: [{ message: /\.scr file/ }] },
    { input: withAttachment("invoice\u202Efdp.exe", PDF), findings: [{ message: /direction override/ }] },
    // ZIP local header with the "encrypted" flag (bit 0 of the general purpose flags)
    { input: withAttachment("secure.zip", Buffer.from("504b0304140001000800" + "00".repeat(30), "hex").toString("base64"), "application/zip"), findings: [{ message: /password-protected/ }] },
    { input: withAttachment("notes.pdf", Buffer.from("d0cf11e0a1b11ae1" + "00".repeat(40), "hex").toString("base64"), "application/pdf"), findings: [{ message: /OLE2 compound file/ }] },
    { input: withAttachment("tool.bin", PDF, "application/x-msdownload"), findings: [{ message: /application\/x-msdownload/ }] },
  ],
});
