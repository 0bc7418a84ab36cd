// Building the meta.k8s.io Table for a get, list or watch event (printers' GenerateTable with
// Wide: true, then handlers/response.go asTable for row.object).
import type { KubeObject, ListMeta, ObjectMeta } from '../../api/object.ts';
import { badRequest } from '../status.ts';
import { builtinEntry, defaultTable } from './builtin.ts';
import type { Table, TableColumnDefinition, TableEntry, TableOptions, TableRow } from './types.ts';

/** ObjectMeta's JSON fields in Go's order, and which are dropped when empty (omitempty). */
const OBJECT_META: [string, 'always' | 'omitempty'][] = [
  ['name', 'omitempty'], ['generateName', 'omitempty'], ['namespace', 'omitempty'], ['selfLink', 'omitempty'],
  ['uid', 'omitempty'], ['resourceVersion', 'omitempty'], ['generation', 'omitempty'], ['creationTimestamp', 'always'],
  ['deletionTimestamp', 'omitempty'], ['deletionGracePeriodSeconds', 'omitempty'], ['labels', 'omitempty'],
  ['annotations', 'omitempty'], ['ownerReferences', 'omitempty'], ['finalizers', 'omitempty'], ['managedFields', 'omitempty'],
];

function isEmpty(key: string, v: unknown): boolean {
  if (v === undefined || v === null) return true;
  // pointers are kept even when they point at zero
  if (key === 'deletionGracePeriodSeconds') return false;
  if (v === '' || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v).length === 0;
}

/** The ObjectMeta as Go serialises it: known fields only, creationTimestamp null when unset. */
function objectMeta(m: ObjectMeta): ObjectMeta {
  const out: ObjectMeta = {};
  for (const [key, mode] of OBJECT_META) {
    const v = m[key];
    if (mode === 'always') out[key] = v ?? null;
    else if (!isEmpty(key, v)) out[key] = v;
  }
  return out;
}

/** meta.AsPartialObjectMetadata: the whole ObjectMeta, managedFields included. */
export function partialObjectMetadata(obj: KubeObject, apiVersion = 'meta.k8s.io/v1'): KubeObject {
  return { kind: 'PartialObjectMetadata', apiVersion, metadata: objectMeta(obj.metadata ?? {}) };
}

function tableMetadata(objects: KubeObject[], listMeta: ListMeta | undefined): ListMeta {
  const out: ListMeta = {};
  if (listMeta) {
    if (listMeta.resourceVersion) out.resourceVersion = listMeta.resourceVersion;
    if (listMeta.continue) out.continue = listMeta.continue;
    if (listMeta.remainingItemCount !== undefined && listMeta.remainingItemCount !== null) out.remainingItemCount = listMeta.remainingItemCount;
  } else {
    // a single object: the table carries its resourceVersion
    const rv = objects[0]?.metadata?.resourceVersion;
    if (rv) out.resourceVersion = rv;
  }
  return out;
}

/** Converts objects with one entry. Throws a BadRequest for an unknown includeObject. */
export function buildTable(entry: TableEntry, objects: KubeObject[], opts: TableOptions): Table {
  const include = opts.includeObject === undefined || opts.includeObject === '' ? 'Metadata' : opts.includeObject;
  if (include !== 'None' && include !== 'Metadata' && include !== 'Object') {
    throw badRequest(`unrecognized includeObject value: ${JSON.stringify(include)}`);
  }
  const apiVersion = opts.apiVersion ?? 'meta.k8s.io/v1';
  const ordered = entry.order ? entry.order(objects) : objects;
  const rows: TableRow[] = ordered.map((obj) => {
    const row: TableRow = { cells: entry.row(obj, opts.now), object: null };
    const conditions = entry.conditions?.(obj);
    if (conditions && conditions.length > 0) row.conditions = conditions;
    if (include === 'Metadata') row.object = partialObjectMetadata(obj, apiVersion);
    else if (include === 'Object') row.object = obj;
    return orderRow(row);
  });
  return {
    kind: 'Table',
    apiVersion,
    metadata: tableMetadata(objects, opts.listMeta),
    columnDefinitions: opts.noHeaders && !entry.ignoresNoHeaders ? null : entry.columns.map((c) => ({ ...c })),
    rows: rows.length === 0 && entry.emptyRows === 'null' && opts.listMeta ? null : rows,
  };
}

/** TableRow's JSON field order: cells, conditions, object. */
function orderRow(row: TableRow): TableRow {
  const { cells, conditions, object } = row;
  return conditions ? { cells, conditions, object } : { cells, object };
}

/** The entry a built-in resource prints with: its printer, or the default Name / Created At. */
export function tableEntry(group: string, resource: string): TableEntry {
  return builtinEntry(group, resource) ?? defaultTable;
}

/** The columns a built-in resource's tables have, wide ones included. */
export function tableColumns(group: string, resource: string): TableColumnDefinition[] {
  return tableEntry(group, resource).columns.map((c) => ({ ...c }));
}

/** A Table of built-in objects (all of one group/resource). */
export function toTable(group: string, resource: string, objects: KubeObject[], opts: TableOptions): Table {
  return buildTable(tableEntry(group, resource), objects, opts);
}

/** Built-in entries plus ones registered at run time (a CRD's additionalPrinterColumns). */
export interface TableRegistry {
  register(group: string, resource: string, entry: TableEntry): void;
  unregister(group: string, resource: string): void;
  entryFor(group: string, resource: string): TableEntry;
  columns(group: string, resource: string): TableColumnDefinition[];
  toTable(group: string, resource: string, objects: KubeObject[], opts: TableOptions): Table;
}

export function createTableRegistry(): TableRegistry {
  const custom = new Map<string, TableEntry>();
  const entryFor = (group: string, resource: string): TableEntry => {
    const [parent, sub] = resource.split('/');
    const registered = custom.get(`${group}/${parent}`);
    // a custom resource's /status shares its table; /scale is always the Scale table
    return registered && sub !== 'scale' ? registered : tableEntry(group, resource);
  };
  return {
    register: (group, resource, entry) => void custom.set(`${group}/${resource}`, entry),
    unregister: (group, resource) => void custom.delete(`${group}/${resource}`),
    entryFor,
    columns: (group, resource) => entryFor(group, resource).columns.map((c) => ({ ...c })),
    toTable: (group, resource, objects, opts) => buildTable(entryFor(group, resource), objects, opts),
  };
}
