import type { Address } from "../../message/model.js";
import type { MessageRule, RawFinding } from "../types.js";
import { headerLocation } from "./shared/header-location.js";
import { LETTER, NUMBER } from "../../message/unicode-classes.generated.js";

// A From that does not parse to local@domain cannot be authenticated (DMARC needs its domain) and is a
// classic sign of forged mail (SpamAssassin FROM_NO_USER); receivers reject or junk it.
export const invalidFrom: MessageRule = {
  id: "invalid-from",
  kind: "message",
  check(message) {
    const headers = message.headersNamed("from");
    if (headers.length === 0) return [];
    const location = headerLocation(message, "From");
    if (message.fromAll.length === 0) {
      const value = headers[0]!.value.trim();
      return [{ message: `From header "${value}" holds no email address.`, evidence: value, location }];
    }
    return message.fromAll.flatMap((address): RawFinding[] => {
      const problem = addressProblem(address);
      return problem ? [{ message: `From address "${address.address}" ${problem}.`, evidence: address.address, location }] : [];
    });
  },
};

// RFC 1035 host names; Unicode letters are allowed for internationalised domains (RFC 6531)
// [\p{L}\p{N}-] as ranges (src/message/unicode-classes.generated.ts): cheaper to compile in each run
const DOMAIN_LABEL = new RegExp(`^(?!-)[${LETTER}${NUMBER}-]{1,63}(?<!-)$`, "u");
const ADDRESS_LITERAL = /^\[[^\][\\]+\]$/;

function addressProblem(address: Address): string | undefined {
  if (!address.address.includes("@")) return "has no @domain";
  if (!address.localPart) return "has an empty local part";
  if (/\s/.test(address.localPart) && !/^".*"$/.test(address.localPart)) return "has spaces in its local part";
  // RFC 5322 §3.4.1: an "@" may stand in a local part only inside quotes; "a@b@example.com" has two at-signs
  if (address.localPart.includes("@") && !/^".*"$/.test(address.localPart)) return "has a second @ in it";
  if (!address.domain) return "has no domain";
  if (ADDRESS_LITERAL.test(address.domain)) return undefined;
  const labels = address.domain.split(".");
  if (labels.length < 2) return `has a domain (${address.domain}) that is not a fully qualified name`;
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) return `has an invalid domain (${address.domain})`;
  return undefined;
}
