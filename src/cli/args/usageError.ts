/** A problem with the command line or the files it names: one line on stderr, exit 2, never a stack trace. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}

/** A flag misused (unknown, missing value, bad value): the same line, pointing at --help. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
