// -o json and -o yaml as printers: cli-runtime's JSONPrinter (indented; a watch event on one
// compact line), YAMLPrinter (`---` before every object after its first) and the wrapper that
// drops metadata.managedFields unless --show-managed-fields.
import { marshalGoJson } from '../api/jsonpath/go-format.ts';
import { toJson } from './json.ts';
import { MISSING_KIND, PrinterError, WatchEvent, hasKind, isList, isObject } from './objects.ts';
import type { KubeObject, ResourcePrinter, Writer } from './objects.ts';
import { toYaml } from './yaml.ts';

export interface JsonPrinterOptions {
  /** Keep the object's own key order (typed objects built locally print in struct order). */
  keepKeyOrder?: boolean;
}

export class JsonPrinter implements ResourcePrinter {
  constructor(private readonly options: JsonPrinterOptions = {}) {}

  printObj(obj: unknown, w: Writer): void {
    if (obj instanceof WatchEvent) {
      // metav1.WatchEvent marshals type before object
      w.write(`{"type":${marshalGoJson(obj.type)},"object":${marshalGoJson(obj.object)}}\n`);
      return;
    }
    if (!hasKind(obj)) throw new PrinterError(MISSING_KIND);
    w.write(toJson(obj, { sortKeys: !this.options.keepKeyOrder }));
  }
}

export class YamlPrinter implements ResourcePrinter {
  private printCount = 0;

  printObj(obj: unknown, w: Writer): void {
    if (++this.printCount > 1) w.write('---\n');
    if (obj instanceof WatchEvent) {
      w.write(toYaml({ type: obj.type, object: obj.object }));
      return;
    }
    if (!hasKind(obj)) throw new PrinterError(MISSING_KIND);
    w.write(toYaml(obj));
  }
}

function withoutManagedFields(obj: unknown): unknown {
  if (!isObject(obj) || !isObject(obj.metadata) || !('managedFields' in obj.metadata)) return obj;
  const { managedFields: _, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/** OmitManagedFieldsPrinter: drops metadata.managedFields of the object or of each list item. */
export class OmitManagedFieldsPrinter implements ResourcePrinter {
  constructor(readonly delegate: ResourcePrinter) {}

  printObj(obj: unknown, w: Writer): void {
    if (isList(obj)) obj = { ...obj, items: obj.items.map(withoutManagedFields) } as KubeObject;
    else obj = withoutManagedFields(obj);
    this.delegate.printObj(obj, w);
  }
}
