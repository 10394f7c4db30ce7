// The rule catalogue: every rule's metadata, merged from rules/catalogue/*.json.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { rulesDir } from "../paths.js";
import type { RuleMeta } from "./types.js";

let cached: ReadonlyMap<string, RuleMeta> | undefined;

export function loadCatalogue(): ReadonlyMap<string, RuleMeta> {
  if (cached) return cached;
  const dir = join(rulesDir(), "catalogue");
  const entries = new Map<string, RuleMeta>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".json")).sort()) {
    const rules = JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, Omit<RuleMeta, "id">>;
    for (const [id, meta] of Object.entries(rules)) {
      if (id.startsWith("$")) continue; // "$comment" and the like
      if (entries.has(id)) throw new Error(`rule ${id} is in the catalogue twice (${file})`);
      entries.set(id, { id, ...meta });
    }
  }
  cached = entries;
  return entries;
}
