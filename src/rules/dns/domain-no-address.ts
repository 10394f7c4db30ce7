import type { DnsRule } from "../types.js";

// A sending domain with no A/AAAA has no website: recipients cannot check who wrote, and filters
// score such throwaway-looking domains down.
export const domainNoAddress: DnsRule = {
  id: "domain-no-address",
  kind: "dns",
  check(facts) {
    if (facts.address.state.status !== "none") return [];
    return [{ message: `${facts.address.domain} has no A or AAAA record: no website answers at the sending domain` }];
  },
};
