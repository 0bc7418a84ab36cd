// -o go-template / --template: cli-runtime's GoTemplatePrinter. The object goes through JSON and
// back (numbers become int64 or float64), then through the template; when execution fails,
// kubectl writes a debugging dump to the output before failing.
import { goQuote, marshalGoJson } from '../api/jsonpath/go-format.ts';
import { TemplateExecError, formatValue, fromJson, parseGoTemplate } from './gotemplate/index.ts';
import type { GoTemplate } from './gotemplate/index.ts';
import { PrinterError, toJsonValue } from './objects.ts';
import type { ResourcePrinter, Writer } from './objects.ts';

export class GoTemplatePrinter implements ResourcePrinter {
  private readonly template: GoTemplate;

  /** Throws TemplateParseError (kubectl: `error parsing template <text>, <message>`). */
  constructor(
    readonly rawTemplate: string,
    readonly allowMissingKeys = true,
  ) {
    this.template = parseGoTemplate(rawTemplate);
  }

  printObj(obj: unknown, w: Writer): void {
    const data = toJsonValue(obj);
    try {
      this.template.execute(data, (s) => w.write(s), { missingKeyError: !this.allowMissingKeys });
    } catch (e) {
      if (!(e instanceof TemplateExecError)) throw e;
      w.write(
        `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
          `\ttemplate was:\n\t\t${this.rawTemplate}\n` +
          `\traw data was:\n\t\t${marshalGoJson(data)}\n` +
          `\tobject given to template engine was:\n\t\t${formatValue(fromJson(data))}\n\n`,
      );
      throw new PrinterError(`error executing template ${goQuote(this.rawTemplate)}: ${e.message}`);
    }
  }
}
