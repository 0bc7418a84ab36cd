// How get ends with errors: several per-object errors one per line after what could be printed
// (CheckErr on an aggregate), and the klog fatal line kubectl dies with on an unsortable field.
import { klogLine } from '../klog.ts';
import { CliError, MultipleErrors, aggregate } from '../errors.ts';
import type { Writer } from '../io.ts';

export { MultipleErrors };

/** Throws the errors collected while visiting objects, as kubectl reports them. */
export function fail(errors: Error[]): never {
  throw aggregate(errors);
}

export const toError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

export const isNotFound = (e: unknown): boolean => (e as { reason?: unknown } | null)?.reason === 'NotFound';

/**
 * kubectl's klog.Exitf in sorter.go: the table sorter (rows of a server Table) and the object
 * sorter die on different lines. Prints the line; the thrown error only sets the exit code.
 */
export function unsortable(message: string, err: Writer): CliError {
  const location = message.includes('[][][]reflect.Value') ? 'sorter.go:375' : 'sorter.go:329';
  err.write(`F${klogLine('I', location, message).slice(1)}`);
  return new CliError('', 1);
}
