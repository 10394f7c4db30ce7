import type { MessageRule, RawFinding } from "../types.js";
import { attributeOffset } from "../../message/html.js";
import { urlParts } from "../../message/links.js";
import { hostInList } from "../../domain/index.js";

// Gmail, Outlook and most webmails drop <link rel="stylesheet"> and @import: a design that depends on an
// external stylesheet arrives unstyled. Web fonts are the exception: loading them is a progressive
// enhancement with a fallback, so hosts in rules/webfont-hosts.txt are not reported.
const IMPORT = /@import\s+(?:url\(\s*)?["']?([^"')\s;]{1,2000})/gi;

export const externalStylesheet: MessageRule = {
  id: "external-stylesheet",
  kind: "message",
  check(message, ctx) {
    const html = message.htmlBody;
    if (!html) return [];
    const fontHosts = ctx.data.list("webfont-hosts");
    const isFont = (href: string) => {
      const host = urlParts(href).host;
      return host !== undefined && hostInList(host, fontHosts) !== undefined;
    };
    const findings: RawFinding[] = [];
    for (const element of html.elements) {
      if (element.name === "link" && /(^|\s)stylesheet(\s|$)/i.test(element.attribs.rel ?? "")) {
        const href = (element.attribs.href ?? "").trim();
        if (isFont(href)) continue;
        findings.push({
          message: `The HTML links an external stylesheet, which most mail clients ignore: ${href}`,
          evidence: href,
          location: html.locate(attributeOffset(html.source, element, "href")),
        });
      } else if (element.name === "style") {
        const start = element.children[0]?.startIndex;
        const css = element.children.map((child) => ("data" in child ? child.data : "")).join("");
        if (start === undefined || start === null) continue;
        for (const match of css.matchAll(IMPORT)) {
          if (isFont(match[1]!)) continue;
          findings.push({
            message: `A <style> block imports an external stylesheet, which most mail clients ignore: ${match[1]}`,
            evidence: match[1]!,
            location: html.locate(start + match.index + match[0].indexOf(match[1]!)),
          });
        }
      }
    }
    return findings;
  },
};
