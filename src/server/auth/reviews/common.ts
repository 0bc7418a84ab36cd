// What the review handlers share: their context, decoding into the kind's shape, metadata as Go
// writes it, and Go's %#v renderings that kube-apiserver puts into some validation messages.
import type { KubeObject, ObjectMeta } from '../../../api/object.ts';
import { builtinTypes } from '../../../api/types.ts';
import { canonicalize } from '../../registry/canonical.ts';
import type { UserInfo } from '../user-info.ts';

export interface ReviewContext {
  /** The authenticated requester. */
  user: UserInfo;
  /** The URL's namespace ('' for cluster-scoped paths). */
  namespace: string;
  /** The URL's version; the answer's apiVersion (v1 when omitted). */
  version?: string;
  /** The URL's name (serviceaccounts/{name}/token). */
  name?: string;
  /** Receives Warning headers (unknown fields, shortened token expiry). */
  warnings?: string[];
}

/** Answers a create of a resource that is never stored (reviews, TokenRequest). */
export type ReviewHandler = (body: KubeObject, ctx: ReviewContext) => Promise<KubeObject>;

export const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/**
 * The body in its kind's shape (Go field order, unknown fields gone and reported as warnings, as the
 * default fieldValidation=Warn does). The v1 type serves every version: their shapes are the same.
 */
export function decodeAs(body: KubeObject, group: string, kind: string, ctx: ReviewContext): KubeObject {
  const types = builtinTypes();
  const typeName = types.typeNameForKind(group, 'v1', kind);
  if (!typeName) return body;
  const { value, unknownFields } = canonicalize(types, typeName, body);
  if (ctx.warnings) for (const f of unknownFields) ctx.warnings.push(`unknown field ${JSON.stringify(f.replace(/^\./, ''))}`);
  return value as KubeObject;
}

/** ObjectMeta in Go's field order with creationTimestamp as Go writes an unset metav1.Time: null. */
export function goMeta(meta: ObjectMeta | undefined, creationTimestamp: string | null = null): ObjectMeta {
  const src: Record<string, unknown> = { ...(meta ?? {}), creationTimestamp: meta?.creationTimestamp ?? creationTimestamp };
  const out: ObjectMeta = {};
  for (const f of builtinTypes().jsonFields(OBJECT_META)) {
    const v = src[f.name];
    if (v !== undefined && (v !== null || f.name === 'creationTimestamp')) out[f.name] = v;
  }
  return out;
}

/** apimachinery's semantic emptiness: zero values, and nil or empty maps and slices. */
export function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === 0 || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;  // a map with entries is not empty
  return false;
}

/** Whether metadata equals metav1.ObjectMeta{} once `ignored` fields (and managedFields) are cleared. */
export function metaIsEmpty(meta: ObjectMeta | undefined, ignored: string[] = []): boolean {
  return Object.entries(meta ?? {}).every(([k, v]) => k === 'managedFields' || ignored.includes(k) || isEmptyValue(v));
}

const goString = (v: unknown) => JSON.stringify(typeof v === 'string' ? v : '');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** time.Time's GoString; decoded timestamps are in the server's local zone, as metav1.Time keeps them. */
function goTime(iso: unknown): string {
  const t = typeof iso === 'string' ? new Date(iso) : undefined;
  if (!t || Number.isNaN(t.getTime())) return 'time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)';
  return `time.Date(${t.getFullYear()}, time.${MONTHS[t.getMonth()]}, ${t.getDate()}, ${t.getHours()}, ${t.getMinutes()}, ${t.getSeconds()}, 0, time.Local)`;
}

function goStringMap(v: unknown): string {
  if (!v || typeof v !== 'object' || Object.keys(v).length === 0) return v && typeof v === 'object' ? 'map[string]string{}' : 'map[string]string(nil)';
  const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `map[string]string{${entries.map(([k, x]) => `${goString(k)}:${goString(x)}`).join(', ')}}`;
}

function goStringSlice(v: unknown): string {
  if (!Array.isArray(v)) return '[]string(nil)';
  return `[]string{${v.map(goString).join(', ')}}`;
}

/**
 * fmt's %#v of a metav1.ObjectMeta, as field.Invalid(metadata, …) prints it. Owner references and
 * managed fields are shown only as present or nil (Go would print pointers' addresses anyway).
 */
export function goObjectMeta(meta: ObjectMeta | undefined): string {
  const m = meta ?? {};
  const grace = typeof m.deletionGracePeriodSeconds === 'number' ? '(*int64)(0xc000000000)' : '(*int64)(nil)';
  const parts = [
    `Name:${goString(m.name)}`,
    `GenerateName:${goString(m.generateName)}`,
    `Namespace:${goString(m.namespace)}`,
    `SelfLink:${goString(m.selfLink)}`,
    `UID:${goString(m.uid)}`,
    `ResourceVersion:${goString(m.resourceVersion)}`,
    `Generation:${typeof m.generation === 'number' ? m.generation : 0}`,
    `CreationTimestamp:${goTime(m.creationTimestamp)}`,
    `DeletionTimestamp:${m.deletionTimestamp ? goTime(m.deletionTimestamp) : '<nil>'}`,
    `DeletionGracePeriodSeconds:${grace}`,
    `Labels:${goStringMap(m.labels)}`,
    `Annotations:${goStringMap(m.annotations)}`,
    `OwnerReferences:${Array.isArray(m.ownerReferences) ? `[]v1.OwnerReference{...}` : '[]v1.OwnerReference(nil)'}`,
    `Finalizers:${goStringSlice(m.finalizers)}`,
    `ManagedFields:${Array.isArray(m.managedFields) ? `[]v1.ManagedFieldsEntry{...}` : '[]v1.ManagedFieldsEntry(nil)'}`,
  ];
  return `v1.ObjectMeta{${parts.join(', ')}}`;
}

/** %#v of the internal authorization.NonResourceAttributes. */
export function goNonResourceAttributes(v: unknown): string {
  const a = (v ?? {}) as Record<string, unknown>;
  return `authorization.NonResourceAttributes{Path:${goString(a.path)}, Verb:${goString(a.verb)}}`;
}

export const apiVersionOf = (group: string, version = 'v1') => (group ? `${group}/${version}` : version);
