// The message's HTML made safe to show inside the report: every external URL neutralised (no remote
// image, stylesheet or font loads, no navigation, no scripts), and the elements findings point at
// outlined with the finding's message as a tooltip. The report's CSP (img-src data:) is the second wall.
import { load, type CheerioOptions } from "cheerio/slim";
import type { Element } from "domhandler";
import type { Finding } from "../report/types.js";
import { computeLineStarts } from "../message/mime.js";

/** Grey box standing in for a remote image (the img keeps its width/height attributes). */
const BLOCKED_IMAGE =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='40' height='40'%3E%3Crect width='40' height='40' fill='%23d9d9d9'/%3E%3Cpath d='M8 30l9-11 7 8 4-5 6 8z' fill='%23a6a6a6'/%3E%3C/svg%3E";
const REMOVED = new Set(["script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link", "portal"]);
const URL_ATTRIBUTES = ["href", "src", "srcset", "background", "poster", "action", "formaction", "cite", "data", "lowsrc", "dynsrc", "longdesc", "xlink:href", "ping"];
const PREVIEW_CSS = `
  a[data-mp-href] { color: #1a5fb4; text-decoration: underline; cursor: not-allowed; }
  .mp-flag { outline: 3px solid #c01c28 !important; outline-offset: 2px; background-color: rgba(192, 28, 40, 0.12) !important; }
`;

export interface PreviewOptions {
  readonly findings: readonly Finding[];
}

export function safePreview(source: string, options: PreviewOptions): { html: string; flagged: number } {
  const $ = load(source, { withStartIndices: true, withEndIndices: true } as CheerioOptions);
  const flags = flagTargets(source, options.findings);
  let flagged = 0;

  $("*").each((_, node) => {
    const element = node as Element;
    const name = element.name.toLowerCase();
    if (REMOVED.has(name) || (name === "meta" && /refresh/i.test(element.attribs["http-equiv"] ?? ""))) {
      $(element).remove();
      return;
    }
    const messages = flags.messagesFor(element);
    for (const attribute of Object.keys(element.attribs)) {
      if (/^on/i.test(attribute)) delete element.attribs[attribute];
    }
    const original = element.attribs.href ?? element.attribs.src;
    for (const attribute of URL_ATTRIBUTES) {
      const value = element.attribs[attribute];
      if (value === undefined) continue;
      if (name === "img" && attribute === "src") {
        element.attribs.src = /^data:image\//i.test(value.trim()) ? value : BLOCKED_IMAGE;
      } else {
        delete element.attribs[attribute];
        if (attribute === "href" && (name === "a" || name === "area")) element.attribs["data-mp-href"] = value;
      }
    }
    if (element.attribs.style !== undefined) element.attribs.style = neutraliseCss(element.attribs.style);
    if (name === "style") $(element).text(neutraliseCss($(element).text()));
    if (messages.length > 0) {
      flagged++;
      element.attribs.class = `${element.attribs.class ?? ""} mp-flag`.trim();
      element.attribs.title = messages.join("\n");
    } else if (original !== undefined && (name === "a" || name === "img")) {
      element.attribs.title = `${name === "img" ? "Image not loaded" : "Link disabled in the preview"}: ${original}`;
    }
  });
  const head = $("head");
  const style = `<style>${PREVIEW_CSS}</style>`;
  if (head.length > 0) head.append(style);
  else $.root().prepend(style);
  return { html: $.html(), flagged };
}

/** url(...) to anything but data: becomes none; @import goes: CSS must not fetch either. */
export function neutraliseCss(css: string): string {
  return css.replace(/@import[^;]*;?/gi, "").replace(/url\(\s*(?!['"]?\s*data:)[^)]*\)/gi, "none");
}

/**
 * Which elements a finding points at: the element whose start tag holds the finding's text/html location,
 * or whose href/src is the finding's evidence.
 */
function flagTargets(source: string, findings: readonly Finding[]) {
  const lineStarts = computeLineStarts(source);
  const byOffset: { offset: number; message: string }[] = [];
  const byUrl = new Map<string, string[]>();
  for (const finding of findings) {
    const location = finding.location;
    if (location?.part === "text/html" && location.line !== undefined && location.line <= lineStarts.length) {
      byOffset.push({ offset: lineStarts[location.line - 1]! + (location.column ?? 1) - 1, message: finding.message });
    }
    if (finding.evidence !== undefined) byUrl.set(finding.evidence, [...(byUrl.get(finding.evidence) ?? []), finding.message]);
  }
  byOffset.sort((a, b) => a.offset - b.offset);
  return {
    messagesFor(element: Element): string[] {
      const messages = new Set<string>();
      for (const attribute of ["href", "src"]) {
        const value = element.attribs[attribute]?.trim();
        if (value !== undefined) for (const message of byUrl.get(value) ?? []) messages.add(message);
      }
      const start = element.startIndex;
      if (start !== null && byOffset.length > 0) {
        const tagEnd = source.indexOf(">", start);
        for (let index = firstAtOrAfter(byOffset, start); index < byOffset.length && byOffset[index]!.offset <= tagEnd; index++) {
          messages.add(byOffset[index]!.message);
        }
      }
      return [...messages];
    },
  };
}

/** Binary search: index of the first entry with offset >= target (entries sorted by offset). */
function firstAtOrAfter(entries: readonly { offset: number }[], target: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (entries[mid]!.offset < target) low = mid + 1;
    else high = mid;
  }
  return low;
}
