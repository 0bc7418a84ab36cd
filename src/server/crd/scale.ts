// The scale subresource of a custom resource (apiextensions-apiserver registry/customresource
// etcd.go ScaleREST and validator.go): an autoscaling/v1 Scale read from the CRD's
// specReplicasPath / statusReplicasPath / labelSelectorPath, and replicas written back.
import type { KubeObject } from '../../api/object.ts';
import type { ScaleAccess } from '../registry/scale.ts';
import { internalError, type FieldError } from '../status.ts';
import { isPlainObject } from './schema/types.ts';
import type { CrdScale } from './types.ts';

const MAX_INT32 = 2147483647;

const fieldsOf = (path: string) => path.replace(/^\./, '').split('.');

/** Go's %T of a JSON value. */
function goType(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  if (isPlainObject(v)) return 'map[string]interface {}';
  return '<nil>';
}

type Nested<T> = { found: false } | { found: true; value: T } | { error: string };

/** unstructured.NestedInt64 / NestedString with their accessor errors. */
function nested<T>(obj: unknown, path: string, want: 'int64' | 'string'): Nested<T> {
  const fields = fieldsOf(path);
  const where = `.${fields.join('.')}`;
  let cur: unknown = obj;
  for (const f of fields) {
    if (!isPlainObject(cur)) return { error: `${where} accessor error: ${JSON.stringify(cur)} is of the type ${goType(cur)}, expected map[string]interface{}` };
    if (!(f in cur)) return { found: false };
    cur = cur[f];
  }
  const ok = want === 'int64' ? typeof cur === 'number' && Number.isInteger(cur) : typeof cur === 'string';
  if (!ok) return { error: `${where} accessor error: ${typeof cur === 'string' ? cur : JSON.stringify(cur)} is of the type ${goType(cur)}, expected ${want}` };
  return { found: true, value: cur as T };
}

function setNested(obj: Record<string, unknown>, path: string, value: unknown): void {
  const fields = fieldsOf(path);
  let cur = obj;
  for (const f of fields.slice(0, -1)) {
    if (!isPlainObject(cur[f])) cur[f] = {};
    cur = cur[f] as Record<string, unknown>;
  }
  cur[fields[fields.length - 1]!] = value;
}

/**
 * The registry's ScaleAccess for a CRD's scale paths (ScaleREST): reading fails with an internal
 * error when the spec replicas field is absent or not an integer, as upstream's Get does.
 */
export function customResourceScale(scale: CrdScale): ScaleAccess {
  const specPath = scale.specReplicasPath ?? '';
  const statusPath = scale.statusReplicasPath ?? '';
  const selectorPath = scale.labelSelectorPath ?? '';
  return {
    read(obj) {
      const spec = nested<number>(obj, specPath, 'int64');
      if ('error' in spec) throw internalError(new Error(spec.error));
      if (!spec.found) throw internalError(new Error(`the spec replicas field ${JSON.stringify(specPath)} does not exist`));
      const status = nested<number>(obj, statusPath, 'int64');
      if ('error' in status) throw internalError(new Error(status.error));
      let selector = '';
      if (selectorPath) {
        const s = nested<string>(obj, selectorPath, 'string');
        if ('error' in s) throw internalError(new Error(s.error));
        if (s.found) selector = s.value;
      }
      return { specReplicas: spec.value, statusReplicas: status.found ? status.value : 0, selector };
    },
    write(obj, replicas) {
      setNested(obj, specPath, replicas);
    },
  };
}

function replicasErrors(obj: KubeObject, path: string): FieldError[] {
  const r = nested<number>(obj, path, 'int64');
  if ('error' in r) return [{ type: 'FieldValueInvalid', field: path, value: 0, detail: r.error }];
  if (!r.found) return [];
  if (r.value < 0) return [{ type: 'FieldValueInvalid', field: path, value: r.value, detail: 'should be a non-negative integer' }];
  if (r.value > MAX_INT32) return [{ type: 'FieldValueInvalid', field: path, value: r.value, detail: `should be less than or equal to ${MAX_INT32}` }];
  return [];
}

/** ValidateScaleSpec: the spec replicas a Scale would read are a valid int32 (path as written in the CRD). */
export function validateScaleSpec(obj: KubeObject, scale: CrdScale | undefined): FieldError[] {
  return scale?.specReplicasPath ? replicasErrors(obj, scale.specReplicasPath) : [];
}

/** ValidateScaleStatus: status replicas as above, and the label selector a string. */
export function validateScaleStatus(obj: KubeObject, scale: CrdScale | undefined): FieldError[] {
  if (!scale?.statusReplicasPath) return [];
  const errs = replicasErrors(obj, scale.statusReplicasPath);
  if (scale.labelSelectorPath) {
    const s = nested<string>(obj, scale.labelSelectorPath, 'string');
    if ('error' in s) errs.push({ type: 'FieldValueInvalid', field: scale.labelSelectorPath, value: '', detail: s.error });
  }
  return errs;
}
