import type { MessageRule, RawFinding } from "../types.js";

// Clients and filters repair broken MIME differently: what one shows, another hides or shows as an
// attachment, and filters score the breakage itself (SpamAssassin MISSING_MIME_HB_SEP, T_MIME_MALF).
const MAX_FINDINGS = 20;

export const brokenMime: MessageRule = {
  id: "broken-mime",
  kind: "message",
  check(message) {
    const problems = message.parseProblems;
    const findings: RawFinding[] = problems.slice(0, MAX_FINDINGS).map((problem) => {
      const quoted = /"([^"]+)"/.exec(problem.message);
      return {
        message: `MIME structure problem: ${problem.message}.`,
        ...(quoted ? { evidence: quoted[1]! } : {}),
        ...(problem.location ? { location: problem.location } : {}),
      };
    });
    if (problems.length > MAX_FINDINGS) {
      findings.push({ message: `${problems.length - MAX_FINDINGS} more MIME structure problems not listed.` });
    }
    return findings;
  },
};
