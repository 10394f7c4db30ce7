import type { Element } from "domhandler";
import type { MessageRule, RawFinding } from "../types.js";
import { attributeOffset } from "../../message/html.js";
import { startTagOf } from "../../message/dom.js";

// Every mail client strips scripts, forms, frames and plug-ins, and filters treat them as an attack
// (SpamAssassin __TAG_EXISTS_SCRIPT, HTML_EMBEDS, HTML_IFRAME_SRC, HTML_FORMACTION_MAILTO); a meta refresh redirects a
// webmail reader away from the message. None of it works in email, all of it costs reputation.
const ACTIVE_ELEMENTS: Readonly<Record<string, string>> = {
  script: "a <script>",
  form: "a <form>",
  iframe: "an <iframe>",
  frame: "a <frame>",
  frameset: "a <frameset>",
  embed: "an <embed>",
  object: "an <object>",
  applet: "an <applet>",
};
// Gmail's own email markup (schema.org actions and annotations) is JSON-LD in a script element.
const DATA_SCRIPT_TYPES = new Set(["application/ld+json"]);
const EVENT_HANDLER = /^on[a-z]{3,}$/;
const MAX_FINDINGS = 20;

export const activeContent: MessageRule = {
  id: "active-content",
  kind: "message",
  check(message) {
    const html = message.htmlBody;
    if (!html) return [];
    const findings: RawFinding[] = [];
    let more = 0;
    const add = (finding: RawFinding) => (findings.length < MAX_FINDINGS ? findings.push(finding) : more++);
    for (const element of html.elements) {
      const kind = activeKind(element);
      if (kind) {
        const tag = startTagOf(html, element);
        add({
          message: `The HTML contains ${kind}: ${tag}`,
          evidence: tag,
          location: html.locate(element.startIndex ?? 0),
          // a form runs no code: clients disable or warn about it, which is bad but not an attack
          ...(element.name === "form" ? { severity: "warning" as const } : {}),
        });
      }
      for (const [name, value] of Object.entries(element.attribs)) {
        if (!EVENT_HANDLER.test(name)) continue;
        const evidence = `${name}="${value.slice(0, 80)}"`;
        add({
          message: `<${element.name}> has a JavaScript event handler: ${evidence}`,
          evidence,
          location: html.locate(attributeOffset(html.source, element, name)),
        });
      }
    }
    if (more > 0) findings.push({ message: `${more} more active-content problems not listed.` });
    return findings;
  },
};

function activeKind(element: Element): string | undefined {
  if (element.name === "script") return DATA_SCRIPT_TYPES.has((element.attribs.type ?? "").trim().toLowerCase()) ? undefined : ACTIVE_ELEMENTS.script;
  if (element.name === "meta") return /^\s*refresh\s*$/i.test(element.attribs["http-equiv"] ?? "") ? "a <meta http-equiv=\"refresh\"> redirect" : undefined;
  return Object.hasOwn(ACTIVE_ELEMENTS, element.name) ? ACTIVE_ELEMENTS[element.name] : undefined;
}
