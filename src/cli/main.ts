// The command line. Loads only commander up front; parsing, rules and formatters come when a command runs.
import { Command, CommanderError, Option } from "commander";
import { EXIT_OK, EXIT_USAGE, UsageError } from "./errors.js";
import { toolVersion } from "../version.js";
import { handleOutputErrors } from "./closed-output.js";

export async function main(argv: readonly string[]): Promise<number> {
  handleOutputErrors();
  const program = new Command("mail-preflight")
    .description("Deliverability preflight: checks an email draft and its sending domain before you send.")
    .version(toolVersion(), "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      // commander's own usage errors: keep its one line, drop the help dump
      writeErr: (text) => {
        const first = text.trim().split("\n")[0];
        if (first) process.stderr.write(`mail-preflight: ${first.replace(/^error: /, "")}\n`);
      },
    })
    .showHelpAfterError(false);

  let exitCode = EXIT_OK;
  const collect = (value: string, previous: string[] = []) => [...previous, value];

  program
    .command("check")
    .description("check messages (.eml), templates (.html), mbox files, directories, globs, or - for stdin")
    .argument("[inputs...]", "files, directories or globs; - reads one message from stdin")
    .option("--domain <domain>", "sending domain to audit (default: the From address's domain)")
    .option("--from <address>", "From address (templates; overrides the header)")
    .option("--subject <text>", "Subject (templates)")
    .option("--return-path <address>", "envelope sender (default: Return-Path header, else From)")
    .option("--ip <address>", "a sending IP (repeatable)", collect)
    .option("--dkim-selector <selector>", "DKIM selector to check (repeatable)", collect)
    .option("--resolver <spec>", "DNS server host[:port] or https:// DoH URL (default: system resolvers)")
    .option("--offline", "no network: DNS rules are reported as skipped")
    .option("--timeout <ms>", "the whole DNS budget of the run in ms (default 10000)")
    .addOption(new Option("--format <format>", "text, json, sarif, markdown or html"))
    .option("--output <file>", "write the report to a file (atomically) instead of stdout")
    .option("--baseline <file>", "an earlier JSON report: only new findings are reported")
    .option("--fail-on <level>", "lowest severity that makes the exit code 1: error, warning, info, never")
    .option("--rule <id=level>", "override a rule: off, info, warning or error (repeatable)", collect)
    .option("--config <file>", "JSON config file (default: mail-preflight.config.json from the working directory up)")
    .action(async (inputs: string[], options: Record<string, unknown>) => {
      const { runCheck } = await import("./check.js");
      exitCode = await runCheck(inputs, options);
    });

  program
    .command("dns")
    .description("the authentication audit of a sending domain alone: SPF, DKIM, DMARC, MX, PTR, blocklists")
    .argument("<domain>", "the sending domain")
    .option("--ip <address>", "a sending IP (repeatable)", collect)
    .option("--dkim-selector <selector>", "DKIM selector to check (repeatable)", collect)
    .option("--resolver <spec>", "DNS server host[:port] or https:// DoH URL (default: system resolvers)")
    .option("--timeout <ms>", "the whole DNS budget in ms (default 10000)")
    .option("--format <format>", "text, json, sarif, markdown or html")
    .option("--output <file>", "write the report to a file (atomically) instead of stdout")
    .option("--fail-on <level>", "lowest severity that makes the exit code 1: error, warning, info, never")
    .option("--rule <id=level>", "override a rule: off, info, warning or error (repeatable)", collect)
    .action(async (domain: string, options: Record<string, unknown>) => {
      const { runDns } = await import("./dns-command.js");
      exitCode = await runDns(domain, options);
    });

  program
    .command("rules")
    .description("list every rule with its id, category, default severity, score, summary and reference")
    .option("--format <format>", "text or json", "text")
    .action(async (options: { format: string }) => {
      const { runRules } = await import("./rules-command.js");
      exitCode = await runRules(options);
    });

  try {
    await program.parseAsync(argv as string[], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed as one line
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`mail-preflight: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // a bug of ours: still one line for the user; the stack only on request
    process.stderr.write(`mail-preflight: internal error: ${(error as Error).message ?? String(error)}\n`);
    if (process.env.MAIL_PREFLIGHT_DEBUG) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
    return EXIT_USAGE;
  }
}

