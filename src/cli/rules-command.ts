// `mail-preflight rules`: the catalogue, as a table or JSON.
import { loadCatalogue } from "../rules/catalogue.js";
import { UsageError } from "./errors.js";

export async function runRules(options: { format: string }): Promise<number> {
  const rules = [...loadCatalogue().values()].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
  if (options.format === "json") {
    process.stdout.write(`${JSON.stringify({ rules }, null, 2)}\n`);
    return 0;
  }
  if (options.format !== "text") throw new UsageError(`unknown --format "${options.format}" for rules: use text or json`);
  const width = Math.max(...rules.map((rule) => rule.id.length));
  let category = "";
  for (const rule of rules) {
    if (rule.category !== category) {
      category = rule.category;
      process.stdout.write(`\n${category}\n`);
    }
    const network = rule.network ? " (network)" : "";
    process.stdout.write(`  ${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)} ${rule.score.toFixed(1).padStart(4)}  ${rule.summary}${network}\n`);
  }
  return 0;
}
