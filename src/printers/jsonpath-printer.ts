// -o jsonpath / jsonpath-file / jsonpath-as-json: cli-runtime's JSONPathPrinter over the engine in
// src/api/jsonpath. Nothing is written when evaluation fails; the error carries the dump.
import { jsonPathExecuteErrorMessage } from '../api/jsonpath/kubectl.ts';
import { JsonPathError, parseJsonPath } from '../api/jsonpath/jsonpath.ts';
import type { JsonPath } from '../api/jsonpath/jsonpath.ts';
import { PrinterError, toJsonValue } from './objects.ts';
import type { ResourcePrinter, Writer } from './objects.ts';

export interface JsonPathPrinterOptions {
  allowMissingKeys?: boolean;
  /** -o jsonpath-as-json: each result list as an indented JSON array. */
  outputJson?: boolean;
}


export class JsonPathPrinter implements ResourcePrinter {
  private readonly path: JsonPath;

  /** Throws JsonPathError (kubectl: `error parsing jsonpath <text>, <message>`). */
  constructor(
    readonly rawTemplate: string,
    readonly options: JsonPathPrinterOptions = {},
  ) {
    this.path = parseJsonPath(rawTemplate);
  }

  printObj(obj: unknown, w: Writer): void {
    const data = toJsonValue(obj);
    let text: string;
    try {
      text = this.path.execute(data, { allowMissingKeys: this.options.allowMissingKeys ?? true, outputJson: this.options.outputJson ?? false });
    } catch (e) {
      if (!(e instanceof JsonPathError)) throw e;
      throw new PrinterError(jsonPathExecuteErrorMessage(this.rawTemplate, e, data));
    }
    w.write(text);
  }
}
