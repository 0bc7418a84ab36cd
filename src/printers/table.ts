// kubectl's human-readable output (cli-runtime tableprinter.go): a server-side Table decorated with
// NAMESPACE, kind-qualified names, -L label columns and LABELS, printed through the tabwriter; any
// other object falls back to client-side NAME/AGE rows (STATUS/REASON/MESSAGE for a Status). The
// printer keeps state across calls, as watch output needs: headers print once per column set.
import { isDeepStrictEqual } from 'node:util';
import { since } from '../api/duration.ts';
import { formatLabels } from '../api/labels/format.ts';
import { formatGoValue } from '../api/jsonpath/go-format.ts';
import { WatchEvent, groupKindString, isList, isObject, isTable, metadataOf } from './objects.ts';
import type { GroupKind, ResourcePrinter, Table, TableColumnDefinition, TableRow, Writer } from './objects.ts';
import { TabWriter } from './tabwriter.ts';

export interface TablePrintOptions {
  noHeaders?: boolean;
  /** -A: a NAMESPACE column first (kubectl get sets it for namespaced kinds only). */
  withNamespace?: boolean;
  /** --show-kind, or several kinds requested: `kind[.group]/name` in the name column. */
  withKind?: boolean;
  /** The kind of what is printed; withKind needs it. */
  kind?: GroupKind;
  /** -o wide: columns with priority > 0 too. */
  wide?: boolean;
  showLabels?: boolean;
  /** -L: label keys shown as columns. */
  columnLabels?: string[];
  /** The clock for ages computed here (the NAME/AGE fallback). */
  now?: () => Date;
}

type Handler = 'default' | 'status';
type Row = { cells: unknown[]; object?: unknown };

const EVENT_NAMES: Record<string, string> = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ', ERROR: 'ERROR   ' };
const formatEventType = (type: string) => EVENT_NAMES[type] ?? type;

/** cli-runtime's EscapeTerminal: no escape sequences or carriage returns reach the terminal. */
export const escapeTerminal = (s: string) => s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

/** The -L header of a label key: its last `/` segment, upper-cased. */
export const labelHeader = (key: string) => key.split('/').pop()!.toUpperCase();

function labelCells(labels: unknown, options: TablePrintOptions): string[] {
  const values: string[] = [];
  const map = isObject(labels) ? labels : {};
  for (const key of options.columnLabels ?? []) values.push(Object.hasOwn(map, key) ? String(map[key]) : '');
  if (options.showLabels) values.push(formatLabels(labels));
  return values;
}

const hasKindOption = (o: TablePrintOptions) => !!o.withKind && !!o.kind && (o.kind.group !== '' || o.kind.kind !== '');
const kindPrefix = (o: TablePrintOptions) => groupKindString(o.kind!).toLowerCase();
const visible = (c: TableColumnDefinition, o: TablePrintOptions) => !!o.wide || !c.priority;

export class TablePrinter implements ResourcePrinter {
  private lastType: Handler | undefined;
  private lastColumns: TableColumnDefinition[] | undefined;
  private printedHeaders = false;

  constructor(readonly options: TablePrintOptions = {}) {}

  printObj(obj: unknown, w: Writer): void {
    const own = !(w instanceof TabWriter);
    const output = w instanceof TabWriter ? w : new TabWriter(w);
    try {
      let eventType = '';
      if (obj instanceof WatchEvent) {
        eventType = obj.type;
        obj = obj.object;
      }
      if (isTable(obj)) this.printServerTable(obj, eventType, output);
      else this.printFallback(obj, eventType, output);
    } finally {
      if (own) output.flush();
    }
  }

  private printServerTable(source: Table, eventType: string, output: Writer): void {
    const local = { ...this.options };
    let columns = source.columnDefinitions ?? [];
    // watch events may omit the columns: same columns as last time, so no second header
    if (this.printedHeaders && (columns.length === 0 || isDeepStrictEqual(columns, this.lastColumns))) local.noHeaders = true;
    if (columns.length === 0) columns = this.lastColumns ?? [];
    else if (!isDeepStrictEqual(columns, this.lastColumns)) {
      this.lastColumns = columns;
      this.printedHeaders = false;
    }
    const rows: Row[] = (source.rows ?? []).map((r: TableRow) => ({ cells: [...(r.cells ?? [])], object: r.object }));
    if (rows.length > 0) this.printedHeaders = true;
    columns = decorateTable(columns, rows, local);
    if (eventType) {
      columns = [{ name: 'Event', type: 'string' }, ...columns];
      for (const row of rows) row.cells = [formatEventType(eventType), ...row.cells];
    }
    printTable(columns, rows, output, local);
  }

  private printFallback(obj: unknown, eventType: string, output: Writer): void {
    const handler: Handler = isObject(obj) && obj.kind === 'Status' ? 'status' : 'default';
    const o = this.options;
    const includeHeaders = this.lastType !== handler && !o.noHeaders;
    if (this.lastType !== undefined && this.lastType !== handler && !o.noHeaders) output.write('\n');
    const rows = handler === 'status' ? statusRows(obj) : objectMetaRows(obj, o.now?.() ?? new Date());
    if (includeHeaders) {
      let headers = handler === 'status' ? ['STATUS', 'REASON', 'MESSAGE'] : ['NAME', 'AGE'];
      headers = [...headers, ...(o.columnLabels ?? []).map(labelHeader), ...(o.showLabels ? ['LABELS'] : [])];
      if (o.withNamespace) headers = ['NAMESPACE', ...headers];
      if (eventType) headers = ['EVENT', ...headers];
      output.write(`${headers.join('\t')}\n`);
    }
    for (const row of rows) {
      let line = '';
      if (eventType) line += `${formatEventType(eventType)}\t`;
      if (o.withNamespace) line += `${metaString(row.object, 'namespace')}\t`;
      row.cells.forEach((cell, i) => {
        if (i !== 0) line += '\t';
        else if (hasKindOption(o)) {
          line += `${kindPrefix(o)}/${String(cell)}`;
          return;
        }
        line += String(cell);
      });
      if (isObject(row.object) && ((o.columnLabels ?? []).length > 0 || o.showLabels)) {
        for (const value of labelCells(metadataOf(row.object)?.labels, o)) line += `\t${value}`;
      }
      output.write(`${line}\n`);
    }
    this.lastType = handler;
  }
}

/** An ObjectMeta string field as meta.Accessor reads it: '' unless a string. */
function metaString(obj: unknown, field: string): string {
  const v = metadataOf(obj)?.[field];
  return typeof v === 'string' ? v : '';
}

function objectMetaRows(obj: unknown, now: Date): Row[] {
  if (isList(obj)) return obj.items.flatMap((item) => objectMetaRows(item, now));
  return [{ object: obj, cells: [metaString(obj, 'name'), since(metadataOf(obj)?.creationTimestamp, now)] }];
}

function statusRows(obj: unknown): Row[] {
  const s = obj as Record<string, unknown>;
  return [{ object: obj, cells: [s.status ?? '', s.reason ?? '', s.message ?? ''] }];
}

/** decorateTable: NAMESPACE first, label columns last, kind-qualified names; rows change in place. */
function decorateTable(columns: TableColumnDefinition[], rows: Row[], o: TablePrintOptions): TableColumnDefinition[] {
  const labels = o.columnLabels ?? [];
  const width = columns.length + labels.length + (o.withNamespace ? 1 : 0) + (o.showLabels ? 1 : 0);
  const nameColumn = hasKindOption(o) ? columns.findIndex((c) => c.format === 'name' && c.type === 'string') : -1;
  let decorated = columns;
  if (width !== columns.length) {
    decorated = [
      ...(o.withNamespace ? [{ name: 'Namespace', type: 'string' }] : []),
      ...columns,
      ...labels.map((l) => ({ name: labelHeader(l), type: 'string' })),
      ...(o.showLabels ? [{ name: 'Labels', type: 'string' }] : []),
    ];
  }
  const includeLabels = labels.length > 0 || !!o.showLabels;
  if (!includeLabels && !o.withNamespace && nameColumn === -1) return decorated;
  for (const row of rows) {
    if (nameColumn !== -1) row.cells[nameColumn] = `${kindPrefix(o)}/${String(row.cells[nameColumn])}`;
    if (!isObject(row.object)) {
      if (o.withNamespace) row.cells = [null, ...row.cells];
      // upstream's loop compares against a length it grows as it goes: it adds half the cells
      for (let j = 0; j < width - row.cells.length; j++) row.cells.push(null);
      continue;
    }
    if (o.withNamespace) row.cells = [metaString(row.object, 'namespace'), ...row.cells];
    if (includeLabels) row.cells.push(...labelCells(metadataOf(row.object)?.labels, o));
  }
  return decorated;
}

function cellText(cell: unknown): string {
  if (typeof cell !== 'string') return escapeTerminal(formatGoValue(cell));
  // tabwriter would take these for line breaks: cut the cell there
  const cut = cell.search(/[\f\n\r]/);
  return cut >= 0 ? `${escapeTerminal(cell.slice(0, cut))}...` : escapeTerminal(cell);
}

function printTable(columns: TableColumnDefinition[], rows: Row[], output: Writer, o: TablePrintOptions): void {
  if (!o.noHeaders) {
    if (rows.length === 0) return;
    output.write(`${columns.filter((c) => visible(c, o)).map((c) => c.name.toUpperCase()).join('\t')}\n`);
  }
  for (const row of rows) {
    const parts: string[] = [];
    for (let i = 0; i < row.cells.length && i < columns.length; i++) {
      if (!visible(columns[i]!, o)) continue;
      const cell = row.cells[i];
      parts.push(cell === null || cell === undefined ? '' : cellText(cell));
    }
    output.write(`${parts.join('\t')}\n`);
  }
}
