// One run: inputs → parse once → rules (and DNS audits unless offline) → report.
// Also the library API: `import { preflight } from "mail-preflight"`.
import type { Level, RawFinding } from "./rules/types.js";
import type { Finding, LoadedRules, RuleSettings } from "./rules/engine.js";
import type { MessageModel } from "./message/model.js";
import type { Report, Result } from "./report/types.js";
import type { InputMessage } from "./cli/inputs.js";
import type { RuleOverride } from "./cli/overrides.js";
import type { Limits } from "./limits.js";
import type { RunResolver } from "./dns/index.js";
import { UnreadableInputError } from "./cli/errors.js";
import { collectGarbage, LARGE_MESSAGE_BYTES } from "./gc.js";

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
  /** Per-path rule levels and options (config "overrides"); later matches win. */
  readonly overrides?: readonly RuleOverride[];
  /** Resource limits (src/limits.ts; config "limits"); defaults for those not given. */
  readonly limits?: Partial<Limits>;
}

export interface RawInput {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** "eml" unless the name ends in .html/.htm. */
  readonly kind?: "eml" | "html";
  /** The file the bytes came from, when there is one (reported as Result.file, used by SARIF). */
  readonly path?: string;
}

/** Check messages given as bytes (the library entry point). */
export async function preflight(inputs: readonly RawInput[], options: PreflightOptions = {}): Promise<Report> {
  const { buildReport } = await import("./report/build.js");
  const session = await startSession(options);
  const results: Result[] = [];
  for (const input of inputs) {
    const kind = input.kind ?? (/\.html?$/i.test(input.name) ? "html" : "eml");
    results.push(
      await session.check({ name: input.name, kind, firstLine: 1, ...(input.path !== undefined ? { path: input.path } : {}), read: async () => Buffer.from(input.bytes) }),
    );
  }
  return buildReport(results);
}

export interface Session {
  check(input: InputMessage): Promise<Result>;
}

export interface SessionHooks {
  /** Called with each parsed message (the HTML report keeps its HTML for the preview). */
  readonly onParsed?: (input: InputMessage, message: MessageModel) => void;
}

/** Rules loaded once and (later) a DNS resolver and cache shared by every input of the run. */
export async function startSession(options: PreflightOptions, hooks: SessionHooks = {}): Promise<Session> {
  const [{ loadRules, runMessageRules, stamp }, { readMessage, buildModel }, { buildResult }, { loadCatalogue }, { settingsFor }, { applyInlineDisables }] =
    await Promise.all([
      import("./rules/engine.js"),
      import("./message/parse.js"),
      import("./report/build.js"),
      import("./rules/catalogue.js"),
      import("./cli/overrides.js"),
      import("./report/inline-disables.js"),
    ]);
  const dnsChecker = await (await import("./dns-check.js")).createDnsChecker(options);
  const baseSettings: RuleSettings = {
    ...(options.rules ? { levels: options.rules } : {}),
    ...(options.ruleOptions ? { options: options.ruleOptions } : {}),
  };
  // one rule set per distinct per-path settings; modules are imported once whatever the count
  const ruleSets = new Map<string, Promise<LoadedRules>>();
  const rulesWith = (settings: RuleSettings) => {
    const key = JSON.stringify(settings);
    if (!ruleSets.has(key)) ruleSets.set(key, loadRules(settings));
    return ruleSets.get(key)!;
  };

  return {
    async check(input) {
      const settings = settingsFor(input.path, baseSettings, options.overrides ?? []);
      const rules = await rulesWith(settings);
      let bytes: Buffer | undefined;
      try {
        bytes = await input.read();
      } catch (error) {
        // listed but unreadable when its turn came (removed, EIO, stdin over the limit): reported in
        // the report like any input, so the rest of the batch and the document stay whole
        if (!(error instanceof UnreadableInputError)) throw error;
        return buildResult(input.name, undefined, stamp("unreadable-input", [{ message: `The input could not be read: ${error.reason}.`, evidence: error.reason }], settings), {}, undefined, input);
      }
      let message: MessageModel;
      // only DKIM verification reads the bytes after parsing, and an offline run has none
      let raw: Buffer | undefined;
      try {
        const fields = await readMessage(bytes, input.name, {
          kind: input.kind,
          ...(options.from !== undefined ? { from: options.from } : {}),
          ...(options.subject !== undefined ? { subject: options.subject } : {}),
          ...(options.limits ? { limits: options.limits } : {}),
        });
        raw = options.offline ? undefined : bytes;
        const large = bytes.byteLength >= LARGE_MESSAGE_BYTES;
        bytes = undefined;
        // before the DOM is built: the input (offline) and the garbage of decoding it go now
        if (large) collectGarbage();
        message = buildModel(fields);
      } catch (error) {
        // mailparser gave up: the input is still reported, as one finding, never as a crash
        const findings = stamp("unparseable-message", [{ message: `The message could not be parsed: ${(error as Error).message}` }], settings);
        return buildResult(input.name, undefined, findings, {}, undefined, input);
      }
      hooks.onParsed?.(input, message);
      const findings: Finding[] = runMessageRules(message, rules);
      const domain = options.domain ?? message.from?.domain;
      const unaskedBefore = dnsChecker.resolver?.stats().overQueryLimit ?? 0;
      const dns = await dnsChecker.check({ ...(domain ? { domain } : {}), message, ...(raw ? { raw } : {}) }, rules, settings);
      findings.push(...dns.findings, ...dnsLimitFindings(dnsChecker.resolver, unaskedBefore, settings, stamp));
      const disabled = applyInlineDisables(message, findings, new Set(loadCatalogue().keys()));
      const reported = [...disabled.findings, ...stamp("unused-disable", disabled.unused, settings)];
      return buildResult(input.name, message, reported, dns.checks, domain, input);
    },
  };
}

/** A limit-exceeded finding for the lookups this message's audit could not ask (limits.maxDnsQueries). */
function dnsLimitFindings(
  resolver: RunResolver | undefined,
  unaskedBefore: number,
  settings: RuleSettings,
  stamp: (id: string, raw: readonly RawFinding[], settings: RuleSettings) => Finding[],
): Finding[] {
  if (!resolver) return [];
  const { overQueryLimit, maxQueries } = resolver.stats();
  const unasked = overQueryLimit - unaskedBefore;
  if (unasked <= 0) return [];
  const message = `${unasked} DNS lookups were not asked: the run reached its limit of ${maxQueries} DNS queries, so their checks ended as temperror (limit maxDnsQueries).`;
  return stamp("limit-exceeded", [{ message, evidence: "maxDnsQueries" }], settings);
}
