// The one URL extractor: every link, image source, form action and bare URL in the bodies, with where it is.
import type { Element } from "domhandler";
import type { HtmlBody, Image, Link, LinkSource, Location } from "./model.js";
import { attributeOffset } from "./html.js";
import { computeLineStarts, lineAt } from "./mime.js";
import { isIP } from "node:net";
import { normaliseDomain, registrableDomain } from "../domain/index.js";

const URL_ATTRIBUTES: readonly [selector: string, attribute: string, source: LinkSource][] = [
  ["a[href]", "href", "a"],
  ["area[href]", "href", "area"],
  ["img[src]", "src", "img"],
  ["form[action]", "action", "form"],
  ["iframe[src]", "src", "iframe"],
  ["link[href]", "href", "link"],
  ["script[src]", "src", "script"],
  ["source[src]", "src", "source"],
  ["[background]", "background", "background"],
];

export function htmlLinks(html: HtmlBody): Link[] {
  const links: Link[] = [];
  const { $ } = html;
  for (const [selector, attribute, source] of URL_ATTRIBUTES) {
    for (const node of $(selector).toArray()) {
      if (node.type !== "tag") continue;
      const element = node as Element;
      const href = ($(element).attr(attribute) ?? "").trim();
      const text = source === "a" || source === "area" ? linkText($, element) : "";
      links.push(makeLink(href, source, text, html.locate(attributeOffset(html.source, element, attribute))));
    }
  }
  // url(...) in style attributes and <style> blocks
  const cssUrl = /url\(\s*(['"]?)([^'")\s]+)\1\s*\)/gi;
  for (const match of html.source.matchAll(cssUrl)) {
    links.push(makeLink(match[2]!, "css", "", html.locate(match.index + match[0].indexOf(match[2]!))));
  }
  return links.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0));
}

export function htmlImages(html: HtmlBody): Image[] {
  const { $ } = html;
  return $("img")
    .toArray()
    .map((element) => {
      const attribs = element.attribs;
      return {
        src: (attribs.src ?? "").trim(),
        ...(attribs.alt !== undefined ? { alt: attribs.alt } : {}),
        ...dimension("width", attribs.width),
        ...dimension("height", attribs.height),
        location: html.locate(element.startIndex ?? 0),
      };
    });
}

function dimension(name: "width" | "height", value: string | undefined): Partial<Record<"width" | "height", number>> {
  const number = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(number) ? { [name]: number } : {};
}

function linkText($: HtmlBody["$"], element: Element): string {
  const alt = element.name === "area" ? (element.attribs.alt ?? "") : "";
  return ($(element).text() || alt).replace(/\s+/g, " ").trim();
}

// Bare URLs in plain text: a scheme URL or a www. host; trailing punctuation is not part of the URL.
const TEXT_URL = /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'`\u00a0]+/gi;

export function textLinks(text: string, partLabel: string): Link[] {
  const lineStarts = computeLineStarts(text);
  const links: Link[] = [];
  for (const match of text.matchAll(TEXT_URL)) {
    const href = match[0].replace(/[.,;:!?)\]}>]+$/, "");
    const line = lineAt(lineStarts, match.index);
    links.push(makeLink(href, "text", "", { part: partLabel, line, column: match.index - lineStarts[line - 1]! + 1 }));
  }
  return links;
}

export function makeLink(href: string, source: LinkSource, text: string, location: Location): Link {
  const { scheme, host, userinfo } = urlParts(href);
  const domain = host ? registrableDomain(host) : undefined;
  return {
    href,
    source,
    text,
    scheme,
    ...(host ? { host } : {}),
    ...(domain ? { registrableDomain: domain } : {}),
    ...(host && isIP(host) ? { ip: host } : {}),
    ...(userinfo !== undefined ? { userinfo } : {}),
    location,
  };
}

/** Scheme, host and userinfo of a URL as a mail client would resolve it; "www.x" counts as http. */
export function urlParts(href: string): { scheme: string; host?: string; userinfo?: string } {
  const withScheme = /^www\./i.test(href) ? `http://${href}` : href;
  const schemeMatch = /^([a-z][a-z0-9+.-]*):/i.exec(withScheme.replace(/[\t\n\r]/g, ""));
  const scheme = schemeMatch ? schemeMatch[1]!.toLowerCase() : "";
  if (!scheme) {
    // protocol-relative "//host/path" resolves against the client's scheme
    if (withScheme.startsWith("//")) return { scheme: "", ...hostOf(`http:${withScheme}`) };
    return { scheme };
  }
  if (scheme !== "http" && scheme !== "https" && scheme !== "ftp") return { scheme };
  return { scheme, ...hostOf(withScheme) };
}

function hostOf(url: string): { host?: string; userinfo?: string } {
  try {
    // WHATWG URL parsing normalises obfuscated IPv4 (0x7f.1, 2130706433, 0177.0.0.1, %31%32%37.0.0.1)
    // as browsers do, and takes the host after the last "@" of the authority
    const host = new URL(url).hostname;
    if (!host) return {};
    const userinfo = userinfoAsWritten(url);
    return { host: normaliseDomain(host), ...(userinfo !== undefined ? { userinfo } : {}) };
  } catch {
    return {};
  }
}

/** The authority's userinfo as written: up to its last "@" (WHATWG URL authority state; a backslash ends the authority, as a slash does). */
function userinfoAsWritten(url: string): string | undefined {
  const start = url.search(/[\\/]{2}/);
  if (start === -1) return undefined;
  const rest = url.slice(start + 2);
  const end = rest.search(/[/\\?#]/);
  const authority = end === -1 ? rest : rest.slice(0, end);
  const at = authority.lastIndexOf("@");
  return at === -1 ? undefined : authority.slice(0, at);
}
