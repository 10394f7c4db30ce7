import type { MessageRule, RawFinding } from "../types.js";
import { isInvisibleImage } from "../../message/style.js";

// Most clients block images until the reader allows them; then alt text is all the reader sees, and
// screen readers read it aloud. alt="" is right for decoration; a missing alt shows the file name or nothing.
// Tracking pixels and spacers are never seen, so they need no alt.
const MAX_FINDINGS = 10;

export const imageMissingAlt: MessageRule = {
  id: "image-missing-alt",
  kind: "message",
  check(message) {
    const html = message.htmlBody;
    if (!html) return [];
    const missing = html.elements.filter((element) => element.name === "img" && element.attribs.alt === undefined && !isInvisibleImage(element));
    const findings: RawFinding[] = missing.slice(0, MAX_FINDINGS).map((element) => {
      const src = (element.attribs.src ?? "").trim();
      return {
        message: `Image has no alt attribute: ${src || "<img> without src"}`,
        evidence: src,
        location: html.locate(element.startIndex ?? 0),
      };
    });
    if (missing.length > MAX_FINDINGS) findings.push({ message: `${missing.length - MAX_FINDINGS} more images without alt not listed.` });
    return findings;
  },
};
