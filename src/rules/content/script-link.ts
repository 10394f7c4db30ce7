import type { MessageRule, Severity } from "../types.js";

// Mail clients never run scripts: javascript:/vbscript: links are dead at best and a malware sign at
// worst (filters score them heavily). data: URLs in links hide the payload inline; data: images are
// blocked by Gmail and Outlook, so they only warn: host the image instead.
const SCRIPT_SCHEMES = new Set(["javascript", "vbscript", "livescript"]);
const IMAGE_SOURCES = new Set(["img", "source", "background", "css"]);

export const scriptLink: MessageRule = {
  id: "script-link",
  kind: "message",
  check(message) {
    return message.links.flatMap((link) => {
      const image = IMAGE_SOURCES.has(link.source);
      let severity: Severity;
      if (SCRIPT_SCHEMES.has(link.scheme)) severity = "error";
      else if (link.scheme === "data") severity = image ? "warning" : "error";
      else return [];
      const what = image ? "Image source" : "Link";
      return [
        {
          message: `${what} uses a ${link.scheme}: URL, which mail clients block: ${shorten(link.href)}`,
          evidence: shorten(link.href),
          location: link.location,
          severity,
        },
      ];
    });
  },
};

/** data: URLs can be megabytes of base64; the evidence only needs the start. */
function shorten(href: string): string {
  return href.length > 120 ? `${href.slice(0, 117)}...` : href;
}
