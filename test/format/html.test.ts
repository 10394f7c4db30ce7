// The HTML report without a browser: self-contained, nothing in it can fetch or run.
import { describe, expect, it } from "vitest";
import { formatHtml } from "../../src/format/html.js";
import { neutraliseCss, safePreview } from "../../src/format/html-preview.js";
import { buildReport, buildResult } from "../../src/report/build.js";
import type { Finding } from "../../src/report/types.js";

const finding: Finding = {
  ruleId: "numeric-ip-link",
  category: "content",
  severity: "error",
  score: 2.5,
  message: 'Link points at the numeric IP address 192.0.2.1: http://192.0.2.1/<x>"',
  evidence: "http://192.0.2.1/a",
  location: { part: "text/html", line: 3, column: 10 },
  fix: "Link to a hostname.",
};
const hostile = [
  "<html><head><link rel=stylesheet href=https://cdn.example.com/a.css><style>@import url(https://x.example/b.css); body{background:url('https://x.example/bg.png')}</style></head>",
  '<body background="https://x.example/bg.jpg" onload="alert(1)"><script>alert(1)</script>',
  '<p><a href="http://192.0.2.1/a">ip link</a> <img src="https://track.example.com/open.gif" srcset="https://x.example/2x.png 2x" width="1">',
  '<img src="data:image/png;base64,iVBORw0KGgo="><iframe src="https://x.example/"></iframe><div style="background-image:url(https://x.example/i.png)">x</div>',
  "</body></html>",
].join("\n");

describe("--format html", () => {
  const report = buildReport([buildResult("news.eml", undefined, [finding])]);
  const page = formatHtml(report, { previews: new Map([["news.eml", hostile]]) });

  it("is one self-contained document with a CSP that forbids fetching", () => {
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(page).not.toMatch(/<script|<link /i);
  });

  it("escapes finding text", () => {
    expect(page).toContain("http://192.0.2.1/&lt;x&gt;&quot;");
  });

  it("the preview keeps no URL a browser would fetch, and outlines the offending link", () => {
    const { html, flagged } = safePreview(hostile, { findings: [finding] });
    expect(flagged).toBe(1);
    expect(html).not.toMatch(/\s(src|href|background|srcset|poster|action)="(?!data:)/i);
    expect(html).not.toMatch(/url\(\s*['"]?https?:|@import/i);
    expect(html).toContain('title="Image not loaded: https://track.example.com/open.gif"');
    expect(html).not.toMatch(/<script|<iframe|<link|onload|srcset|\shref=/i);
    expect(html).toContain('data-mp-href="http://192.0.2.1/a"');
    expect(html).toMatch(/<a [^>]*class="mp-flag"/);
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
  });

  it("CSS url() to anything but data: becomes none", () => {
    expect(neutraliseCss("a{background:url( 'https://x/y.png' )} b{background:url(data:image/png;base64,AA)}")).toBe(
      "a{background:none} b{background:url(data:image/png;base64,AA)}",
    );
  });
});
