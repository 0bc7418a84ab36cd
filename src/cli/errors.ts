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

/** Errors that know their own kubectl text (API Status errors, connection failures). */
export interface KubectlError {
  /** The whole message kubectl prints, e.g. `Error from server (NotFound): pods "x" not found`. */
  kubectlMessage(): string;
  readonly exitCode?: number;
}

export function isKubectlError(e: unknown): e is KubectlError & Error {
  return e instanceof Error && typeof (e as Partial<KubectlError>).kubectlMessage === 'function';
}

/** CheckErr on an aggregate: every error on its own line, API errors in kubectl's words, none prefixed. */
export class MultipleErrors extends Error {
  readonly exitCode = 1;
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join('\n'));
  }
  kubectlMessage(): string {
    return this.errors.map((e) => (isKubectlError(e) ? e.kubectlMessage() : e.message)).join('\n');
  }
}

/** An aggregate of one is that error itself (CheckErr unwraps it). */
export function aggregate(errors: Error[]): Error {
  return errors.length === 1 ? errors[0]! : new MultipleErrors(errors);
}

export function exitCodeOf(err: unknown): number {
  if (err instanceof CliError) return err.exitCode;
  if (isKubectlError(err)) return err.exitCode ?? 1;
  return 1;
}

/** kubectl's CheckErr: `error: <message>`, or the error's own text; nothing for a bare exit code. */
export function report(err: unknown, io: Io, _program = 'ktl'): void {
  if (isKubectlError(err)) {
    io.err.write(withNewline(err.kubectlMessage()));
    return;
  }
  const message = err instanceof Error ? err.message : String(err);
  // A CliError without text only sets the exit code: the command already said what it had to.
  if (err instanceof CliError && message === '') return;
  io.err.write(withNewline(`error: ${message}`));
}

/** kubectl ends the message with a newline only when it lacks one. */
function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
