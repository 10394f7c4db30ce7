// The only error that reaches the CLI on purpose: bad usage or input that cannot be read. Exit 2, one line.
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/**
 * An input listed for the run that could not be read when its turn came (removed since, EIO, over the
 * size limit on stdin). The session reports it as an unreadable-input finding, so a batch's report stays
 * whole; the run still ends with exit 2. Caught nowhere else, it is a UsageError like any other.
 */
export class UnreadableInputError extends UsageError {
  constructor(
    /** Why, in a few words: "EIO", "permission denied", "over the input limit of … bytes". */
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** Standard output closed by its reader (EPIPE): the status of a tool killed by SIGPIPE (src/cli/closed-output.ts). */
export const EXIT_OUTPUT_CLOSED = 141;
