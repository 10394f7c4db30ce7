// `mail-preflight check`: options (config file, then command line) → session over every input → report.
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UnreadableInputError, UsageError } from "./errors.js";
import { exceedsFailOn, parseFailOn, parseFormat, parseIp, parseRuleLevels, parseTimeout, type FailOn, type Format } from "./options.js";
import { checkConfig, findConfig } from "./config.js";
import { expandInputs } from "./inputs.js";
import { loadCatalogue } from "../rules/catalogue.js";
import type { PreflightOptions, SessionHooks } from "../preflight.js";
import { resolve } from "node:path";
import type { Level, Severity } from "../rules/types.js";
import type { Report, Result } from "../report/types.js";
import { resolveLimits, type Limits } from "../limits.js";

export interface CheckSettings {
  readonly preflight: PreflightOptions;
  readonly format: Format;
  readonly output?: string;
  readonly baseline?: string;
  readonly failOn: FailOn;
}

export async function runCheck(inputs: readonly string[], cli: Record<string, unknown>): Promise<number> {
  if (inputs.length === 0) throw new UsageError("check needs at least one input (a file, directory, glob, or - for stdin)");
  const settings = resolveSettings(cli);
  const { maxInputBytes } = resolveLimits(settings.preflight.limits);
  // usage, known before anything is read or printed
  if (inputs.includes("-") && process.stdin.isTTY) throw new UsageError("input - reads a message from stdin, but stdin is a terminal");
  const listed = await expandInputs(inputs, { maxInputBytes }, () => readStdin(maxInputBytes));
  if (listed.length === 0) throw new UsageError(`no .eml, .html, .htm or .mbox file found in ${inputs.join(", ")}`);
  // An input that cannot be read when its turn comes is a result of its own (unreadable-input), so the
  // report stays one whole document; the run still ends with exit 2 and one line naming the first.
  const unreadable: { index: number; error: UnreadableInputError }[] = [];
  const messages = listed.map((message, index) => ({
    ...message,
    read: () =>
      message.read().catch((error: unknown) => {
        if (error instanceof UnreadableInputError) unreadable.push({ index, error });
        throw error;
      }),
  }));

  const baseline = settings.baseline !== undefined ? await (await import("./baseline.js")).readBaseline(settings.baseline) : undefined;

  const { buildReport } = await import("../report/build.js");
  // the HTML report previews each message; only it keeps their HTML
  const previews = new Map<string, string>();
  const hooks: SessionHooks = {
    ...(settings.format === "html" ? { onParsed: (input, message) => message.html && previews.set(input.name, message.html.content) } : {}),
  };
  const progress = (await import("./progress.js")).progressBar(messages.length, process.stderr);
  // a rule that threw on a message is a finding of that result (internal-error); the run still ends with exit 2
  const failedRules: { input: string; rule: string }[] = [];
  const onResult = (result: Result) => {
    progress.tick(result.input);
    for (const finding of result.findings) if (finding.ruleId === "internal-error") failedRules.push({ input: result.input, rule: finding.evidence ?? "?" });
  };
  const checked = (await import("../batch/index.js")).checkAll(messages, { preflight: settings.preflight, hooks, onResult });
  if (settings.format === "json" && !baseline && settings.output === undefined) {
    // printed as results come: a 10,000-message run never holds every result
    const { severities } = await (await import("../batch/json-stream.js")).streamJsonReport(checked, process.stdout);
    progress.done();
    return exitCode([...severities], settings.failOn, unreadable, failedRules);
  }
  const results = [];
  for await (const result of checked) results.push(result);
  progress.done();
  let report = buildReport(results);
  if (baseline) report = (await import("../report/baseline.js")).applyBaseline(report, baseline);

  await writeReport(report, settings, previews);
  const severities = report.results.flatMap((result) => result.findings.map((finding) => finding.severity));
  return exitCode(severities, settings.failOn, unreadable, failedRules);
}

function exitCode(
  severities: readonly Severity[],
  failOn: FailOn,
  unreadable: readonly { index: number; error: UnreadableInputError }[],
  failedRules: readonly { input: string; rule: string }[],
): number {
  if (unreadable.length > 0) {
    const first = unreadable.reduce((a, b) => (b.index < a.index ? b : a)).error.message;
    const more = unreadable.length > 1 ? ` (and ${unreadable.length - 1} more input${unreadable.length > 2 ? "s" : ""})` : "";
    process.stderr.write(`mail-preflight: ${first}${more}; the report lists ${unreadable.length > 1 ? "them" : "it"} as unreadable-input\n`);
    return EXIT_USAGE;
  }
  if (failedRules.length > 0) {
    const [first] = failedRules;
    const more = failedRules.length > 1 ? ` (and ${failedRules.length - 1} more rule failure${failedRules.length > 2 ? "s" : ""})` : "";
    process.stderr.write(`mail-preflight: internal error: rule ${first!.rule} failed on ${first!.input}${more}; the report lists ${failedRules.length > 1 ? "them" : "it"} as internal-error\n`);
    return EXIT_USAGE;
  }
  return exceedsFailOn(severities, failOn) ? EXIT_FINDINGS : EXIT_OK;
}

function resolveSettings(cli: Record<string, unknown>): CheckSettings {
  const catalogue = loadCatalogue();
  const found = findConfig(cli.config as string | undefined);
  const config = found ? checkConfig(found, catalogue) : undefined;
  const fromConfig = config?.values ?? {};
  // paths in the config file are relative to it, as in every tool with a config file
  const configPath = (key: string) => (typeof fromConfig[key] === "string" ? resolve(config!.dir, fromConfig[key] as string) : undefined);
  const pick = <T>(key: string): T | undefined => (cli[key] ?? fromConfig[key]) as T | undefined;
  const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? (value as string[]) : [value as string]);

  const cliLevels = parseRuleLevels((cli.rule as string[] | undefined) ?? [], new Set(catalogue.keys()));
  const levels = { ...config?.rules.levels, ...cliLevels };
  // --rule wins over the file, per-path overrides included
  const withoutCliRules = (fileLevels: Readonly<Record<string, Level>>) =>
    Object.fromEntries(Object.entries(fileLevels).filter(([id]) => !(id in cliLevels))) as Record<string, Level>;
  const ips = [...list(fromConfig.ip), ...list(cli.ip)].map(parseIp);
  const dkimSelectors = cli.dkimSelector !== undefined ? list(cli.dkimSelector) : list(fromConfig.dkimSelector);
  const timeout = pick<string | number>("timeout");
  const format = pick<string>("format");
  const failOn = pick<string>("failOn");
  const preflight: PreflightOptions = {
    ...optional("domain", pick<string>("domain")),
    ...optional("from", pick<string>("from")),
    ...optional("subject", pick<string>("subject")),
    ...optional("returnPath", pick<string>("returnPath")),
    ...(ips.length ? { ips } : {}),
    ...(dkimSelectors.length ? { dkimSelectors } : {}),
    ...optional("resolver", pick<string>("resolver")),
    offline: Boolean(pick<boolean>("offline")),
    ...(timeout !== undefined ? { timeoutMs: parseTimeout(String(timeout)) } : {}),
    rules: levels,
    ...(config && Object.keys(config.rules.options).length ? { ruleOptions: config.rules.options } : {}),
    ...(fromConfig.limits !== undefined ? { limits: fromConfig.limits as Partial<Limits> } : {}),
    ...(config?.overrides.length
      ? { overrides: config.overrides.map((override) => ({ files: override.files, base: config.dir, rules: withoutCliRules(override.rules.levels), ruleOptions: override.rules.options })) }
      : {}),
  };
  return {
    preflight,
    format: parseFormat(format ?? "text"),
    ...optional("output", (cli.output as string | undefined) ?? configPath("output")),
    ...optional("baseline", (cli.baseline as string | undefined) ?? configPath("baseline")),
    failOn: parseFailOn(failOn ?? "error"),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export async function writeReport(report: Report, settings: CheckSettings, previews: ReadonlyMap<string, string>): Promise<void> {
  const toFile = settings.output !== undefined;
  const text = await render(report, settings.format, !toFile && useColour(), previews);
  if (!toFile) {
    process.stdout.write(text);
    return;
  }
  const { writeFileAtomic } = await import("./write-atomic.js");
  await writeFileAtomic(settings.output!, text);
}

async function render(report: Report, format: Format, colour: boolean, previews: ReadonlyMap<string, string>): Promise<string> {
  switch (format) {
    case "json":
      return (await import("../format/json.js")).formatJson(report);
    case "text":
      return (await import("../format/text.js")).formatText(report, { color: colour });
    case "sarif":
      return (await import("../format/sarif.js")).formatSarif(report, loadCatalogue());
    case "markdown":
      return (await import("../format/markdown.js")).formatMarkdown(report);
    case "html":
      return (await import("../format/html.js")).formatHtml(report, { previews });
  }
}

function useColour(): boolean {
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== "0") return true;
  return Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined && process.env.TERM !== "dumb";
}

async function readStdin(maxInputBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).byteLength;
    // stop reading at the limit: an endless pipe must not fill memory
    if (size > maxInputBytes) {
      const reason = `over the input limit of ${maxInputBytes} bytes (limits.maxInputBytes)`;
      throw new UnreadableInputError(reason, `standard input is ${reason}`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
