// The meta.k8s.io Table shapes the server answers `Accept: application/json;as=Table` with, and the
// per-resource entry that turns one object into one row.
import type { KubeObject, ListMeta } from '../../api/object.ts';

/** A cell as JSON: Go's string, int64 and bool cells (never a float from a built-in printer). */
export type Cell = string | number | boolean | null;

export interface TableColumnDefinition {
  name: string;
  /** OpenAPI type: string, integer, number, boolean, date. */
  type: string;
  /** "name" marks the column kubectl treats as the object's name; otherwise "". */
  format: string;
  description: string;
  /** 0: always shown; 1: shown by kubectl only with -o wide. */
  priority: number;
}

export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface TableRow {
  cells: Cell[];
  conditions?: TableRowCondition[];
  /** Go's RawExtension: `null` when includeObject=None (the field is not omitted). */
  object: unknown;
}

export interface Table {
  kind: 'Table';
  apiVersion: string;
  metadata: ListMeta;
  /** `null` when noHeaders was asked for (watch events after the first). */
  columnDefinitions: TableColumnDefinition[] | null;
  /** `null` only from the default convertor on an empty list, as upstream. */
  rows: TableRow[] | null;
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableOptions {
  now: Date;
  /** Default Metadata: row.object is a PartialObjectMetadata. Anything else is a BadRequest. */
  includeObject?: IncludeObject | string;
  noHeaders?: boolean;
  /** Given when converting a list (its resourceVersion, continue, remainingItemCount); omit for a single get. */
  listMeta?: ListMeta;
  /** The Table's own apiVersion, "meta.k8s.io/v1" (default) or "meta.k8s.io/v1beta1" as negotiated. */
  apiVersion?: string;
}

/**
 * How one resource becomes table rows. Built-in kinds supply one each (src/server/tables/kinds/);
 * a CRD supplies one from its additionalPrinterColumns.
 */
export interface TableEntry {
  /** Every column, wide ones (priority 1) included: the server always prints wide and kubectl filters. */
  columns: readonly TableColumnDefinition[];
  /** One row's cells in column order. */
  row(obj: KubeObject, now: Date): Cell[];
  /** Row conditions (a finished pod's Completed). */
  conditions?(obj: KubeObject): TableRowCondition[] | undefined;
  /** Reorders a list before printing (flowschemas print by precedence). */
  order?(objects: KubeObject[]): KubeObject[];
  /** Convertor quirks outside the printers: the default one leaves an empty list's rows null. */
  emptyRows?: 'null';
  /** kube-aggregator's APIService convertor sends columns even when noHeaders is asked for. */
  ignoresNoHeaders?: boolean;
}
