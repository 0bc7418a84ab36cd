// kubectl's client-side apply annotation seen from server-side apply
// (k8s.io/apimachinery pkg/util/managedfields/internal: lastappliedmanager.go, lastappliedupdater.go):
// an apply by "kubectl" may take over, without conflict, fields whose live value is still what
// the annotation says was last applied; and it rewrites the annotation to the new configuration.
import type { KubeObject } from '../../api/object.ts';
import { compare } from './compare.ts';
import { goJson } from './path-set.ts';
import type { Typed } from './updater.ts';
import { validateApplied } from './validate.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The manager name kubectl apply --server-side uses by default. */
export const KUBECTL_MANAGER = 'kubectl';

/** apimachinery validation TotalAnnotationSizeLimitB. */
const ANNOTATIONS_SIZE_LIMIT = 256 * 1024;

/**
 * allowedConflictsFromLastApplied: the paths of the last-applied configuration whose live value is
 * unchanged since. Undefined where upstream gives up (no annotation, unreadable, other version).
 */
export function allowedConflicts(t: Typed, live: KubeObject | undefined, apiVersion: string): Set<string> | undefined {
  const text = live?.metadata?.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  let last: unknown;
  try {
    last = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!last || typeof last !== 'object' || (last as KubeObject).apiVersion !== apiVersion) return undefined;
  if (validateApplied(t.schema, t.shape, last)) return undefined;
  const set = t.schema.toFieldSet(t.shape, last);
  const changed = compare(t.schema, t.shape, last, live);
  for (const k of [...changed.modified, ...changed.added, ...changed.removed]) set.delete(k);
  return set;
}

/** buildLastApplied: the applied configuration as JSON (Go's encoder: sorted keys, newline), minus the annotation. */
export function buildLastApplied(applied: KubeObject): string {
  const copy = structuredClone(applied);
  const annotations = copy.metadata?.annotations;
  if (annotations) delete annotations[LAST_APPLIED];
  return `${goJson(copy)}\n`;
}

/** SetLastApplied: the annotation is dropped instead when annotations would exceed their size limit. */
export function setLastApplied(obj: KubeObject, value: string): void {
  const annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: value };
  let size = 0;
  for (const [k, v] of Object.entries(annotations)) size += Buffer.byteLength(k) + Buffer.byteLength(v);
  if (size > ANNOTATIONS_SIZE_LIMIT) {
    const { [LAST_APPLIED]: _dropped, ...rest } = annotations;
    obj.metadata.annotations = rest;
  } else obj.metadata.annotations = annotations;
}

export function hasLastApplied(obj: KubeObject): boolean {
  return !!obj.metadata?.annotations?.[LAST_APPLIED];
}
