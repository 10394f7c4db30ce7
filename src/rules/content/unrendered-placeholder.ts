import type { HtmlBody, Location } from "../../message/model.js";
import type { MessageRule, RawFinding } from "../types.js";
import type { RuleData } from "../data.js";
import { nodesOf } from "../../message/dom.js";
import { computeLineStarts, lineAt } from "../../message/mime.js";
import { LETTER, NUMBER } from "../../message/unicode-classes.generated.js";

// "Hi {{first_name}}," in a sent message tells the reader (and filters) it is mass mail gone wrong.
// Two kinds of syntax:
// - merge tags of email platforms ({{x}}, {% x %}, *|X|*, %%X%%, {!x}, [[x]], %7B%7Bx%7D%7D in URLs):
//   nothing else writes them, so any one is reported;
// - programming interpolations (${x}, #{x}, {$x}, <%= x %>, %X%, [X]): common in code samples and mailing-
//   list posts, so reported only when the variable is a personalisation field (rules/placeholder-fields.txt).
// Code is never judged: <style>, <script>, <pre>, <code>, <textarea>, comments (not Outlook's conditional ones). In a template the ESP is
// about to fill the placeholders, so there the findings are informational.

interface Syntax {
  readonly pattern: RegExp;
  /**
   * Text every match holds: a text without it is not scanned, so a message with no placeholder of
   * this syntax never compiles the pattern (a start-up snapshot keeps no compiled regexp, and the ones
   * with letter classes compile to 10-20 KB of machine code on a long text).
   */
  readonly marker: string;
  /** For programming syntaxes: the variable name to look up in the field list. */
  readonly variable?: (match: RegExpExecArray) => string;
}

// \p{L} and \p{N} are written as ranges (LETTER, NUMBER): every run compiles these patterns anew, and
// ICU's \p{…} made them cost 1 ms each at start-up (src/message/unicode-classes.generated.ts)
const MERGE_TAGS: readonly Syntax[] = [
  // bounded blanks: two unbounded \s* around the optional sign backtracked quadratically on long whitespace
  { pattern: new RegExp(String.raw`\{\{\{?\s{0,20}[#/^>&!]?\s{0,20}[${LETTER}_@$][^{}\r\n]{0,100}\}\}\}?`, "gu"), marker: "{{" }, // Handlebars, Liquid, Jinja, Mustache, HubSpot HubL, Klaviyo
  { pattern: /\{%[^{}\r\n]{1,100}%\}/g, marker: "{%" }, // Liquid/Jinja tags
  { pattern: /\*\|[^|*\r\n]{1,80}\|\*/g, marker: "*|" }, // Mailchimp
  { pattern: /%%(?:=[^%\r\n]{1,100}=|\[[^\]\r\n]{1,200}\]|[A-Za-z_][\w. -]{0,40}\w)%%/g, marker: "%%" }, // Salesforce Marketing Cloud
  { pattern: /\{![A-Za-z_]\w{0,40}\}/g, marker: "{!" }, // AWeber
  { pattern: new RegExp(String.raw`\[\[\s?[${LETTER}_][${LETTER}${NUMBER}_.:-]{0,40}(?::"[^"\r\n]{0,40}")?\s?\]\]`, "gu"), marker: "[[" }, // GetResponse, Mailjet, Constant Contact
  { pattern: /%7B%7B[^%{}\s]{0,20}(?:%[0-9A-F]{2}[^%{}\s]{0,20}){0,8}%7D%7D/gi, marker: "%" }, // {{x}} URL-encoded in a link
];

const HAS_LETTER = new RegExp(`[${LETTER}]`, "u");
const lastName = (path: string) => path.split(/[.:>[\]]/).filter((part) => HAS_LETTER.test(part)).at(-1) ?? "";

const INTERPOLATIONS: readonly Syntax[] = [
  { pattern: new RegExp(String.raw`\$\{\s*([${LETTER}_@][${LETTER}${NUMBER}_.@:[\]'"-]{0,60})\s*\}`, "gu"), marker: "${", variable: (m) => lastName(m[1]!) }, // ES6, FreeMarker, Velocity
  { pattern: new RegExp(String.raw`#\{\s*([${LETTER}_@][${LETTER}${NUMBER}_.@:[\]'"-]{0,60})\s*\}`, "gu"), marker: "#{", variable: (m) => lastName(m[1]!) }, // Ruby, Pug
  { pattern: new RegExp(String.raw`\{\$([${LETTER}_][${LETTER}${NUMBER}_.>[\]'"-]{0,60})\}`, "gu"), marker: "{$", variable: (m) => lastName(m[1]!) }, // Smarty, PHP
  { pattern: new RegExp(String.raw`<%=?-?\s*([@${LETTER}_][${LETTER}${NUMBER}_.@[\]'"]{0,60})\s*-?%>`, "gu"), marker: "<%", variable: (m) => lastName(m[1]!) }, // ERB, EJS, ASP
  { pattern: /%([A-Z][A-Z0-9_]{2,40})%/g, marker: "%", variable: (m) => m[1]! }, // ActiveCampaign, SendGrid legacy
  { pattern: new RegExp(String.raw`(?<![[\w])\[([${LETTER}][${LETTER} _-]{1,30})\](?![(:[\]])`, "gu"), marker: "[", variable: (m) => m[1]! }, // [FirstName], [Vorname]; not Markdown links
];

const CODE_ELEMENTS = new Set(["style", "script", "pre", "code", "textarea", "xmp", "kbd", "samp", "template"]);
const HEADERS = ["Subject", "From", "Reply-To", "To", "List-Unsubscribe"];
const MAX_FINDINGS = 20;
// a body of 50,000 placeholders is judged by its first ones: keeps the overlap check cheap
const MAX_MATCHES = 500;

export const unrenderedPlaceholder: MessageRule = {
  id: "unrendered-placeholder",
  kind: "message",
  check(message, ctx) {
    const fields = fieldKeys(ctx.data);
    const isPlaceholder = (syntax: Syntax, match: RegExpExecArray) =>
      HAS_LETTER.test(match[0]) && (!syntax.variable || fields.has(fieldKey(syntax.variable(match))));
    const found = new Map<string, Location>();
    const scan = (text: string, where: (offset: number) => Location | undefined) => {
      // "%%FNAME%%" must not also count as "%FNAME%": a match inside an earlier one is skipped
      const claimed: [number, number][] = [];
      const overlaps = (start: number, end: number) => claimed.some(([from, to]) => start < to && end > from);
      for (const syntax of [...MERGE_TAGS, ...INTERPOLATIONS]) {
        if (!text.includes(syntax.marker)) continue;
        syntax.pattern.lastIndex = 0;
        let seen = 0;
        for (let match = syntax.pattern.exec(text); match && seen < MAX_MATCHES; match = syntax.pattern.exec(text), seen++) {
          if (found.size >= MAX_FINDINGS) return;
          const end = match.index + match[0].length;
          if (!isPlaceholder(syntax, match) || overlaps(match.index, end)) continue;
          claimed.push([match.index, end]);
          const location = where(match.index);
          if (location && !found.has(match[0])) found.set(match[0], location);
        }
      }
    };

    for (const name of HEADERS) {
      for (const header of message.headersNamed(name)) scan(header.value, () => ({ header: header.name, ...(header.line ? { line: header.line } : {}) }));
    }
    const html = message.htmlBody;
    if (html) {
      const code = codeRanges(html);
      scan(html.source, (offset) => (insideAny(code, offset) ? undefined : html.locate(offset)));
    }
    if (message.text) {
      const lineStarts = computeLineStarts(message.text.content);
      scan(message.text.content, (offset) => {
        const line = lineAt(lineStarts, offset);
        return { part: "text/plain", line, column: offset - lineStarts[line - 1]! + 1 };
      });
    }

    const template = message.kind === "html";
    return [...found].map(([placeholder, location]) => ({
      message: template
        ? `Placeholder ${placeholder} must be filled by your sending platform; make sure every recipient has a value or a fallback.`
        : `Unrendered template placeholder ${placeholder} would reach the reader as written.`,
      evidence: placeholder,
      location,
      ...(template ? { severity: "info" as const } : {}),
    }));
  },
};

const NOT_LETTER = new RegExp(`[^${LETTER}]`, "gu");

// the field list's keys, made once per rule data rather than once a message
const fieldKeysOf = new WeakMap<RuleData, ReadonlySet<string>>();

function fieldKeys(data: RuleData): ReadonlySet<string> {
  let keys = fieldKeysOf.get(data);
  if (!keys) {
    keys = new Set([...data.list("placeholder-fields")].map(fieldKey));
    fieldKeysOf.set(data, keys);
  }
  return keys;
}

function fieldKey(name: string): string {
  return name.toLowerCase().replace(NOT_LETTER, "");
}

/** Sorted, non-overlapping source ranges of code elements and comments. */
function codeRanges(html: HtmlBody): [number, number][] {
  const ranges: [number, number][] = [];
  for (const node of nodesOf(html, (element) => CODE_ELEMENTS.has(element.name))) {
    // Outlook renders what is inside <!--[if mso]> … <![endif]-->, so conditional comments are not code
    const isComment = node.type === "comment" && !/^\[if\b/i.test((node as { data?: string }).data ?? "");
    const isCode = isComment || ((node.type === "tag" || node.type === "script" || node.type === "style") && CODE_ELEMENTS.has((node as { name: string }).name));
    if (isCode && node.startIndex !== null && node.endIndex !== null) ranges.push([node.startIndex, node.endIndex]);
  }
  return ranges;
}

function insideAny(ranges: readonly [number, number][], offset: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [start, end] = ranges[mid]!;
    if (offset < start) high = mid - 1;
    else if (offset > end) low = mid + 1;
    else return true;
  }
  return false;
}
