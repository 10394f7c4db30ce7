import type { Element } from "domhandler";
import { decodeHTML, decodeHTMLStrict } from "entities";
import type { HtmlBody } from "../../message/model.js";
import type { MessageRule, RawFinding } from "../types.js";
import { nodesOf, startTagOf } from "../../message/dom.js";

// Broken HTML renders differently in every client (Outlook's Word engine, Gmail's sanitiser, Apple's
// WebKit) and filters count it as a sign of generated junk (SpamAssassin HTML_TAG_BALANCE_*, HTML_BADTAG_*).
// Read from the parsed tree, not by parsing again: htmlparser2 closes an element implicitly when its end
// tag is missing or misnested, and records where, so an element is closed by its own end tag exactly when
// the source at its end index is that end tag. What HTML allows is not reported (WHATWG HTML §13.1.2.4):
// void elements, optional end tags (p, li, td, tr, option…), omitted html/head/body. Conditional comments
// are comments to the parser. Stray end tags are reported only where the parser turns them into elements
// (</p>, </br>); others it drops silently, and so do browsers.

const OPTIONAL_END_TAGS = new Set(["html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "rb", "rt", "rtc", "rp", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption"]);
const VOID_ELEMENTS = new Set(["area", "base", "basefont", "bgsound", "br", "col", "command", "embed", "frame", "hr", "image", "img", "input", "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "plaintext"]);
const TAG_NAME = /^[a-z][a-z0-9]*(?:[-:][a-z0-9]+)*$/;
const MAX_FINDINGS = 20;
const MAX_TAG_LENGTH = 20_000;

interface Problem extends RawFinding {
  readonly offset: number;
}

export const htmlInvalid: MessageRule = {
  id: "html-invalid",
  kind: "message",
  check(message) {
    const html = message.htmlBody;
    if (!html) return [];
    const problems = [...tagProblems(html), ...entityProblems(html)].sort((a, b) => a.offset - b.offset);
    const findings: RawFinding[] = problems.slice(0, MAX_FINDINGS).map(({ offset, ...finding }) => ({ ...finding, location: html.locate(offset) }));
    if (problems.length > MAX_FINDINGS) findings.push({ message: `${problems.length - MAX_FINDINGS} more HTML problems not listed.` });
    return findings;
  },
};

function tagProblems(html: HtmlBody): Problem[] {
  const { source } = html;
  const problems: Problem[] = [];
  const unclosedCandidates: Element[] = [];
  // end index → the innermost element that its end tag closes (one end tag closes one element)
  const closedBy = new Map<number, Element>();
  for (const element of html.elements) {
    const start = element.startIndex ?? 0;
    const name = element.name;
    if (source.startsWith("</", start)) {
      // the parser made an element out of a stray </p> or </br>
      problems.push({ offset: start, message: `End tag </${name}> without an open <${name}>; it adds an empty ${name === "br" ? "line break" : "paragraph"}.`, evidence: `</${name}>` });
      continue;
    }
    problems.push(...duplicateAttributes(source, element));
    // "<chris@example.com>" in text is parsed as an element too; only real tag names can be unclosed
    if (VOID_ELEMENTS.has(name) || OPTIONAL_END_TAGS.has(name) || !TAG_NAME.test(name)) continue;
    const end = element.endIndex;
    if (end !== null && end !== undefined && closesItself(source, element, end)) {
      const inner = closedBy.get(end);
      if (!inner || (inner.startIndex ?? 0) < start) closedBy.set(end, element);
    }
    unclosedCandidates.push(element);
  }
  for (const element of unclosedCandidates) {
    if (element.endIndex !== null && closedBy.get(element.endIndex) === element) continue;
    const tag = startTagOf(html, element, 80);
    problems.push({
      offset: element.startIndex ?? 0,
      message: `<${element.name}> is never closed (its </${element.name}> is missing or misnested): ${tag}`,
      evidence: tag,
    });
  }
  return problems;
}

/**
 * Whether `end` lies in this element's own end tag (or is the "/>" of a foreign self-closing tag).
 * htmlparser2 puts an end index on the ">" of "</div>" but on the space of "</div >"; an element it
 * closes at the end of the input gets an index past the last tag.
 */
function closesItself(source: string, element: Element, end: number): boolean {
  const tagStart = source.lastIndexOf("<", end);
  if (tagStart === -1) return false;
  if (tagStart === (element.startIndex ?? -1)) return source[end - 1] === "/" && source[end] === ">";
  const tagEnd = source.indexOf(">", tagStart);
  if (tagEnd === -1 || end > tagEnd || tagEnd - tagStart > element.name.length + 40) return false;
  return isEndTagOf(source.slice(tagStart, tagEnd + 1), element.name);
}

const END_TAG_REST = /^\s*>$/;

/**
 * Whether `tag` is `</name>` with any case and blanks before the ">": what /^<\/name\s*>$/i said, without
 * compiling a pattern per element. `name` passed TAG_NAME (lower-case ASCII); a non-Unicode /i folds
 * ASCII letters only, so the comparison is by code unit.
 */
function isEndTagOf(tag: string, name: string): boolean {
  if (!tag.startsWith("</") || tag.length < name.length + 3) return false;
  for (let k = 0; k < name.length; k++) {
    const code = tag.charCodeAt(2 + k);
    const wanted = name.charCodeAt(k);
    if (code !== wanted && !(code >= 0x41 && code <= 0x5a && code + 0x20 === wanted)) return false;
  }
  return END_TAG_REST.test(tag.slice(2 + name.length));
}

function duplicateAttributes(source: string, element: Element): Problem[] {
  if (Object.keys(element.attribs).length === 0) return [];
  const start = element.startIndex ?? 0;
  const tag = source.slice(start, start + MAX_TAG_LENGTH);
  const seen = new Set<string>();
  const problems: Problem[] = [];
  // attribute syntax per WHATWG HTML §13.1.2.3; the name after "<tag" starts the attribute list
  const attribute = /([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?|(>)/g;
  attribute.lastIndex = 1 + element.name.length;
  for (let match = attribute.exec(tag); match && !match[2]; match = attribute.exec(tag)) {
    const name = match[1]!.toLowerCase();
    if (seen.has(name) && !problems.some((problem) => problem.evidence === match![0])) {
      problems.push({
        offset: start + match.index,
        message: `<${element.name}> has the attribute ${name} twice; clients keep only the first: ${match[0].slice(0, 80)}`,
        evidence: match[0].slice(0, 80),
      });
    }
    seen.add(name);
  }
  return problems;
}

/** Unknown named references (&foo;) and legacy ones run into letters (&nbspHello), in text outside raw-text elements. */
function entityProblems(html: HtmlBody): Problem[] {
  const problems: Problem[] = [];
  for (const node of nodesOf(html, (element) => RAW_TEXT.has(element.name))) {
    if (node.type !== "text" || node.startIndex === null) continue;
    // the node's data is already decoded: read the source
    const raw = html.source.slice(node.startIndex, (node.endIndex ?? node.startIndex) + 1);
    if (!raw.includes("&")) continue;
    for (const match of raw.matchAll(/&([A-Za-z][A-Za-z0-9]{0,40})(;?)/g)) {
      const [reference, name, semicolon] = match;
      if (semicolon) {
        if (decodeHTMLStrict(reference) === reference) {
          problems.push({ offset: node.startIndex + match.index, message: `Unknown character reference ${reference} is shown as written.`, evidence: reference });
        }
        continue;
      }
      // a legacy reference without ";" (WHATWG HTML §13.2.5.73) that runs on into letters: "&nbspHello"
      const decoded = decodeHTML(`&${name}`);
      const rest = decoded.startsWith("&") ? "" : decoded.slice(1);
      if (/^[A-Za-z]/.test(rest)) {
        problems.push({
          offset: node.startIndex + match.index,
          message: `Character reference ${reference} has no ";" and runs into "${rest}"; clients may show it as written.`,
          evidence: reference,
        });
      }
    }
  }
  return problems;
}
