import type { DnsRule } from "../types.js";

// Without a key no receiver can verify a signature: DKIM is none, and DMARC rests on SPF alone.
export const dkimMissing: DnsRule = {
  id: "dkim-missing",
  kind: "dns",
  check(facts) {
    const { keys, selectors, selectorSource, domain } = facts.dkim;
    if (keys.some((key) => key.state.status === "found" || key.state.status === "temperror")) return [];
    const tried = selectorSource === "probe" ? `${selectors.length} common selectors probed` : `selectors ${selectors.join(", ")}`;
    return [{ message: `No DKIM key found for ${domain} (${tried}, from ${selectorSource === "option" ? "--dkim-selector" : selectorSource === "signature" ? "the DKIM-Signature headers" : "rules/dkim-selectors.txt"})` }];
  },
};
