// Printer selection: what -o/--output, --template and friends select, with kubectl's rules and
// error texts. Two flavours, as in kubectl:
//   - 'generic' (genericclioptions.PrintFlags: create, apply, patch, label, ...): json, yaml,
//     name (and '' = the success message `kind/name <operation>`), go-template*, jsonpath*;
//   - 'get' (kubectl get's PrintFlags): the above plus '' / wide (tables), custom-columns*.
// Either way the printer's errors are PrinterErrors carrying kubectl's message.
import { readFileSync } from 'node:fs';
import { JsonPrinter, OmitManagedFieldsPrinter, YamlPrinter } from './json-yaml-printers.ts';
import { NamePrinter } from './name.ts';
import { PrinterError, isObject } from './objects.ts';
import type { GroupKind, KubeObject, ResourcePrinter } from './objects.ts';
import { TablePrinter } from './table.ts';

export interface PrintOptions {
  /** Which -o values the command accepts (see the module comment). Default 'generic'. */
  mode?: 'generic' | 'get';
  /** --template. */
  template?: string;
  /** Whether -o was given (generic: --template implies go-template only when it was not). */
  outputChanged?: boolean;
  /** --allow-missing-template-keys (default true). */
  allowMissingTemplateKeys?: boolean;
  /** --show-managed-fields: keep metadata.managedFields in json/yaml. */
  showManagedFields?: boolean;
  /** The name printer's operation for -o '' (`created`, `configured (dry run)`). */
  operation?: string;
  /** -o json keeps the object's key order (typed objects built locally). */
  keepKeyOrder?: boolean;
  /** The formats named in the "unable to match a printer" error; defaults to the mode's. */
  allowedFormats?: string[];
  /** Reads -o *-file=PATH files (default: fs.readFileSync relative to the process' cwd). */
  readFile?: (path: string) => string;

  // get only: tables and custom columns
  noHeaders?: boolean;
  /** --show-kind (get also sets it when several kinds are printed). */
  showKind?: boolean;
  showLabels?: boolean;
  /** -L / --label-columns. */
  labelColumns?: string[];
  /** -A for a namespaced kind. */
  withNamespace?: boolean;
  /** The kind printed (for --show-kind). */
  kind?: GroupKind;
  /** The clock for client-side ages. */
  now?: () => Date;
}

const JSON_YAML = ['json', 'yaml'];
const NAME = ['name'];
const GO_TEMPLATE = ['go-template', 'go-template-file', 'template', 'templatefile'];
const JSONPATH = ['jsonpath', 'jsonpath-as-json', 'jsonpath-file'];
const CUSTOM_COLUMNS = ['custom-columns', 'custom-columns-file'];

/** The -o values a command accepts, in the order kubectl lists them in its help. */
export function outputFormats(mode: 'generic' | 'get' = 'generic'): string[] {
  const generic = [...JSON_YAML, ...NAME, ...GO_TEMPLATE, ...JSONPATH];
  return mode === 'get' ? [...generic, ...CUSTOM_COLUMNS, 'wide'] : generic;
}

class NoCompatiblePrinter extends Error {}

/** NoCompatiblePrinterError's text; the list is sorted. */
export function noPrinterMessage(output: string, allowed: string[]): string {
  return `unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: ${[...allowed].sort().join(',')}`;
}

/** kubectl get's validation: --show-labels only goes with tables. */
export function checkShowLabels(output: string, showLabels: boolean | undefined): void {
  if (showLabels && output !== '' && output !== 'wide') throw new PrinterError(`--show-labels option cannot be used with ${output} printer`);
}

/** How Go's os package words a failed read (`open x: no such file or directory`). */
export function goFileError(err: unknown, path: string): string {
  const code = (err as NodeJS.ErrnoException).code;
  const texts: Record<string, string> = {
    ENOENT: 'no such file or directory', EACCES: 'permission denied', ENOTDIR: 'not a directory', EISDIR: 'is a directory',
  };
  const text = texts[code ?? ''] ?? (err as Error).message;
  return code === 'EISDIR' ? `read ${path}: ${text}` : `open ${path}: ${text}`;
}

const defaultReadFile = (path: string) => readFileSync(path, 'utf8');

/** `name=value` formats: the format and the value after '=' (or the --template value). */
function splitFormat(format: string, known: string[], template: string): [string, string] {
  if (template) return [format, template];
  for (const f of known) if (format.startsWith(`${f}=`)) return [f, format.slice(f.length + 1)];
  return [format, ''];
}

// The template, jsonpath and custom-columns printers load only when chosen: they are most of the
// printers' code, and a plain table should not pay for them at start-up.
async function templatePrinter(format: string, o: PrintOptions): Promise<ResourcePrinter> {
  const template = o.template ?? '';
  if (!template && !format) throw new NoCompatiblePrinter();
  const read = o.readFile ?? defaultReadFile;
  const readTemplate = (path: string) => {
    try {
      return read(path);
    } catch (e) {
      throw new PrinterError(`error reading --template ${path}, ${goFileError(e, path)}`);
    }
  };
  const allowMissingKeys = o.allowMissingTemplateKeys ?? true;

  const [jpFormat, jpValue] = splitFormat(format, JSONPATH, template);
  if (JSONPATH.includes(jpFormat)) {
    if (!jpValue) throw new PrinterError('template format specified but no template given');
    const text = jpFormat === 'jsonpath-file' ? readTemplate(jpValue) : jpValue;
    const [{ JsonPathPrinter }, { JsonPathError }, { jsonPathParseErrorMessage }] = await Promise.all([
      import('./jsonpath-printer.ts'), import('../api/jsonpath/jsonpath.ts'), import('../api/jsonpath/kubectl.ts'),
    ]);
    try {
      return new JsonPathPrinter(text, { allowMissingKeys, outputJson: jpFormat === 'jsonpath-as-json' });
    } catch (e) {
      if (e instanceof JsonPathError) throw new PrinterError(jsonPathParseErrorMessage(text, e));
      throw e;
    }
  }
  const [gtFormat, gtValue] = splitFormat(format, GO_TEMPLATE, template);
  if (!GO_TEMPLATE.includes(gtFormat)) throw new NoCompatiblePrinter();
  if (!gtValue) throw new PrinterError('template format specified but no template given');
  const text = gtFormat === 'templatefile' || gtFormat === 'go-template-file' ? readTemplate(gtValue) : gtValue;
  const [{ GoTemplatePrinter }, { TemplateParseError }] = await Promise.all([import('./template.ts'), import('./gotemplate/index.ts')]);
  try {
    return new GoTemplatePrinter(text, allowMissingKeys);
  } catch (e) {
    if (e instanceof TemplateParseError) throw new PrinterError(`error parsing template ${text}, ${e.message}`);
    throw e;
  }
}

function jsonYamlPrinter(format: string, o: PrintOptions): ResourcePrinter {
  const f = format.toLowerCase();
  const printer = f === 'json' ? new JsonPrinter({ keepKeyOrder: o.keepKeyOrder }) : f === 'yaml' ? new YamlPrinter() : undefined;
  if (!printer) throw new NoCompatiblePrinter();
  return o.showManagedFields ? printer : new OmitManagedFieldsPrinter(printer);
}

function namePrinter(format: string, o: PrintOptions): ResourcePrinter {
  const f = format.toLowerCase();
  if (f === 'name') return new NamePrinter(o.operation ?? '', true);
  if (f === '') return new NamePrinter(o.operation ?? '', false);
  throw new NoCompatiblePrinter();
}

/** The table printer for -o '' or wide (get's default path, kept synchronous and light). */
export function tablePrinter(format: string, o: PrintOptions): ResourcePrinter {
  if (format !== '' && format !== 'wide') throw new NoCompatiblePrinter();
  return new TablePrinter({
    kind: o.kind, withKind: o.showKind, noHeaders: o.noHeaders, wide: format === 'wide', withNamespace: o.withNamespace,
    columnLabels: o.labelColumns ?? [], showLabels: o.showLabels, now: o.now,
  });
}

async function customColumnsPrinter(format: string, o: PrintOptions): Promise<ResourcePrinter> {
  if (!format) throw new NoCompatiblePrinter();
  const [f, value] = splitFormat(format, CUSTOM_COLUMNS, o.template ?? '');
  if (!CUSTOM_COLUMNS.includes(f)) throw new NoCompatiblePrinter();
  if (!value) throw new PrinterError('custom-columns format specified but no custom columns given');
  const { CustomColumnsPrinter, parseCustomColumnsSpec, parseCustomColumnsTemplate } = await import('./custom-columns.ts');
  if (f === 'custom-columns') return new CustomColumnsPrinter(parseCustomColumnsSpec(value), o.noHeaders);
  let text: string;
  try {
    text = (o.readFile ?? defaultReadFile)(value);
  } catch (e) {
    // a directory opens fine in Go and then yields no lines
    if ((e as NodeJS.ErrnoException).code === 'EISDIR') text = '';
    // kubectl's message ends in a newline of its own (report() adds none then)
    else throw new PrinterError(`error reading template ${value}, ${goFileError(e, value)}\n`);
  }
  // the file's printer ignores --no-headers
  return new CustomColumnsPrinter(parseCustomColumnsTemplate(text), false);
}

/**
 * The printer for `-o <format>`; throws PrinterError with kubectl's text for unknown formats,
 * missing or unreadable templates and templates that do not parse.
 */
export async function printerFor(format: string, options: PrintOptions = {}): Promise<ResourcePrinter> {
  const mode = options.mode ?? 'generic';
  const allowed = options.allowedFormats ?? outputFormats(mode);
  const attempt = (...steps: ((f: string) => ResourcePrinter | Promise<ResourcePrinter>)[]) => async (f: string) => {
    for (const step of steps) {
      try {
        return await step(f);
      } catch (e) {
        if (!(e instanceof NoCompatiblePrinter)) throw e;
      }
    }
    return undefined;
  };
  const o = options;
  if (mode === 'get') {
    const f = o.template && !format ? 'go-template' : format;
    const printer = await attempt(
      (x) => templatePrinter(x, o),
      (x) => jsonYamlPrinter(x, o),
      (x) => tablePrinter(x, o),
      (x) => customColumnsPrinter(x, o),
      (x) => namePrinter(x, o),
    )(f);
    if (!printer) throw new PrinterError(noPrinterMessage(f, allowed));
    return printer;
  }
  // --template implies go-template unless -o was given
  const f = o.template && !o.outputChanged ? 'go-template' : format;
  const printer = await attempt(
    (x) => jsonYamlPrinter(x, o),
    (x) => namePrinter(x, o),
    (x) => templatePrinter(x, o),
  )(f);
  // upstream names the -o value as given here, not the implied one
  if (!printer) throw new PrinterError(noPrinterMessage(format, allowed));
  return printer;
}

/**
 * The items of a list as kubectl decodes them: a server list's items carry no apiVersion/kind,
 * so they get the list's apiVersion and its kind without "List" (PodList → Pod).
 */
export function listItems(list: KubeObject): KubeObject[] {
  const items = Array.isArray(list.items) ? (list.items as KubeObject[]) : [];
  const kind = typeof list.kind === 'string' && list.kind.endsWith('List') ? list.kind.slice(0, -'List'.length) : '';
  return items.map((item) => {
    if (!isObject(item) || item.kind || item.apiVersion) return item;
    return { ...item, apiVersion: list.apiVersion, kind };
  });
}

/**
 * What kubectl prints for several objects, or a list, in a non-table format: a v1 List with an
 * empty resourceVersion (kubectl get: more than one object, or a list was asked for).
 */
export function toList(items: readonly unknown[], resourceVersion = ''): KubeObject {
  return { apiVersion: 'v1', items: [...items], kind: 'List', metadata: { resourceVersion } };
}
