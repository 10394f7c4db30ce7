// The only error that reaches the CLI on purpose: bad usage or input that cannot be read. Exit 2, one line.
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** Standard output closed by its reader (EPIPE): the status of a tool killed by SIGPIPE (src/cli/closed-output.ts). */
export const EXIT_OUTPUT_CLOSED = 141;
