// The one URL extractor: every link, image source, form action and bare URL in the bodies, with where it is.
import type { Element } from "domhandler";
import type { HtmlBody, Image, Link, LinkSource, Location, MessageModel } from "./model.js";
import { attributeOffset, textOf } from "./html.js";
import { computeLineStarts, lineAt } from "./mime.js";
import { ipFamily, isIcannDomain, normaliseDomain, registrableDomain } from "../domain/index.js";

// element name (undefined: any element) → the attribute that holds a URL
const URL_ATTRIBUTES: readonly [element: string | undefined, attribute: string, source: LinkSource][] = [
  ["a", "href", "a"],
  ["area", "href", "area"],
  ["img", "src", "img"],
  ["form", "action", "form"],
  ["iframe", "src", "iframe"],
  ["link", "href", "link"],
  ["script", "src", "script"],
  ["source", "src", "source"],
  [undefined, "background", "background"],
];

/** The first `max` links in source order (at most max + 1 are built, so a caller can tell there were more). */
export function htmlLinks(html: HtmlBody, max = Infinity): Link[] {
  const links: Link[] = [];
  // one pass over the element list: css-select's descendant search is quadratic in nesting depth
  for (const element of html.elements) {
    if (links.length > max) break;
    for (const [name, attribute, source] of URL_ATTRIBUTES) {
      if (name !== undefined && element.name !== name) continue;
      const value = element.attribs[attribute];
      if (value === undefined) continue;
      const text = source === "a" || source === "area" ? linkText(element) : "";
      links.push(makeLink(value.trim(), source, text, html.locate(attributeOffset(html.source, element, attribute))));
    }
  }
  // url(...) in style attributes and <style> blocks
  // "(" ends the URL too (CSS forbids it unescaped there): with it allowed, "url(url(url(…" backtracked
  // over the rest of the source at every "url(" (100 KB: 17 s)
  const cssUrl = /url\(\s*(['"]?)([^'"()\s]+)\1\s*\)/gi;
  let cssLinks = 0;
  for (const match of html.source.matchAll(cssUrl)) {
    if (cssLinks++ > max) break;
    links.push(makeLink(match[2]!, "css", "", html.locate(match.index + match[0].indexOf(match[2]!))));
  }
  return links
    .sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0))
    .slice(0, max + 1);
}

/** The first `max` images (max + 1 at most, so a caller can tell there were more). */
export function htmlImages(html: HtmlBody, max = Infinity): Image[] {
  return html.elements
    .filter((element) => element.name === "img")
    .slice(0, max + 1)
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

function linkText(element: Element): string {
  const alt = element.name === "area" ? (element.attribs.alt ?? "") : "";
  return (textOf(element) || alt).replace(/\s+/g, " ").trim();
}

// Bare URLs in plain text: a scheme URL or a www. host; trailing punctuation is not part of the URL.
const TEXT_URL = /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'`\u00a0]+/gi;

/** The first `max` bare URLs (max + 1 at most, so a caller can tell there were more). */
export function textLinks(text: string, partLabel: string, max = Infinity): Link[] {
  const lineStarts = computeLineStarts(text);
  const links: Link[] = [];
  for (const match of text.matchAll(TEXT_URL)) {
    if (links.length > max) break;
    const href = withoutTrailingPunctuation(match[0]);
    const line = lineAt(lineStarts, match.index);
    links.push(makeLink(href, "text", "", { part: partLabel, line, column: match.index - lineStarts[line - 1]! + 1 }));
  }
  return links;
}

const TRAILING_PUNCTUATION = new Set([".", ",", ";", ":", "!", "?", ")", "]", "}", ">"]);

/** "http://x.com/a)." → "http://x.com/a"; a loop, as /[.,;:!?)]+$/ rescans a long run at each of its characters. */
function withoutTrailingPunctuation(url: string): string {
  let end = url.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(url[end - 1]!)) end--;
  return url.slice(0, end);
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
    ...(host && ipFamily(host) ? { ip: host } : {}),
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

/** The parsed URL of a web link (http, https, ftp, "www." or protocol-relative); undefined for anything else. */
export function webUrl(href: string): URL | undefined {
  const { scheme } = urlParts(href);
  if (scheme !== "" && scheme !== "http" && scheme !== "https" && scheme !== "ftp") return undefined;
  const absolute = /^www\./i.test(href) ? `http://${href}` : href.startsWith("//") ? `http:${href}` : href;
  try {
    return new URL(absolute);
  } catch {
    return undefined;
  }
}

/**
 * The host a link's text displays, when the whole text is a web URL ("https://example.com/x") or a
 * domain name ("www.example.com", "Example.com/offers"); undefined for prose, e-mail addresses, prices.
 * A bare name counts only under an ICANN suffix, so "Node.js" or "3.99" are not domains, and only when written
 * as an address (lower case, or "www."), since "Buy.com" in prose is the company's name.
 */
export function displayedHost(text: string): string | undefined {
  if (text.length > 2048) return undefined;
  const shown = text.trim().replace(/^[<(["']+/, "").replace(/[>)\]"'.,;:!?]+$/, "");
  if (shown === "" || /\s/.test(shown)) return undefined;
  if (/^(?:https?|ftp):\/\//i.test(shown)) return urlParts(shown).host;
  // "Walmart.com", "Dilbert.com": a capitalised bare name is a company's name, not an address shown
  if (!/^www\./i.test(shown) && shown !== shown.toLowerCase()) return undefined;
  // a bare name: up to the first "/", "?", "#" or a ":port"; "@" (an address) or "x:" (mailto:, tel:) is not one
  const name = /^[^/@:?#\\]+/.exec(shown)?.[0] ?? "";
  const rest = shown.slice(name.length);
  if (!name.includes(".") || !(rest === "" || /^(?:[/?#]|:\d+(?:[/?#]|$))/.test(rest))) return undefined;
  const host = urlParts(`http://${name}`).host;
  if (host === undefined || ipFamily(host)) return undefined;
  return isIcannDomain(host) ? host : undefined;
}

/**
 * The web links a reader can click: <a>/<area> links of the HTML part, or the text part's URLs when
 * there is no HTML (an HTML message's text part repeats the same links, so it is not counted twice).
 */
export function clickableLinks(message: MessageModel): Link[] {
  const fromHtml = message.htmlBody !== undefined;
  return message.links.filter((link) =>
    link.host !== undefined && (fromHtml ? link.source === "a" || link.source === "area" : link.source === "text"),
  );
}

const CARRIED_URL = /(?:https?|ftp)(?::|%3a)(?:\/|%2f){2}/gi;
const MAX_CARRIED_URLS = 5;

/**
 * The numeric IP address that a redirect or tracking link carries as its destination, after its own
 * host: "…/event.ng/Type=click&Redirect=http://61.129.81.99/…", doubleclick's "…;;http://61.129.81.99/…",
 * percent-encoded or not. The reader ends up there; SpamAssassin reads these targets too (redirector_pattern).
 */
export function carriedIp(href: string): string | undefined {
  // past the link's own "https://", and bounded: a 1 MB href costs no more than an 8 KB one
  const rest = href.slice(8, 8192);
  let seen = 0;
  for (const match of rest.matchAll(CARRIED_URL)) {
    if (++seen > MAX_CARRIED_URLS) break;
    let carried = rest.slice(match.index, match.index + 2048);
    try {
      carried = decodeURIComponent(carried);
    } catch {
      // a stray "%": read it as written
    }
    const host = urlParts(carried.split(/[&\s]/, 1)[0]!).host;
    if (host && ipFamily(host)) return host;
  }
  return undefined;
}

/**
 * Whether a link's query carries a URL on domain: a tracking or redirect link whose destination is that
 * domain ("…/go/to?destUrl=http%3A%2F%2Fwww%2Eus%2Ebuy%2Ecom%2F" carries buy.com).
 */
export function queryCarriesDomain(href: string, domain: string): boolean {
  const query = href.indexOf("?");
  if (query === -1) return false;
  let decoded = href.slice(query + 1, query + 1 + 8192);
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // a stray "%" in the query: search it as written
  }
  const escaped = domain.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?:^|[/.=@])${escaped}(?:$|[/?#&:%])`).test(decoded.toLowerCase());
}
