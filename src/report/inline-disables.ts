// Inline disables: a team silences a rule for one template or message, in the file itself.
//
//   <!-- mail-preflight-disable numeric-ip-link, url-shortener -->   those rules, whole message
//   <!-- mail-preflight-disable -->                                  every rule, whole message
//   <!-- mail-preflight-disable-next-line url-shortener -->          findings on the next line of the HTML
//   X-Mail-Preflight-Disable: numeric-ip-link                        header form, for .eml (any part)
//
// Text after " -- " is a reason for the reader and is ignored. A directive that silenced nothing (or
// names no rule) is itself reported, as `unused-disable`, so stale directives do not pile up (ESLint's
// --report-unused-disable-directives).
import type { Finding } from "../rules/engine.js";
import type { RawFinding } from "../rules/types.js";
import type { Location, MessageModel } from "../message/model.js";

export const DISABLE_HEADER = "X-Mail-Preflight-Disable";

interface Directive {
  readonly text: string;
  /** Empty: every rule. */
  readonly ids: readonly string[];
  /** The HTML line it applies to, for -next-line; undefined for the whole message. */
  readonly nextLine?: number;
  readonly location: Location;
}

const OPENER = /<!--\s*mail-preflight-disable(-next-line)?(?=[\s-])/g;
const CLOSER = "-->";

export function findDirectives(message: MessageModel): Directive[] {
  const directives: Directive[] = [];
  const body = message.htmlBody;
  if (body) {
    for (const { start, end, nextLine, inner } of directiveComments(body.source)) {
      directives.push({
        text: body.source.slice(start, end),
        ids: parseIds(inner),
        ...(nextLine ? { nextLine: (body.locate(end).line ?? 0) + 1 } : {}),
        location: body.locate(start),
      });
    }
  }
  for (const header of message.headersNamed(DISABLE_HEADER)) {
    directives.push({ text: `${header.name}: ${header.value}`, ids: parseIds(header.value), location: { header: header.name, line: header.line } });
  }
  return directives;
}

/**
 * Each directive comment's span. A scan with indexOf rather than one lazy `[^]*?-->` regex: an
 * unclosed directive would make that regex run to the end of the source once per directive
 * (quadratic; 1.9 s for 720 KB). Once no "-->" follows, no later directive can close either.
 */
function* directiveComments(source: string): Generator<{ start: number; end: number; nextLine: boolean; inner: string }> {
  OPENER.lastIndex = 0;
  for (let open = OPENER.exec(source); open; open = OPENER.exec(source)) {
    const innerStart = open.index + open[0].length;
    const close = source.indexOf(CLOSER, innerStart);
    if (close === -1) return;
    yield { start: open.index, end: close + CLOSER.length, nextLine: open[1] !== undefined, inner: source.slice(innerStart, close) };
    OPENER.lastIndex = close + CLOSER.length;
  }
}

function parseIds(text: string): string[] {
  const withoutReason = text.split(/\s--\s/)[0] ?? "";
  return withoutReason
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter(Boolean);
}

export interface DisableOutcome {
  readonly findings: Finding[];
  /** One raw finding per directive (or rule id in it) that silenced nothing, for the unused-disable rule. */
  readonly unused: RawFinding[];
}

export function applyInlineDisables(message: MessageModel, findings: readonly Finding[], knownIds: ReadonlySet<string>): DisableOutcome {
  const directives = findDirectives(message);
  if (directives.length === 0) return { findings: [...findings], unused: [] };
  const used = new Set<string>(); // `${directiveIndex} ${id or "*"}`
  const kept = findings.filter((finding) => {
    const index = directives.findIndex((directive) => silences(directive, finding));
    if (index === -1) return true;
    const directive = directives[index]!;
    used.add(`${index} ${directive.ids.includes(finding.ruleId) ? finding.ruleId : "*"}`);
    return false;
  });

  const unused: RawFinding[] = [];
  directives.forEach((directive, index) => {
    const scope = directive.nextLine !== undefined ? `on line ${directive.nextLine} of the HTML` : "in this message";
    if (directive.ids.length === 0 && !used.has(`${index} *`)) {
      unused.push({ message: `Unused inline disable: no finding ${scope} to silence (${directive.text.trim()}).`, evidence: directive.text, location: directive.location });
    }
    for (const id of directive.ids) {
      if (!knownIds.has(id)) {
        unused.push({ message: `Inline disable names "${id}", which is not a rule id (see: mail-preflight rules).`, evidence: directive.text, location: directive.location });
      } else if (!used.has(`${index} ${id}`)) {
        unused.push({ message: `Unused inline disable: no ${id} finding ${scope} to silence.`, evidence: directive.text, location: directive.location });
      }
    }
  });
  return { findings: kept, unused };
}

function silences(directive: Directive, finding: Finding): boolean {
  if (directive.ids.length > 0 && !directive.ids.includes(finding.ruleId)) return false;
  if (directive.nextLine === undefined) return true;
  return finding.location?.part === "text/html" && finding.location.line === directive.nextLine;
}
