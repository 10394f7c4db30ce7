// The shape of a rule. A rule module holds only its check; metadata lives in the catalogue
// (rules/catalogue/*.json) and the engine stamps it onto each finding.
import type { Location, MessageModel } from "../message/model.js";
import type { AuthFacts } from "../audit/facts.js";
import type { RuleData } from "./data.js";

export type Severity = "error" | "warning" | "info";
export type Level = Severity | "off";
export type Category = "authentication" | "dns" | "reputation" | "headers" | "content" | "list-hygiene";

/** What a check returns: the rule's own words about one problem. */
export interface RawFinding {
  readonly message: string;
  /** The offending text exactly as found (a URL, a header value, a phrase). */
  readonly evidence?: string;
  readonly location?: Location;
  /** Override the catalogue severity for this finding (e.g. dkim-weak-key: error under 1024, warning under 2048). */
  readonly severity?: Severity;
}

export interface RuleContext {
  readonly data: RuleData;
  /** Options for this rule: catalogue defaults merged with config. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** A rule over the parsed message (content, headers, list hygiene). */
export interface MessageRule {
  readonly id: string;
  readonly kind: "message";
  check(message: MessageModel, ctx: RuleContext): readonly RawFinding[];
}

/** A rule over the DNS facts of the sending domain (and the message, when there is one). */
export interface DnsRule {
  readonly id: string;
  readonly kind: "dns";
  check(facts: AuthFacts, ctx: RuleContext & { readonly message?: MessageModel }): readonly RawFinding[];
}

export type Rule = MessageRule | DnsRule;

/** One catalogue entry (rules/catalogue/*.json). */
export interface RuleMeta {
  readonly id: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly score: number;
  readonly summary: string;
  readonly rationale: string;
  readonly fix: string;
  readonly references: readonly string[];
  /** Needs DNS: skipped (reported as dns-skipped) with --offline. */
  readonly network?: boolean;
  /** SpamAssassin rules with the same intent, for the corpus comparison. */
  readonly spamassassin?: readonly string[];
  readonly options?: Readonly<Record<string, unknown>>;
  /** Reported by the engine itself (unparseable input, skipped DNS), not by a rule module. */
  readonly engine?: boolean;
}
