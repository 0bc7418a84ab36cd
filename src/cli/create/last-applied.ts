// kubectl's last-applied-configuration annotation (--save-config): the object as Go's JSON encoder
// writes it (compact, HTML-safe escapes, a trailing newline), without the annotation itself.
// Objects built from flags are typed structs (struct order, an empty annotation map vanishes);
// manifests are unstructured maps (sorted keys, `"annotations":{}` stays).
import type { KubeObject } from '../../printers/objects.ts';
import { goJsonString } from '../../printers/json.ts';
import { withAnnotations } from './objects.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Go's json.Encoder output: compact, plus a newline. Undefined fields are left out. */
export function goCompactJson(value: unknown, sortKeys: boolean): string {
  return encode(value, sortKeys) + '\n';
}

function encode(value: unknown, sortKeys: boolean): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => encode(v, sortKeys)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${goJsonString(k)}:${encode(v, sortKeys)}`).join(',')}}`;
}

/**
 * CreateOrUpdateAnnotation: with --save-config (or when the object already carries the annotation)
 * set it to the object's own JSON; returns the object to send.
 */
export function applyLastApplied(obj: KubeObject, saveConfig: boolean, unstructured: boolean): KubeObject {
  const metadata = (obj.metadata ?? {}) as KubeObject;
  const annotations = { ...((metadata.annotations as Record<string, string> | undefined) ?? {}) };
  if (!saveConfig && !annotations[LAST_APPLIED]) return obj;
  delete annotations[LAST_APPLIED];
  // a typed struct omits an empty map; an unstructured map keeps it
  const without = Object.keys(annotations).length || unstructured ? annotations : undefined;
  const bare = { ...obj, metadata: unstructured ? { ...metadata, annotations: without } : withAnnotations(metadata, without) };
  const value = goCompactJson(bare, unstructured);
  const annotated: Record<string, string> = { ...annotations, [LAST_APPLIED]: value };
  // a typed object's map is marshalled with sorted keys
  const sorted = unstructured ? annotated : Object.fromEntries(Object.entries(annotated).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { ...obj, metadata: unstructured ? { ...metadata, annotations: sorted } : withAnnotations(metadata, sorted) };
}
