import type { DnsRule } from "../types.js";

// RFC 7208 §4.6: a record that does not match the grammar is a permerror, wherever it is in the tree.
export const spfSyntax: DnsRule = {
  id: "spf-syntax",
  kind: "dns",
  check(facts) {
    return facts.spf.syntaxErrors.map((error) => ({
      message: `SPF record of ${error.domain}: ${error.message}: "${error.term}"`,
      evidence: error.term,
    }));
  },
};
