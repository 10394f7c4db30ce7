// Every resource limit of src/limits.ts at and one past its value: at it, nothing is reported and
// everything is analysed; past it, the rest is cut and limit-exceeded says which limit and where.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/message/parse.js";
import { DEFAULT_LIMITS, LIMITS, resolveLimits, utf8Prefix, type LimitName } from "../../src/limits.js";
import { createBudgetedResolver } from "../../src/dns/budget.js";
import type { QueryResult, Resolver } from "../../src/dns/resolver.js";

const CRLF = "\r\n";
const head = ["From: Limits <limits@example.com>", "To: reader@example.org", "Subject: limits", "MIME-Version: 1.0"];

function html(body: string): Buffer {
  return Buffer.from([...head, "Content-Type: text/html; charset=utf-8", "", body].join(CRLF));
}

function mixed(parts: number): Buffer {
  const body = Array.from({ length: parts }, (_, i) => `--b${CRLF}Content-Type: text/plain${CRLF}${CRLF}part ${i}`).join(CRLF);
  return Buffer.from([...head, 'Content-Type: multipart/mixed; boundary="b"', "", `${body}${CRLF}--b--`].join(CRLF));
}

function nested(depth: number): Buffer {
  let body = `--b${depth}${CRLF}Content-Type: text/plain${CRLF}${CRLF}leaf${CRLF}--b${depth}--`;
  for (let level = depth - 1; level >= 0; level--) {
    body = `--b${level}${CRLF}Content-Type: multipart/mixed; boundary="b${level + 1}"${CRLF}${CRLF}${body}${CRLF}--b${level}--`;
  }
  return Buffer.from([...head, 'Content-Type: multipart/mixed; boundary="b0"', "", body].join(CRLF));
}

const hitsOf = async (bytes: Buffer, limits: Partial<Record<LimitName, number>>) => (await parseMessage(bytes, "limits.eml", { limits })).limitsHit;

describe("each limit, at and past it", () => {
  it("maxMimeDepth", async () => {
    expect(await hitsOf(nested(3), { maxMimeDepth: 4 })).toEqual([]);
    const hits = await hitsOf(nested(5), { maxMimeDepth: 4 });
    expect(hits.map((hit) => hit.limit)).toEqual(["maxMimeDepth"]);
    expect(hits[0]!.location).toMatchObject({ part: "message" });
  });

  it("maxMimeParts", async () => {
    // the root multipart counts as a part: 1 + 9 children
    expect(await hitsOf(mixed(9), { maxMimeParts: 10 })).toEqual([]);
    const message = await parseMessage(mixed(10), "parts.eml", { limits: { maxMimeParts: 10 } });
    expect(message.limitsHit.map((hit) => hit.limit)).toEqual(["maxMimeParts"]);
    expect(message.mime).toHaveLength(9);
  });

  it("maxHeaders: the fields past it are not analysed, the MIME fields after them still decode the body", async () => {
    const extra = (count: number) => Array.from({ length: count }, (_, i) => `X-Extra-${i}: ${i}`);
    const at = Buffer.from([...extra(6), ...head, "Content-Type: text/html; charset=utf-8", "", "<p>ok</p>"].join(CRLF));
    expect(await hitsOf(at, { maxHeaders: 11 })).toEqual([]);
    const past = await parseMessage(at, "headers.eml", { limits: { maxHeaders: 10 } });
    expect(past.limitsHit).toEqual([expect.objectContaining({ limit: "maxHeaders", location: { part: "message", line: 11 } })]);
    expect(past.headers).toHaveLength(10);
    expect(past.html?.content).toBe("<p>ok</p>");
  });

  it("maxHeaderLength: header values, the subject and addresses are cut to it", async () => {
    const message = (subject: string) => Buffer.from(["From: N <news@example.com>", `Subject: ${subject}`, "Content-Type: text/plain", "", "hi"].join(CRLF));
    expect(await hitsOf(message("s".repeat(40)), { maxHeaderLength: 40 })).toEqual([]);
    const past = await parseMessage(message("s".repeat(41)), "long.eml", { limits: { maxHeaderLength: 40 } });
    expect(past.limitsHit).toEqual([expect.objectContaining({ limit: "maxHeaderLength", location: { part: "message", line: 2 } })]);
    expect(past.subject).toHaveLength(40);
    expect(past.header("subject")?.value).toHaveLength(40);
    expect(past.from?.address).toBe("news@example.com");
  });

  it("maxHtmlBytes: the DOM holds the first bytes only; the part's content stays whole", async () => {
    const body = `<p>${"x".repeat(93)}</p>`; // 100 bytes
    expect(await hitsOf(html(body), { maxHtmlBytes: 100 })).toEqual([]);
    const past = await parseMessage(html(body), "html.eml", { limits: { maxHtmlBytes: 99 } });
    expect(past.limitsHit.map((hit) => hit.limit)).toEqual(["maxHtmlBytes"]);
    expect(past.htmlBody?.source).toHaveLength(99);
    expect(past.html?.content).toHaveLength(100);
  });

  it("maxHtmlDepth: the DOM stops at the first element nested deeper; void and self-closing elements do not count", async () => {
    const divs = (depth: number) => `${"<div>".repeat(depth)}<br><img src="cid:x"><p>a<p>b<span/>${"</div>".repeat(depth)}`;
    expect(await hitsOf(html(divs(4)), { maxHtmlDepth: 4 })).toEqual([]);
    const past = await parseMessage(html(divs(5)), "deep.eml", { limits: { maxHtmlDepth: 4 } });
    expect(past.limitsHit).toEqual([expect.objectContaining({ limit: "maxHtmlDepth", location: { part: "text/html", line: 1, column: 21 } })]);
    expect(past.htmlBody?.elements.map((element) => element.name)).toEqual(["div", "div", "div", "div"]);
  });

  it("maxLinks counts HTML and text links together", async () => {
    const links = (count: number) => Array.from({ length: count }, (_, i) => `<a href="https://example.com/${i}">${i}</a>`).join("");
    expect(await hitsOf(html(links(5)), { maxLinks: 5 })).toEqual([]);
    const past = await parseMessage(html(links(6)), "links.eml", { limits: { maxLinks: 5 } });
    expect(past.links).toHaveLength(5);
    expect(past.limitsHit).toEqual([expect.objectContaining({ limit: "maxLinks", location: expect.objectContaining({ part: "text/html", line: 1 }) })]);
  });

  it("maxImages", async () => {
    const images = (count: number) => Array.from({ length: count }, (_, i) => `<img src="cid:i${i}" alt="">`).join("\n");
    expect(await hitsOf(html(images(3)), { maxImages: 3 })).toEqual([]);
    const past = await parseMessage(html(images(4)), "images.eml", { limits: { maxImages: 3 } });
    expect(past.images).toHaveLength(3);
    expect(past.limitsHit).toEqual([expect.objectContaining({ limit: "maxImages", location: expect.objectContaining({ line: 4 }) })]);
  });

  it("maxDnsQueries: questions past it end as a temporary failure, unasked; cached answers still come", async () => {
    const asked: string[] = [];
    const upstream: Resolver = {
      query: async (name): Promise<QueryResult> => {
        asked.push(name);
        return { rcode: "NOERROR", answers: [] };
      },
    };
    const resolver = createBudgetedResolver(upstream, { maxQueries: 2 });
    expect((await resolver.query("a.example", "A")).rcode).toBe("NOERROR");
    expect((await resolver.query("b.example", "A")).rcode).toBe("NOERROR");
    const third = await resolver.query("c.example", "A");
    expect(third).toMatchObject({ rcode: "ERROR", reason: "DNS query limit of 2 per run reached" });
    expect((await resolver.query("A.example", "A")).rcode).toBe("NOERROR");
    expect(asked).toEqual(["a.example", "b.example"]);
    expect(resolver.stats()).toMatchObject({ overQueryLimit: 1, maxQueries: 2 });
  });
});

describe("limits module", () => {
  it("has a documented default for every limit, and the config overrides only what it names", () => {
    for (const [name, doc] of Object.entries(LIMITS)) {
      expect(DEFAULT_LIMITS[name as LimitName]).toBe(doc.default);
      expect(doc.why.length).toBeGreaterThan(20);
    }
    expect(resolveLimits({ maxLinks: 7 })).toEqual({ ...DEFAULT_LIMITS, maxLinks: 7 });
  });

  it("SECURITY.md lists every limit with its default", () => {
    const security = readFileSync("SECURITY.md", "utf8");
    for (const [name, doc] of Object.entries(LIMITS)) expect(security).toMatch(new RegExp(`^\\| \`${name}\` \\| ${doc.default}\\b`, "m"));
  });

  it("utf8Prefix never splits a character", () => {
    expect(utf8Prefix("aé", 2)).toBe("a");
    expect(utf8Prefix("aé", 3)).toBe("aé");
    expect(utf8Prefix("a😀b", 4)).toBe("a");
    expect(utf8Prefix("a\uFFFDb", 4)).toBe("a\uFFFD");
  });
});
