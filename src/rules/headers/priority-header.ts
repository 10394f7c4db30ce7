import type { Header } from "../../message/model.js";
import type { MessageRule, RawFinding } from "../types.js";
import { locationOf } from "./shared/header-location.js";

// A priority flag (X-Priority 1 or 2, X-MSMail-Priority: High, Importance: high, Priority: urgent) asks
// the client to show the message as urgent. Mail sent to a list is not urgent to each reader, bulk mailers
// that set it do so to stand out, and filters score it (SpamAssassin XPRIO). Normal and low priority,
// and the absence of the headers, say nothing.
// X-Priority: 1 (highest) … 5 (lowest), as Outlook and Thunderbird write it ("1 (Highest)").
// X-MSMail-Priority: High | Normal | Low (Outlook). Importance: high | normal | low (RFC 2156 §5.3).
// Priority: urgent | normal | non-urgent (RFC 2156 §5.3).
const HIGH: Readonly<Record<string, RegExp>> = {
  "x-priority": /^[12](?![0-9])/,
  "x-msmail-priority": /^high\b/i,
  importance: /^high\b/i,
  priority: /^urgent\b/i,
};

export const priorityHeader: MessageRule = {
  id: "priority-header",
  kind: "message",
  check(message) {
    const findings: RawFinding[] = [];
    for (const header of message.headers) {
      const high = HIGH[header.key];
      if (!high || !high.test(header.value.trim())) continue;
      findings.push(finding(header));
    }
    return findings;
  },
};

function finding(header: Header): RawFinding {
  const evidence = `${header.name}: ${header.value.trim()}`.slice(0, 80);
  return {
    message: `The message is marked high priority (${evidence}); bulk mail flagged as urgent is a spam signal.`,
    evidence,
    location: locationOf(header),
  };
}
