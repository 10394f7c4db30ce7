// `mail-preflight check`: options (config file, then command line) → session over every input → report.
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "./errors.js";
import { exceedsFailOn, parseFailOn, parseFormat, parseIp, parseLevel, parseRuleLevels, parseTimeout, type FailOn, type Format } from "./options.js";
import { findConfig } from "./config.js";
import { expandInputs } from "./inputs.js";
import { loadCatalogue } from "../rules/catalogue.js";
import type { PreflightOptions } from "../preflight.js";
import type { Level } from "../rules/types.js";
import type { Report } from "../report/types.js";

const DEFAULT_MAX_INPUT_BYTES = 64 * 1024 * 1024;

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
  const messages = await expandInputs(inputs, { maxInputBytes: DEFAULT_MAX_INPUT_BYTES }, readStdin);
  if (messages.length === 0) throw new UsageError(`no .eml, .html, .htm or .mbox file found in ${inputs.join(", ")}`);

  const { startSession } = await import("../preflight.js");
  const { buildReport } = await import("../report/build.js");
  const session = await startSession(settings.preflight);
  const results = [];
  for (const message of messages) results.push(await session.check(message));
  const report = buildReport(results);

  await writeReport(report, settings);
  const severities = report.results.flatMap((result) => result.findings.map((finding) => finding.severity));
  return exceedsFailOn(severities, settings.failOn) ? EXIT_FINDINGS : EXIT_OK;
}

function resolveSettings(cli: Record<string, unknown>): CheckSettings {
  const config = findConfig(cli.config as string | undefined);
  const fromConfig = config?.values ?? {};
  const known = new Set(loadCatalogue().keys());
  const where = config ? `config ${config.path}` : "config";
  const pick = <T>(key: string, cliKey = key): T | undefined => (cli[cliKey] ?? fromConfig[key]) as T | undefined;

  for (const key of Object.keys(fromConfig)) {
    if (!CONFIG_KEYS.has(key)) throw new UsageError(`${where}: unknown key "${key}"`);
  }
  const configRules = (fromConfig.rules ?? {}) as Record<string, unknown>;
  if (typeof configRules !== "object" || Array.isArray(configRules)) throw new UsageError(`${where}: "rules" must be an object of rule id → level`);
  const levels: Record<string, Level> = {};
  for (const [id, level] of Object.entries(configRules)) {
    if (!known.has(id)) throw new UsageError(`${where}: rules."${id}" is not a rule id (see: mail-preflight rules)`);
    levels[id] = parseLevel(level, `${where}: rules."${id}"`);
  }
  Object.assign(levels, parseRuleLevels((cli.rule as string[] | undefined) ?? [], known));

  const ips = [...((fromConfig.ip as string[] | undefined) ?? []), ...((cli.ip as string[] | undefined) ?? [])].map(parseIp);
  const timeout = pick<string | number>("timeout");
  const format = pick<string>("format");
  const failOn = pick<string>("failOn");
  const preflight: PreflightOptions = {
    ...optional("domain", pick<string>("domain")),
    ...optional("from", pick<string>("from")),
    ...optional("subject", pick<string>("subject")),
    ...optional("returnPath", pick<string>("returnPath")),
    ...(ips.length ? { ips } : {}),
    ...optional("dkimSelectors", (cli.dkimSelector as string[] | undefined) ?? (fromConfig.dkimSelector as string[] | undefined)),
    ...optional("resolver", pick<string>("resolver")),
    offline: Boolean(pick<boolean>("offline")),
    ...(timeout !== undefined ? { timeoutMs: parseTimeout(String(timeout)) } : {}),
    rules: levels,
  };
  return {
    preflight,
    format: parseFormat(format ?? "text"),
    ...optional("output", pick<string>("output")),
    ...optional("baseline", pick<string>("baseline")),
    failOn: parseFailOn(failOn ?? "error"),
  };
}

const CONFIG_KEYS = new Set([
  "$schema",
  "domain",
  "from",
  "subject",
  "returnPath",
  "ip",
  "dkimSelector",
  "resolver",
  "offline",
  "timeout",
  "format",
  "output",
  "baseline",
  "failOn",
  "rules",
]);

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

async function writeReport(report: Report, settings: CheckSettings): Promise<void> {
  const toFile = settings.output !== undefined;
  const text = await render(report, settings.format, !toFile && useColour());
  if (!toFile) {
    process.stdout.write(text);
    return;
  }
  const { writeFileAtomic } = await import("./write-atomic.js");
  await writeFileAtomic(settings.output!, text);
}

async function render(report: Report, format: Format, colour: boolean): Promise<string> {
  switch (format) {
    case "json":
      return (await import("../format/json.js")).formatJson(report);
    case "text":
      return (await import("../format/text.js")).formatText(report, { color: colour });
    default:
      throw new UsageError(`--format ${format} is not available yet`);
  }
}

function useColour(): boolean {
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== "0") return true;
  return Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined && process.env.TERM !== "dumb";
}

async function readStdin(): Promise<Buffer> {
  if (process.stdin.isTTY) throw new UsageError("input - reads a message from stdin, but stdin is a terminal");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
