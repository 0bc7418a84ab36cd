// What every printer shares: the printer interface, the objects printers are handed (decoded JSON,
// lists, server Tables, watch events) and their errors.
import type { Writer } from './tabwriter.ts';

export type { Writer } from './tabwriter.ts';

/** A decoded API object (unstructured JSON). */
export type KubeObject = Record<string, unknown>;

/** cli-runtime's ResourcePrinter: prints one object (or list, Table, watch event) to a writer. */
export interface ResourcePrinter {
  printObj(obj: unknown, w: Writer): void;
}

/**
 * A printer's failure; its message is exactly what kubectl prints after `error: `, including a
 * trailing newline when kubectl's has one (report() then adds none).
 */
export class PrinterError extends Error {
  override name = 'PrinterError';
  readonly exitCode = 1;
}

/** metav1.WatchEvent: how watch output hands printers an object with its event type. */
export class WatchEvent {
  constructor(
    readonly type: string,
    readonly object: unknown,
  ) {}
}

/** The JSON value of what a printer is handed, as kubectl marshals it (a watch event is `{type, object}`). */
export function toJsonValue(obj: unknown): unknown {
  const value = obj instanceof WatchEvent ? { type: obj.type, object: obj.object } : obj;
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export interface GroupKind {
  group: string;
  kind: string;
}

export const isObject = (v: unknown): v is KubeObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** unstructured's IsList: an `items` array makes a list. */
export function isList(obj: unknown): obj is KubeObject & { items: unknown[] } {
  return isObject(obj) && Array.isArray(obj.items);
}

export interface TableColumnDefinition {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
}

export interface TableRow {
  cells: unknown[];
  /** The row's object as the server sent it (PartialObjectMetadata by default). */
  object?: unknown;
  conditions?: unknown[];
}

export interface Table {
  apiVersion: string;
  kind: 'Table';
  metadata?: KubeObject;
  columnDefinitions?: TableColumnDefinition[];
  rows?: TableRow[];
}

const TABLE_VERSIONS = new Set(['meta.k8s.io/v1', 'meta.k8s.io/v1beta1']);

/** A server-side Table (meta.k8s.io v1 or v1beta1), as kubectl's get recognises one. */
export function isTable(obj: unknown): obj is Table {
  return isObject(obj) && obj.kind === 'Table' && TABLE_VERSIONS.has(obj.apiVersion as string);
}

/** The group and kind an object's apiVersion/kind name; group '' is the core group. */
export function groupKindOf(obj: unknown): GroupKind {
  if (!isObject(obj)) return { group: '', kind: '' };
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const slash = apiVersion.indexOf('/');
  return { group: slash >= 0 ? apiVersion.slice(0, slash) : '', kind: typeof obj.kind === 'string' ? obj.kind : '' };
}

/** schema.GroupKind.String(): `Kind` or `Kind.group`. */
export const groupKindString = (gk: GroupKind): string => (gk.group ? `${gk.kind}.${gk.group}` : gk.kind);

export function metadataOf(obj: unknown): KubeObject | undefined {
  return isObject(obj) && isObject(obj.metadata) ? obj.metadata : undefined;
}

export const MISSING_KIND = 'missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type';

/** Whether apiVersion/kind are set: the JSON, YAML and name printers refuse objects without. */
export function hasKind(obj: unknown): boolean {
  return isObject(obj) && ((typeof obj.kind === 'string' && obj.kind !== '') || (typeof obj.apiVersion === 'string' && obj.apiVersion !== ''));
}

/** An unsortable --sort-by field: kubectl dies with a klog fatal line rather than an error. */
export class UnsortableFieldError extends PrinterError {
  override name = 'UnsortableFieldError';
}
