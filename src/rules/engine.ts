// Runs rules and turns their raw findings into report findings stamped with catalogue metadata.
import type { MessageModel } from "../message/model.js";
import type { AuthFacts } from "../audit/facts.js";
import type { Category, DnsRule, Level, MessageRule, RawFinding, Rule, RuleContext, RuleMeta, Severity } from "./types.js";
import { loadCatalogue } from "./catalogue.js";
import { ruleLoaders } from "./registry.generated.js";
import { loadRuleData, type RuleData } from "./data.js";
import type { Location } from "../message/model.js";

export interface Finding {
  readonly ruleId: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly score: number;
  readonly message: string;
  readonly evidence?: string;
  readonly location?: Location;
  readonly fix: string;
}

export interface RuleSettings {
  /** --rule id=level and config "rules". */
  readonly levels?: Readonly<Record<string, Level>>;
  /** Per-rule options from config, merged over catalogue defaults. */
  readonly options?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface LoadedRules {
  readonly message: readonly MessageRule[];
  readonly dns: readonly DnsRule[];
  readonly data: RuleData;
  readonly settings: RuleSettings;
}

let sharedData: RuleData | undefined;

/** Loads the modules of every rule that is not turned off. */
export async function loadRules(settings: RuleSettings = {}, only?: readonly string[]): Promise<LoadedRules> {
  const catalogue = loadCatalogue();
  const ids = (only ?? [...catalogue.keys()]).filter((id) => !catalogue.get(id)?.engine && levelOf(catalogue.get(id), settings) !== "off");
  const rules = await Promise.all(
    ids.map(async (id): Promise<Rule> => {
      const loader = ruleLoaders[id];
      if (!loader) throw new Error(`rule ${id} is in the catalogue but has no module under src/rules/`);
      return loader();
    }),
  );
  sharedData ??= loadRuleData();
  return {
    message: rules.filter((rule): rule is MessageRule => rule.kind === "message"),
    dns: rules.filter((rule): rule is DnsRule => rule.kind === "dns"),
    data: sharedData,
    settings,
  };
}

export function levelOf(meta: RuleMeta | undefined, settings: RuleSettings): Level {
  if (!meta) return "off";
  return settings.levels?.[meta.id] ?? meta.severity;
}

export function runMessageRules(message: MessageModel, rules: LoadedRules): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules.message) {
    const context = contextFor(rule.id, rules);
    const found = guarded(rule.id, () => rule.check(message, context), rules.settings);
    if (found.length > 0) findings.push(...found);
  }
  return findings;
}

export function runDnsRules(facts: AuthFacts, rules: LoadedRules, message?: MessageModel): Finding[] {
  return rules.dns.flatMap((rule) =>
    guarded(rule.id, () => rule.check(facts, { ...contextFor(rule.id, rules), ...(message ? { message } : {}) }), rules.settings),
  );
}

/**
 * One rule's findings, or an internal-error finding when the rule throws: a bug of ours on one odd
 * message must not take the other rules' findings or the rest of a batch with it (SpamAssassin skips a
 * failing test and warns; the run still ends with exit 2, see src/cli/check.ts).
 */
function guarded(id: string, check: () => readonly RawFinding[], settings: RuleSettings): Finding[] {
  let raw: readonly RawFinding[];
  try {
    raw = check();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.MAIL_PREFLIGHT_DEBUG) process.stderr.write(`mail-preflight: rule ${id} failed: ${(error as Error)?.stack ?? reason}\n`);
    return stamp(INTERNAL_ERROR, [{ message: `The rule ${id} failed on this message, so its check is missing from this result: ${reason}`, evidence: id }], settings);
  }
  // most rules find nothing in most messages
  return raw.length > 0 ? stamp(id, raw, settings) : [];
}

/** The engine rule a failing rule becomes. */
export const INTERNAL_ERROR = "internal-error";

// A rule's context is the same for every message checked with one rule set: made once, not per message.
const contexts = new WeakMap<LoadedRules, Map<string, RuleContext>>();

function contextFor(id: string, rules: LoadedRules): RuleContext {
  let byId = contexts.get(rules);
  if (!byId) contexts.set(rules, (byId = new Map()));
  let context = byId.get(id);
  if (!context) {
    const meta = loadCatalogue().get(id);
    context = { data: rules.data, options: { ...meta?.options, ...rules.settings.options?.[id] } };
    byId.set(id, context);
  }
  return context;
}

/** Catalogue metadata onto raw findings; a level from settings overrides the finding's own severity. */
export function stamp(id: string, raw: readonly RawFinding[], settings: RuleSettings): Finding[] {
  const meta = loadCatalogue().get(id);
  if (!meta) throw new Error(`finding for unknown rule ${id}`);
  const override = settings.levels?.[id];
  if (override === "off") return [];
  return raw.map((finding) => ({
    ruleId: id,
    category: meta.category,
    severity: override ?? finding.severity ?? meta.severity,
    score: meta.score,
    message: finding.message,
    ...(finding.evidence !== undefined ? { evidence: finding.evidence } : {}),
    ...(finding.location ? { location: finding.location } : {}),
    fix: meta.fix,
  }));
}
