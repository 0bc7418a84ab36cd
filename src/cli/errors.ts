// Errors a command throws and the one function that prints them, in kubectl's layout.
import type { Io } from './io.ts';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function report(err: unknown, io: Io, _program = 'ktl'): void {
  const message = err instanceof Error ? err.message : String(err);
  // A CliError without text only sets the exit code: the command already said what it had to.
  if (err instanceof CliError && message === '') return;
  io.err.write(`error: ${message}\n`);
}
