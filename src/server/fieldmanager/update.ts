// managedFields for non-apply writes (operation "Update"): the writer gains the fields it changed,
// everyone else loses them, and fields that disappear leave every set
// (k8s.io/apimachinery pkg/util/managedfields/internal: managedFieldsUpdater, stripMeta, sorting).
import type { KubeObject, ManagedFieldsEntry } from '../../api/object.ts';
import { parseApiVersion } from '../../api/object.ts';
import { builtinTypes } from '../../api/types.ts';
import { rfc3339 } from '../registry/object-meta.ts';
import type { WriteContext } from '../registry/store.ts';
import { Comparer, zeroValue } from './compare.ts';
import { fromFieldsV1, isUnder, toFieldsV1 } from './path-set.ts';
import { isDeepStrictEqual } from 'node:util';

/** Fields no manager owns (stripMetaManager). */
const STRIPPED_META = ['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'];

function stripped(obj: KubeObject | Record<string, unknown>, keepStatus: boolean): Record<string, unknown> {
  const { apiVersion: _a, kind: _k, metadata, status, ...rest } = obj as KubeObject;
  const meta: Record<string, unknown> = { ...(metadata ?? {}) };
  for (const f of STRIPPED_META) delete meta[f];
  const out: Record<string, unknown> = { ...rest };
  if (metadata !== undefined) out.metadata = meta;
  if (keepStatus && status !== undefined) out.status = status;
  return out;
}

interface Entry {
  entry: ManagedFieldsEntry;
  set: Set<string>;
}

export function recordManagedFields(obj: KubeObject, old: KubeObject | undefined, ctx: WriteContext, apiVersion: string): void {
  const types = builtinTypes();
  const { group, version } = parseApiVersion(apiVersion);
  const typeName = types.typeNameForKind(group, version, obj.kind ?? '');
  const statusWrite = ctx.subresource === 'status';
  const before = old ? stripped(old, statusWrite) : typeName ? stripped(zeroValue(types, typeName), false) : {};
  const after = stripped(obj, statusWrite);
  const changes = new Comparer(typeName ? types : undefined).compare({ type: typeName }, before, after);

  // The request may carry managedFields of its own: an explicit [] resets them, anything else that
  // differs from the stored ones replaces them (as upstream honours user-set managedFields).
  const requested = obj.metadata.managedFields;
  const stored = old?.metadata.managedFields;
  const base = requested !== undefined && !isDeepStrictEqual(requested, stored) ? requested : (stored ?? []);
  const entries: Entry[] = base.map((entry) => ({ entry: { ...entry }, set: fromFieldsV1(entry.fieldsV1) }));

  const subresource = ctx.subresource && ctx.subresource !== 'status' ? ctx.subresource : statusWrite ? 'status' : undefined;
  let mine = entries.find(
    (e) => e.entry.manager === ctx.fieldManager && e.entry.operation === 'Update' && e.entry.apiVersion === apiVersion && (e.entry.subresource ?? undefined) === subresource,
  );
  for (const e of entries) {
    for (const key of [...e.set]) {
      if ((e !== mine && changes.changed.has(key)) || [...changes.removed].some((r) => isUnder(key, r))) e.set.delete(key);
    }
  }
  if (changes.changed.size > 0) {
    if (!mine) {
      const entry: ManagedFieldsEntry = { manager: ctx.fieldManager, operation: 'Update', apiVersion };
      mine = { entry, set: new Set() };
      entries.push(mine);
    }
    for (const key of changes.changed) mine.set.add(key);
    mine.entry.time = rfc3339(ctx.now);
  }
  const kept = entries.filter((e) => e.set.size > 0);
  const encoded = kept.map(({ entry, set }) => {
    const out: ManagedFieldsEntry = {
      manager: entry.manager,
      operation: entry.operation,
      apiVersion: entry.apiVersion,
      time: entry.time,
      fieldsType: 'FieldsV1',
      fieldsV1: toFieldsV1(set),
    };
    if (entry === mine?.entry && subresource) out.subresource = subresource;
    else if (entry.subresource) out.subresource = entry.subresource;
    return out;
  });
  encoded.sort(compareEntries);
  if (encoded.length) obj.metadata.managedFields = encoded;
  else delete obj.metadata.managedFields;
}

/** sortEncodedManagedFields: operation, then time (seconds), manager, apiVersion, subresource. */
function compareEntries(p: ManagedFieldsEntry, q: ManagedFieldsEntry): number {
  const s = (a?: string, b?: string) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
  if (p.operation !== q.operation) return s(p.operation, q.operation);
  const pt = p.time ? Date.parse(p.time) : 0;
  const qt = q.time ? Date.parse(q.time) : 0;
  if (pt !== qt) return pt - qt;
  return s(p.manager, q.manager) || s(p.apiVersion, q.apiVersion) || s(p.subresource, q.subresource);
}
