// ktl's side of the offline printing comparison: the generic print flags as `kubectl patch --local`
// parses them, printerFor, and kubectl's way of reporting a printer error (`error: ...`, exit 1).
import { printerFor } from '../../src/printers/index.ts';

export interface PrintResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Parses -o/--output, --template, --allow-missing-template-keys and --show-managed-fields. */
export function parsePrintFlags(flags: string[]) {
  let output = '';
  let outputChanged = false;
  let template: string | undefined;
  let allowMissingTemplateKeys = true;
  let showManagedFields = false;
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i]!;
    const value = () => flags[++i]!;
    if (f === '-o' || f === '--output') {
      output = value();
      outputChanged = true;
    } else if (f.startsWith('--output=')) {
      output = f.slice('--output='.length);
      outputChanged = true;
    } else if (f === '--template') template = value();
    else if (f.startsWith('--template=')) template = f.slice('--template='.length);
    else if (f.startsWith('--allow-missing-template-keys')) allowMissingTemplateKeys = !f.endsWith('=false');
    else if (f === '--show-managed-fields') showManagedFields = true;
    else throw new Error(`unsupported flag ${f}`);
  }
  return { output, outputChanged, template, allowMissingTemplateKeys, showManagedFields };
}

/** Prints `obj` as `kubectl patch --local ... <flags>` would (its success operation is "patched"). */
export async function printLocally(obj: unknown, flags: string[]): Promise<PrintResult> {
  const f = parsePrintFlags(flags);
  let stdout = '';
  try {
    const printer = await printerFor(f.output, { ...f, mode: 'generic', operation: 'patched' });
    printer.printObj(obj, { write: (s: string) => (stdout += s) });
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    // kubectl (and report()) add a newline only when the message lacks one
    const message = `error: ${(e as Error).message}`;
    return { code: 1, stdout, stderr: message.endsWith('\n') ? message : `${message}\n` };
  }
}
