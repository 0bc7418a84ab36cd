// How create reports what went wrong: errors are collected per object and printed together at the
// end (kubectl's CheckErr of an aggregate: one message per line), and errors about a manifest name
// the file they came from (AddSourceToErr).
import { StatusError } from '../../client/errors.ts';
import { isKubectlError } from '../errors.ts';

/** StandardErrorMessage, or the bare text: one line of an aggregate. */
export function messageForError(e: Error): string {
  if (e instanceof StatusError) {
    const s = e.status;
    if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message ?? ''})`;
    return s.reason ? `Error from server (${s.reason}): ${e.message}` : `Error from server: ${e.message}`;
  }
  if (isKubectlError(e) && e.name === 'ConnectionError') return e.kubectlMessage();
  return e.message;
}

/** Several errors, printed one per line, exit code 1. */
export class AggregateFailure extends Error {
  readonly exitCode = 1;
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join(', '));
  }
  kubectlMessage(): string {
    return this.errors.map((e) => `${messageForError(e)}\n`).join('');
  }
}

/** An aggregate inside an aggregate prints as one line: `[first, second]` (repeats dropped). */
export function nested(errors: Error[]): Error {
  const messages = [...new Set(errors.map((e) => e.message))];
  return new Error(messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`);
}

export function throwAll(errors: Error[]): never {
  throw errors.length === 1 ? errors[0]! : new AggregateFailure(errors);
}

/** AddSourceToErr: `error when creating "f.yaml": <message>`, inside the Status when there is one. */
export function withSource(err: unknown, verb: string, source: string | undefined): Error {
  const e = err instanceof Error ? err : new Error(String(err));
  if (!source) return e;
  const prefix = `error when ${verb} ${JSON.stringify(source)}: `;
  if (e instanceof StatusError) return new StatusError({ ...e.status, message: prefix + (e.status.message ?? '') }, e.code);
  return new Error(prefix + e.message);
}
