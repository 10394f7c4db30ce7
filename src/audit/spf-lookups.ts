// How an SPF tree spends its DNS lookups, in words a person can act on:
// "include:_spf.google.com (4), include:sendgrid.net (3), mx (1)".
import type { SpfFacts, SpfLookupTerm } from "./facts.js";

/** Lookups grouped by the top-level term that spends them, in evaluation order. */
export function lookupsByTopLevelTerm(lookups: readonly SpfLookupTerm[]): { term: string; count: number }[] {
  const groups = new Map<string, number>();
  for (const lookup of lookups) {
    const key = lookup.path[0] ?? lookup.term;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([term, count]) => ({ term, count }));
}

/** "include:a.example → include:b.example → mx" for one lookup. */
export function lookupPath(lookup: SpfLookupTerm): string {
  return [...lookup.path, lookup.term].join(" → ");
}

export function describeLookupSpend(spf: SpfFacts): string {
  return lookupsByTopLevelTerm(spf.lookups)
    .map((group) => `${group.term} (${group.count})`)
    .join(", ");
}
