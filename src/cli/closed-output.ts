// What a run does when its standard output or error stops taking bytes. Without a listener, node
// reports the stream's 'error' event as an uncaught exception: a stack trace and exit 1.
import { EXIT_OUTPUT_CLOSED, EXIT_USAGE } from "./errors.js";

/**
 * Installed once per process, before anything is written: main() may run more than once in one
 * process (the tests' in-process calls), and each call would otherwise add another listener.
 */
export function handleOutputErrors(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (!stream.listeners("error").includes(onOutputError)) stream.on("error", onOutputError);
  }
}

function onOutputError(error: NodeJS.ErrnoException): void {
  // EPIPE: the reader went away (`mail-preflight check … | head -1`). grep, cat and every C tool die
  // of SIGPIPE there, which a shell reports as 128 + 13 = 141, the status `set -o pipefail` sees from
  // `grep … | head -1`; node ignores SIGPIPE, so the run ends with that status itself, at once (the
  // rest would be checked for nobody) and silently (the reader has what it asked for). Not 0 or 1:
  // the run was cut short, so it cannot say whether a finding reached --fail-on; not 2 with a line,
  // as ESLint's crash handler does: closing a pipe early is what the user asked for, not a failure.
  if (error.code === "EPIPE") process.exit(EXIT_OUTPUT_CLOSED);
  // anything else (ENOSPC on `> /dev/full`, EIO): the report is lost, so say so in one line
  process.stderr.write(`mail-preflight: cannot write the report to standard output: ${error.code ?? error.message}\n`);
  process.exit(EXIT_USAGE);
}
