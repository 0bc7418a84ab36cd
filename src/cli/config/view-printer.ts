// The printers `config view` offers (cli-runtime's PrintFlags with yaml as the default): json,
// yaml, name, jsonpath and Go templates, chosen and checked as kubectl does, so that the same
// flags fail with the same messages. Only for the one object config view prints.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { jsonPathParseErrorMessage } from '../../api/jsonpath/kubectl.ts';
import { CliError } from '../errors.ts';
import type { Flags } from '../flags.ts';
import { goPathError } from '../../kubeconfig/fs-errors.ts';
import { toJson } from '../../printers/json.ts';
import { toYaml } from '../../printers/yaml.ts';
import type { Writer } from '../io.ts';

export type PrintObject = (obj: Record<string, unknown>, out: Writer) => void | Promise<void>;

const JSONPATH_FORMATS = ['jsonpath', 'jsonpath-as-json', 'jsonpath-file'];
const TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'template', 'templatefile'];
const ALLOWED = [...TEMPLATE_FORMATS, 'json', ...JSONPATH_FORMATS, 'name', 'yaml'].sort();

class NoCompatiblePrinter extends Error {}

const noPrinter = (format: string) =>
  new CliError(`unable to match a printer suitable for the output format ${JSON.stringify(format)}, allowed formats are: ${ALLOWED.join(',')}`);

/** `-o jsonpath=X` / `--template X -o jsonpath`: the format and its template text. */
function templateOf(format: string, formats: string[], templateFlag: string): { format: string; template: string } {
  if (!templateFlag && !format) throw new NoCompatiblePrinter();
  let template = templateFlag;
  if (!templateFlag) {
    const prefix = formats.find((f) => format.startsWith(`${f}=`));
    if (prefix) {
      template = format.slice(prefix.length + 1);
      format = prefix;
    }
  }
  if (!formats.includes(format)) throw new NoCompatiblePrinter();
  if (!template) throw new CliError('template format specified but no template given');
  return { format, template };
}

function readTemplate(path: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, path), 'utf8');
  } catch (err) {
    throw new CliError(`error reading --template ${path}, ${goPathError(err, path)}`);
  }
}

async function jsonPathPrinter(format: string, template: string, allowMissingKeys: boolean, cwd: string): Promise<PrintObject> {
  const text = format === 'jsonpath-file' ? readTemplate(template, cwd) : template;
  // Printer modules load only when asked for (they bring the template engine along).
  const { JsonPathPrinter } = await import('../../printers/jsonpath-printer.ts');
  let printer: InstanceType<typeof JsonPathPrinter>;
  try {
    printer = new JsonPathPrinter(text, { allowMissingKeys, outputJson: format === 'jsonpath-as-json' });
  } catch (err) {
    throw new CliError(jsonPathParseErrorMessage(text, err as Error));
  }
  return (obj, out) => printer.printObj(obj, out);
}

async function goTemplatePrinter(format: string, template: string, allowMissingKeys: boolean, cwd: string): Promise<PrintObject> {
  const text = format === 'templatefile' || format === 'go-template-file' ? readTemplate(template, cwd) : template;
  const [{ GoTemplatePrinter }, { TemplateParseError }] = await Promise.all([
    import('../../printers/template.ts'),
    import('../../printers/gotemplate/index.ts'),
  ]);
  let printer: InstanceType<typeof GoTemplatePrinter>;
  try {
    printer = new GoTemplatePrinter(text, allowMissingKeys);
  } catch (err) {
    if (err instanceof TemplateParseError) throw new CliError(`error parsing template ${text}, ${err.message}`);
    throw err;
  }
  return (obj, out) => printer.printObj(obj, out);
}

/** cli-runtime's PrintFlags.ToPrinter for config view. */
export async function viewPrinter(flags: Flags, cwd: string): Promise<PrintObject> {
  let format = flags.string('output');
  const templateFlag = flags.string('template');
  if (templateFlag && !flags.changed('output')) format = 'go-template';
  if (format === 'json') return (obj, out) => void out.write(toJson(obj, { sortKeys: false }));
  if (format === 'yaml') return (obj, out) => void out.write(toYaml(obj));
  if (format === 'name') return (obj, out) => void out.write(`${String(obj.kind).toLowerCase()}/<unknown>\n`);
  const allowMissingKeys = flags.bool('allow-missing-template-keys');
  try {
    const t = templateOf(format, JSONPATH_FORMATS, templateFlag);
    return await jsonPathPrinter(t.format, t.template, allowMissingKeys, cwd);
  } catch (err) {
    if (!(err instanceof NoCompatiblePrinter)) throw err;
  }
  try {
    const t = templateOf(format, TEMPLATE_FORMATS, templateFlag);
    return await goTemplatePrinter(t.format, t.template, allowMissingKeys, cwd);
  } catch (err) {
    if (!(err instanceof NoCompatiblePrinter)) throw err;
  }
  throw noPrinter(format);
}
