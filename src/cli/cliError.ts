/** A failure the CLI reports as one line on stderr with an exit code (2 for usage errors). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** A usage error: unknown flag, missing argument, unknown format. Exit code 2. */
export function usage(message: string): CliError {
  return new CliError(`${message}\nRun with --help for usage.`, 2);
}
