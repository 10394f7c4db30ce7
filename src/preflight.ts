// One run: inputs → parse once → rules (and DNS audits unless offline) → report.
// Also the library API: `import { preflight } from "mail-preflight"`.
import type { Level } from "./rules/types.js";
import type { Finding } from "./rules/engine.js";
import type { MessageModel } from "./message/model.js";
import type { Report, Result } from "./report/types.js";
import type { InputMessage } from "./cli/inputs.js";

export interface PreflightOptions {
  /** Sending domain to audit; default: the From address's domain. */
  readonly domain?: string;
  readonly from?: string;
  readonly subject?: string;
  readonly returnPath?: string;
  readonly ips?: readonly string[];
  readonly dkimSelectors?: readonly string[];
  /** "host[:port]" or an https:// DoH URL; default: the system's resolvers. */
  readonly resolver?: string;
  readonly offline?: boolean;
  /** Whole DNS budget of the run in ms (default 10000). */
  readonly timeoutMs?: number;
  /** Rule levels: id → off | info | warning | error. */
  readonly rules?: Readonly<Record<string, Level>>;
  readonly ruleOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface RawInput {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** "eml" unless the name ends in .html/.htm. */
  readonly kind?: "eml" | "html";
}

/** Check messages given as bytes (the library entry point). */
export async function preflight(inputs: readonly RawInput[], options: PreflightOptions = {}): Promise<Report> {
  const { buildReport } = await import("./report/build.js");
  const session = await startSession(options);
  const results: Result[] = [];
  for (const input of inputs) {
    const kind = input.kind ?? (/\.html?$/i.test(input.name) ? "html" : "eml");
    results.push(await session.check({ name: input.name, kind, firstLine: 1, read: async () => Buffer.from(input.bytes) }));
  }
  return buildReport(results);
}

export interface Session {
  check(input: InputMessage): Promise<Result>;
}

/** Rules loaded once and (later) a DNS resolver and cache shared by every input of the run. */
export async function startSession(options: PreflightOptions): Promise<Session> {
  const [{ loadRules, runMessageRules, stamp }, { parseMessage }, { buildResult }, { loadCatalogue }] = await Promise.all([
    import("./rules/engine.js"),
    import("./message/parse.js"),
    import("./report/build.js"),
    import("./rules/catalogue.js"),
  ]);
  const settings = { ...(options.rules ? { levels: options.rules } : {}), ...(options.ruleOptions ? { options: options.ruleOptions } : {}) };
  const rules = await loadRules(settings);
  const networkRuleIds = rules.dns.map((rule) => rule.id);

  return {
    async check(input) {
      const bytes = await input.read();
      let message: MessageModel;
      try {
        message = await parseMessage(bytes, input.name, {
          kind: input.kind,
          ...(options.from !== undefined ? { from: options.from } : {}),
          ...(options.subject !== undefined ? { subject: options.subject } : {}),
        });
      } catch (error) {
        // mailparser gave up: the input is still reported, as one finding, never as a crash
        const findings = stamp("unparseable-message", [{ message: `The message could not be parsed: ${(error as Error).message}` }], settings);
        return buildResult(input.name, undefined, findings);
      }
      const findings: Finding[] = runMessageRules(message, rules);
      const domain = options.domain ?? message.from?.domain;
      if (networkRuleIds.length > 0 && loadCatalogue().has("dns-skipped")) {
        const reason = options.offline ? "--offline" : "the DNS audit is not available in this build";
        findings.push(
          ...stamp(
            "dns-skipped",
            [{ message: `DNS checks skipped (${reason}): ${networkRuleIds.join(", ")}`, evidence: networkRuleIds.join(" ") }],
            settings,
          ),
        );
      }
      return buildResult(input.name, message, findings, {}, domain);
    },
  };
}
