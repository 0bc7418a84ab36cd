// kubectl get's human-readable output loop (get.go Run), minus the fetching: one table printer per
// resource type, widths forgotten when the type changes, one blank line between types that
// printed something, --sort-by applied to each server Table. Feed it the fetched objects in order.
import { tablePrinter } from './select.ts';
import type { PrintOptions } from './select.ts';
import { PrinterError, UnsortableFieldError, isTable } from './objects.ts';
import type { GroupKind, ResourcePrinter, Table, Writer } from './objects.ts';
import { TabWriter } from './tabwriter.ts';

export interface ResourceMapping extends GroupKind {
  /** The resource (plural) name: a new one starts a new table. */
  resource: string;
  namespaced: boolean;
}

export interface GetTableOptions extends Pick<PrintOptions, 'noHeaders' | 'showLabels' | 'labelColumns' | 'showKind' | 'now'> {
  /** '' or 'wide'. */
  output?: '' | 'wide';
  /** -A: NAMESPACE column for namespaced resources. */
  allNamespaces?: boolean;
  /** More than one kind was requested: names print as kind[.group]/name. */
  multipleKinds?: boolean;
  sortBy?: string;
}

export class GetTableOutput {
  /** Bytes written so far: kubectl says "No resources found" when nothing was. */
  written = 0;
  private separatorReady = false;
  private readonly w: TabWriter;
  private last: string | undefined;
  private printer: ResourcePrinter | undefined;

  /** The output loop; the sorter (JSONPath and all) loads only for --sort-by. */
  static async create(out: Writer, options: GetTableOptions = {}): Promise<GetTableOutput> {
    const sortTable = options.sortBy ? (await import('./sort.ts')).sortTable : undefined;
    return new GetTableOutput(out, options, sortTable);
  }

  private constructor(
    out: Writer,
    private readonly options: GetTableOptions,
    private readonly sortTable: ((table: Table, sortBy: string) => Table) | undefined,
  ) {
    this.w = new TabWriter({
      write: (s: string) => {
        if (s.length > 0 && this.separatorReady) {
          out.write('\n');
          this.separatorReady = false;
        }
        this.written += s.length;
        out.write(s);
      },
    });
  }

  /**
   * Prints one fetched object (a Table, list or object) of `mapping`. Like kubectl, a printer's
   * failure prints nothing and is dropped, except an unsortable --sort-by field, which is fatal.
   */
  print(obj: unknown, mapping: ResourceMapping): void {
    const o = this.options;
    if (mapping.resource !== this.last || !this.printer) {
      this.w.flush();
      this.w.setRememberedWidths(null);
      if (this.last !== undefined && !o.noHeaders && this.written > 0) this.separatorReady = true;
      this.last = mapping.resource;
      this.printer = tablePrinter(o.output ?? '', {
        mode: 'get', noHeaders: o.noHeaders, showLabels: o.showLabels, labelColumns: o.labelColumns, now: o.now,
        showKind: o.showKind || o.multipleKinds, kind: mapping, withNamespace: !!o.allNamespaces && mapping.namespaced,
      });
    }
    try {
      // kubectl sorts a Table's rows when it has more than one
      const body = o.sortBy && this.sortTable && isTable(obj) && (obj.rows?.length ?? 0) > 1 ? this.sortTable(obj, o.sortBy) : obj;
      this.printer.printObj(body, this.w);
    } catch (e) {
      if (e instanceof UnsortableFieldError || !(e instanceof PrinterError)) throw e;
    }
  }

  /** Writes out what is buffered (call once at the end). */
  flush(): void {
    this.w.flush();
  }
}
