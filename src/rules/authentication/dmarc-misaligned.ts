import type { DnsRule } from "../types.js";

// RFC 9989 §4.4: DMARC passes only through an identifier aligned with the From domain — the
// SPF-checked envelope domain or a DKIM d=. With neither, DMARC fails whatever SPF and DKIM say.
export const dmarcMisaligned: DnsRule = {
  id: "dmarc-misaligned",
  kind: "dns",
  check(facts) {
    const { alignment } = facts;
    if (alignment.aligned) return [];
    const mode = (value: "r" | "s"): string => (value === "s" ? "strict" : "relaxed");
    const dkim = alignment.dkim.length > 0 ? alignment.dkim.map((entry) => `d=${entry.domain}`).join(", ") : "no DKIM domain";
    return [
      {
        message: `From ${alignment.fromDomain} aligns with neither the envelope domain ${alignment.spf.domain} (SPF, ${mode(alignment.spf.mode)}) nor ${dkim} (DKIM${alignment.dkim[0] ? `, ${mode(alignment.dkim[0].mode)}` : ""})`,
        evidence: alignment.spf.domain,
      },
    ];
  },
};
