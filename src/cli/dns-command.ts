// `mail-preflight dns <domain>`: the authentication audit alone, no message.
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "./errors.js";
import { exceedsFailOn, parseFailOn, parseFormat, parseIp, parseRuleLevels, parseTimeout } from "./options.js";
import { writeReport } from "./check.js";
import { loadCatalogue } from "../rules/catalogue.js";
import { normaliseDomain } from "../domain/index.js";

export async function runDns(domainArgument: string, cli: Record<string, unknown>): Promise<number> {
  const domain = normaliseDomain(domainArgument);
  if (!/^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/i.test(domain)) {
    throw new UsageError(`"${domainArgument}" is not a domain name`);
  }
  const ips = ((cli.ip as string[] | undefined) ?? []).map(parseIp);
  const levels = parseRuleLevels((cli.rule as string[] | undefined) ?? [], new Set(loadCatalogue().keys()));
  const format = parseFormat((cli.format as string | undefined) ?? "text");
  const failOn = parseFailOn((cli.failOn as string | undefined) ?? "error");
  const timeoutMs = cli.timeout !== undefined ? parseTimeout(String(cli.timeout)) : undefined;

  const [{ loadRules }, { createDnsChecker }, { buildReport, buildResult }] = await Promise.all([
    import("../rules/engine.js"),
    import("../dns-check.js"),
    import("../report/build.js"),
  ]);
  const settings = { levels };
  const rules = await loadRules(settings);
  const checker = await createDnsChecker({
    ...(cli.resolver !== undefined ? { resolver: cli.resolver as string } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(ips.length ? { ips } : {}),
    ...(cli.dkimSelector ? { dkimSelectors: cli.dkimSelector as string[] } : {}),
  });
  const outcome = await checker.check({ domain }, rules, settings);
  const report = buildReport([buildResult(domain, undefined, outcome.findings, outcome.checks, domain)]);
  await writeReport(report, { preflight: {}, format, failOn, ...(cli.output ? { output: cli.output as string } : {}) }, new Map());
  const severities = report.results.flatMap((result) => result.findings.map((finding) => finding.severity));
  return exceedsFailOn(severities, failOn) ? EXIT_FINDINGS : EXIT_OK;
}
