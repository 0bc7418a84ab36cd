// Shared pieces of the field manager tests: a small custom type ("Thing") covering every merge
// strategy, and helpers that play the store's part (system fields) between writes.
import type { KubeObject } from '../../../src/api/object.ts';
import { TypeIndex, type TypeTable } from '../../../src/api/types.ts';
import { serverSideApply, type ApplyRequest } from '../../../src/server/fieldmanager/apply.ts';
import { fromFieldsV1, pathString, sortedPaths } from '../../../src/server/fieldmanager/path-set.ts';
import { updateManagedFields } from '../../../src/server/fieldmanager/update.ts';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

export const THING_TABLE: TypeTable = {
  'test.Thing': {
    gvk: [{ group: 'example.com', version: 'v1', kind: 'Thing' }],
    fields: [
      { name: 'apiVersion', type: 'string' },
      { name: 'kind', type: 'string' },
      { name: 'metadata', type: META },
      { name: 'numeric', type: 'int64' },
      { name: 'string', type: 'string' },
      { name: 'bool', type: 'boolean' },
      { name: 'list', type: 'test.Item', repeated: true, listType: 'map', listMapKeys: ['name'] },
      { name: 'ports', type: 'test.Port', repeated: true, listType: 'map', listMapKeys: ['port', 'protocol'] },
      { name: 'keyed', type: 'test.Leaves', repeated: true, listType: 'map', listMapKeys: ['string', 'bool'] },
      { name: 'set', type: 'string', repeated: true, listType: 'set' },
      { name: 'atomicList', type: 'string', repeated: true, listType: 'atomic' },
      { name: 'map', type: 'string', map: true },
      { name: 'atomicMap', type: 'string', map: true, mapType: 'atomic' },
      { name: 'struct', type: 'test.Leaves' },
      { name: 'atomicStruct', type: 'test.Leaves', mapType: 'atomic' },
      { name: 'status', type: 'test.Leaves' },
    ],
  },
  'test.Item': {
    fields: [
      { name: 'name', type: 'string', required: true, default: '' },
      { name: 'value', type: 'int64' },
      { name: 'other', type: 'string' },
    ],
  },
  'test.Port': {
    fields: [
      { name: 'port', type: 'int32', required: true, default: 0 },
      { name: 'protocol', type: 'string', default: 'TCP' },
      { name: 'name', type: 'string' },
    ],
  },
  'test.Leaves': {
    fields: [
      { name: 'numeric', type: 'int64' },
      { name: 'string', type: 'string' },
      { name: 'bool', type: 'boolean' },
    ],
  },
};

export const THINGS = new TypeIndex(THING_TABLE);

export const T0 = new Date('2024-05-01T10:00:00Z');
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** A Thing configuration named "x" with the given top-level fields. */
export function thing(fields: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 'x', namespace: 'default', ...metadata }, ...fields };
}

/** What the store adds to a written object (its identity), so later writes see a stored object. */
export function stored(obj: KubeObject): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, uid: 'uid-x' } };
}

export function apply(live: KubeObject | undefined, config: KubeObject, manager: string, opts: Partial<ApplyRequest> = {}): KubeObject {
  return stored(serverSideApply({ live, applied: config, manager, force: false, apiVersion: 'example.com/v1', now: T0, types: THINGS, typeName: 'test.Thing', ...opts }));
}

/** A non-apply write (PUT) of `next` over `live` by `manager`. */
export function update(live: KubeObject | undefined, next: KubeObject, manager: string, opts: { now?: Date; subresource?: string } = {}): KubeObject {
  const object = structuredClone(next);
  if (live) object.metadata.managedFields = structuredClone(live.metadata.managedFields);
  updateManagedFields({ live, object, manager, apiVersion: 'example.com/v1', now: opts.now ?? T0, types: THINGS, typeName: 'test.Thing', subresource: opts.subresource });
  return stored(object);
}

/** A manager's fields as paths (`.list[name="a"].value`), in fieldpath order. */
export function owned(obj: KubeObject, manager: string, operation?: 'Apply' | 'Update'): string[] {
  const entry = obj.metadata.managedFields?.find((e) => e.manager === manager && (!operation || e.operation === operation));
  return entry ? sortedPaths(fromFieldsV1(entry.fieldsV1)).map(pathString) : [];
}

export function managers(obj: KubeObject): string[] {
  return (obj.metadata.managedFields ?? []).map((e) => `${e.manager}/${e.operation}`);
}

/** The object without metadata, for comparing contents. */
export function body(obj: KubeObject): Record<string, unknown> {
  const { metadata: _m, apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
}
