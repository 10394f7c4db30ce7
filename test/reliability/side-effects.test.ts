// What a run must never do: write its inputs, leave a half-written report, run the HTML it reads,
// talk to anything but the DNS resolver, or read a local file a message names.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { constants, copyFileSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startZoneServer, type ZoneServer } from "../dns/zone-server.js";
import { runCli, type CliRun } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mail-preflight-side-effects-"));
const FORMATS = ["json", "text", "sarif", "markdown", "html"];

let http: Server;
let httpPort: number;
const httpRequests: string[] = [];
let dns: ZoneServer;

beforeAll(async () => {
  http = createServer((request, response) => {
    httpRequests.push(`${request.method} ${request.url}`);
    response.end("<script>alert(1)</script>");
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  httpPort = (http.address() as { port: number }).port;
  dns = await startZoneServer({ zones: ["fixtures/zones/auth-good.json"] });
});
afterAll(async () => {
  await new Promise<void>((resolve) => http.close(() => resolve()));
  await dns.close();
  rmSync(dir, { recursive: true, force: true });
});

const fingerprint = (path: string) => {
  const info = statSync(path);
  return { sha256: createHash("sha256").update(readFileSync(path)).digest("hex"), mtimeMs: info.mtimeMs, mode: info.mode, size: info.size };
};

function expectCleanExit(run: CliRun): void {
  expect([0, 1]).toContain(run.code);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

describe("inputs are never written", () => {
  it("a .eml, a template and an mbox keep their bytes, mtime and mode through every format", async () => {
    const inputs = join(dir, "inputs");
    mkdirSync(inputs);
    for (const file of ["fixtures/newsletter.eml", "fixtures/limit-exceeded/fires-mime-depth.eml"]) copyFileSync(file, join(inputs, file.split("/").pop()!));
    writeFileSync(join(inputs, "template.html"), '<p>Hello {{name}}, <a href="https://example.com/u">unsubscribe</a></p>');
    writeFileSync(join(inputs, "export.mbox"), `From a@example.com Mon Mar  3 10:00:00 2025\nFrom: a@example.com\nSubject: one\n\nbody\n\nFrom b@example.com Mon Mar  3 10:00:00 2025\nFrom: b@example.com\nSubject: two\n\nbody\n`);
    const before = Object.fromEntries(readdirSync(inputs).map((file) => [file, fingerprint(join(inputs, file))]));
    for (const format of FORMATS) {
      expectCleanExit(await runCli(["check", "--offline", "--from", "News <news@example.com>", "--format", format, inputs]));
      expectCleanExit(await runCli(["check", "--offline", "--format", format, "--output", join(dir, `report.${format}`), join(inputs, "newsletter.eml")]));
    }
    const after = Object.fromEntries(readdirSync(inputs).map((file) => [file, fingerprint(join(inputs, file))]));
    expect(after).toEqual(before);
  });
});

describe("--output is atomic", () => {
  it("replaces an existing file whole, leaving no temporary file beside it", async () => {
    const out = join(dir, "atomic");
    mkdirSync(out);
    const report = join(out, "report.json");
    writeFileSync(report, "an older, longer report ".repeat(10_000));
    expectCleanExit(await runCli(["check", "--offline", "--format", "json", "--output", report, "fixtures/newsletter.eml"]));
    expect(JSON.parse(readFileSync(report, "utf8")).results[0].input).toBe("fixtures/newsletter.eml");
    expect(readdirSync(out)).toEqual(["report.json"]);
  });

  it("a write that fails is exit 2 with one line and leaves what was there", async () => {
    const out = join(dir, "failing");
    mkdirSync(join(out, "report.json"), { recursive: true });
    writeFileSync(join(out, "report.json", "keep.txt"), "kept");
    // the target is a directory: the rename fails after the temporary file was written
    const run = await runCli(["check", "--offline", "--format", "json", "--output", join(out, "report.json"), "fixtures/newsletter.eml"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(join(out, "report.json", "keep.txt"), "utf8")).toBe("kept");
    expect(readdirSync(out)).toEqual(["report.json"]);
    const missingDir = await runCli(["check", "--offline", "--output", join(out, "no", "such", "dir", "r.json"), "fixtures/newsletter.eml"]);
    expect(missingDir.code).toBe(2);
    expect(missingDir.stderr.trim().split("\n")).toHaveLength(1);
  });
});

/** A message that points at the loopback HTTP server in every way HTML and headers can, and at local files. */
function hostileMessage(localFile: string): string {
  const web = `http://127.0.0.1:${httpPort}`;
  const local = `http://localhost:${httpPort}`;
  const html = `<!DOCTYPE html [<!ENTITY leak SYSTEM "file://${localFile}">]>
<html><head>
<base href="${web}/base/">
<meta http-equiv="refresh" content="0; url=${web}/refresh">
<link rel="stylesheet" href="${web}/style.css"><link rel="stylesheet" href="${localFile}"><link rel="import" href="file://${localFile}">
<style>@import url("${web}/import.css"); body { background: url(${local}/bg.png) } .x { background-image: url("file://${localFile}") }</style>
<script src="${web}/script.js"></script>
<script>require("node:fs").writeFileSync(${JSON.stringify(join(dir, "script-ran"))}, "yes"); fetch("${web}/fetch");</script>
</head><body onload="fetch('${web}/onload')" background="${web}/body-bg.png">
&leak;
<!--#include file="${localFile}" -->
<img src="${web}/pixel.gif" width="1" height="1" onerror="fetch('${web}/onerror')"><img src="file://${localFile}"><img src="${localFile}" srcset="${web}/2x.png 2x">
<iframe src="${web}/frame"></iframe><object data="${web}/object"></object><embed src="${web}/embed"><video poster="${web}/poster.png"><source src="${web}/video.mp4"></video>
<form action="${web}/form" method="post"><input type="image" src="${web}/input.png"></form>
<a href="${web}/click">Read more</a> <a href="${local}/unsubscribe">Unsubscribe</a> <a href="file://${localFile}">file</a>
</body></html>`;
  return [
    "From: News <news@sender.example>",
    "To: reader@example.org",
    "Subject: side effects",
    "Date: Mon, 3 Mar 2025 10:00:00 +0000",
    "Message-ID: <side-effects@sender.example>",
    `List-Unsubscribe: <${web}/one-click>, <mailto:unsubscribe@sender.example>`,
    "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="outer"',
    "",
    "--outer",
    "Content-Type: text/html; charset=utf-8",
    "",
    html,
    "--outer",
    `Content-Type: message/external-body; access-type=local-file; name="${localFile}"`,
    "",
    `Content-Type: text/plain`,
    "",
    "--outer",
    `Content-Type: message/external-body; access-type=URL; URL="${web}/external-body"`,
    "",
    "Content-Type: text/plain",
    "",
    "--outer",
    `Content-Type: text/plain; name="${localFile}"`,
    `Content-Disposition: attachment; filename="${localFile}"`,
    "",
    "attached",
    "--outer--",
    "",
  ].join("\r\n");
}

describe("a message cannot reach out", () => {
  it("no HTTP request, no script run, no local file read: only DNS questions to the resolver given", async () => {
    // a FIFO as the local file: whoever opens it to read blocks until a writer comes, so a run that
    // tried would never finish; its bytes would also show in the report
    const fifo = join(dir, "canary.fifo");
    execFileSync("mkfifo", [fifo]);
    const message = join(dir, "hostile.eml");
    writeFileSync(message, hostileMessage(fifo));
    try {
      for (const format of FORMATS) {
        const run = await Promise.race([
          runCli(["check", "--resolver", dns.address, "--timeout", "3000", "--format", format, message]),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`check --format ${format} did not finish: something opened the FIFO?`)), 15_000)),
        ]);
        expectCleanExit(run);
        expect(run.stdout).not.toMatch(/root:x:0:0/);
      }
      expect(httpRequests).toEqual([]);
      expect(() => statSync(join(dir, "script-ran"))).toThrow();
      expect(dns.queries.length).toBeGreaterThan(0);
    } finally {
      // release a reader that may be blocked on the FIFO, so a failure cannot leave a hung process
      try {
        closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // ENXIO: nobody is reading it, as it should be
      }
    }
  }, 120_000);

  it("the same with /etc/passwd named directly: its content never appears", async () => {
    const message = join(dir, "passwd.eml");
    writeFileSync(message, hostileMessage("/etc/passwd"));
    const run = await runCli(["check", "--offline", "--format", "json", message]);
    expectCleanExit(run);
    expect(run.stdout).not.toMatch(/root:x:0:0/);
    expect(httpRequests).toEqual([]);
  });
});

describe("by construction", () => {
  it("nothing in src/ can execute code or open network connections besides the DNS client", () => {
    const files = execFileSync("git", ["ls-files", "src"], { encoding: "utf8" }).split("\n").filter((file) => file.endsWith(".ts"));
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const checks: [RegExp, string][] = [
        [/\beval\s*\(|new Function\s*\(/, "eval"],
        [/from "node:vm"|from "vm"|from "node:child_process"|from "child_process"/, "vm/child_process"],
        [/from "(?:jsdom|playwright[\w-]*|puppeteer[\w-]*|happy-dom)"/, "a browser"],
      ];
      if (!file.startsWith("src/dns/")) {
        checks.push([/from "node:(?:http|https|http2|tls|dgram)"|\bfetch\s*\(/, "network"]);
        // node:net only for address syntax and ranges (isIP, BlockList), never for a socket
        const fromNet = /import\s*\{([^}]*)\}\s*from "node:net"/.exec(text)?.[1];
        if (fromNet?.split(",").some((name) => !["isIP", "isIPv4", "isIPv6", "BlockList"].includes(name.replace(/^\s*type\s+/, "").trim()))) offenders.push(`${file}: node:net sockets`);
      }
      for (const [pattern, what] of checks) if (pattern.test(text)) offenders.push(`${file}: ${what}`);
    }
    expect(offenders).toEqual([]);
  });
});
