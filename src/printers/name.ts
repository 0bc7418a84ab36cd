// cli-runtime's NamePrinter: `kind[.group]/name`, kind lower-cased, plus ` <operation>` (created,
// configured, deleted (dry run), ...) unless it is -o name.
import { MISSING_KIND, PrinterError, WatchEvent, groupKindOf, hasKind, isList, metadataOf } from './objects.ts';
import type { GroupKind, ResourcePrinter, Writer } from './objects.ts';

/** One line of name output. */
export function formatName(gk: GroupKind, name: string, operation = ''): string {
  const type = gk.kind.toLowerCase() + (gk.group ? `.${gk.group}` : '');
  return `${type}/${name}${operation ? ` ${operation}` : ''}\n`;
}

export class NamePrinter implements ResourcePrinter {
  /**
   * @param operation what happened (`created`, `deleted (dry run)`), printed after the name
   * @param shortOutput -o name: the name alone
   */
  constructor(
    readonly operation = '',
    readonly shortOutput = false,
  ) {}

  printObj(obj: unknown, w: Writer): void {
    if (obj instanceof WatchEvent) obj = obj.object;
    if (isList(obj)) {
      for (const item of obj.items) this.printObj(item, w);
      return;
    }
    if (!hasKind(obj)) throw new PrinterError(MISSING_KIND);
    const name = metadataOf(obj)?.name;
    // GetObjectGroupKind: no kind prints as `<unknown>`, group dropped
    const found = groupKindOf(obj);
    const gk = found.kind ? found : { group: '', kind: '<unknown>' };
    w.write(formatName(gk, typeof name === 'string' && name ? name : '<unknown>', this.shortOutput ? '' : this.operation));
  }
}
