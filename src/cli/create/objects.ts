// Objects built on the client as kubectl's typed structs serialise them: keys in Go struct order,
// empty optional fields left out (undefined), and the fields Go always writes kept
// (`creationTimestamp: null`, empty non-pointer structs as `{}`).
import type { KubeObject } from '../../printers/objects.ts';

/** ObjectMeta's JSON fields in struct order. */
const OBJECT_META_ORDER = [
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
];

export interface MetaFields {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: unknown[];
}

/** metav1.ObjectMeta of a new object: empty strings and maps are omitted, creationTimestamp is null. */
export function objectMeta(m: MetaFields): KubeObject {
  return {
    name: m.name || undefined,
    namespace: m.namespace || undefined,
    creationTimestamp: null,
    labels: nonEmpty(m.labels),
    annotations: nonEmpty(m.annotations),
    ownerReferences: m.ownerReferences?.length ? m.ownerReferences : undefined,
  };
}

export function nonEmpty<T extends object>(v: T | undefined): T | undefined {
  return v && Object.keys(v).length ? v : undefined;
}

/** `{kind, apiVersion, metadata, ...rest}`: TypeMeta first, as Go embeds it. */
export function typed(apiVersion: string, kind: string, metadata: KubeObject, rest: KubeObject = {}): KubeObject {
  return { kind, apiVersion, metadata, ...rest };
}

/** A copy of metadata with one annotation set, the keys kept in ObjectMeta order. */
export function withAnnotations(metadata: KubeObject, annotations: Record<string, string> | undefined): KubeObject {
  const out: KubeObject = {};
  const keys = [...OBJECT_META_ORDER, ...Object.keys(metadata).filter((k) => !OBJECT_META_ORDER.includes(k))];
  for (const k of keys) {
    if (k === 'annotations') {
      if (annotations !== undefined) out.annotations = annotations;
    } else if (k in metadata) out[k] = metadata[k];
  }
  return out;
}

/** intstr.Parse: a whole number (strconv.Atoi) is an int, anything else a string. */
export function parseIntOrString(v: string): number | string {
  return /^[+-]?\d+$/.test(v) && Math.abs(Number(v)) <= 2 ** 31 - 1 ? Number(v) : v;
}
