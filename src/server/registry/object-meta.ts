// Server-owned metadata and the generic ObjectMeta validation that every kind shares
// (k8s.io/apiserver rest.BeforeCreate/BeforeUpdate, apimachinery api/validation/objectmeta.go).
import { randomBytes, randomUUID } from 'node:crypto';
import type { KubeObject, ObjectMeta } from '../../api/object.ts';
import type { FieldError } from '../status.ts';
import { validateAnnotations, validateFinalizerName, validateLabels, validateQualifiedName } from './validation/meta.ts';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isValidPathSegmentName } from '../../api/validation/names.ts';

const NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789';
const GENERATED_SUFFIX = 5;
const MAX_GENERATED_PREFIX = 63 - GENERATED_SUFFIX;

/** names.SimpleNameGenerator: prefix (cut to 58 characters) + 5 random consonants/digits. */
export function generateName(prefix: string): string {
  const base = prefix.length > MAX_GENERATED_PREFIX ? prefix.slice(0, MAX_GENERATED_PREFIX) : prefix;
  const bytes = randomBytes(GENERATED_SUFFIX);
  let suffix = '';
  for (const b of bytes) suffix += NAME_CHARS[b % NAME_CHARS.length];
  return base + suffix;
}

export const newUid = (): string => randomUUID();

/** metav1.Time: RFC 3339 in UTC with seconds precision. */
export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** metav1.MicroTime: RFC 3339 with microseconds. */
export function rfc3339Micro(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export type NameRule = 'subdomain' | 'label' | 'label1035' | 'path-segment';

const NAME_RULES: Record<NameRule, (v: string) => string[]> = {
  subdomain: isDNS1123Subdomain,
  label: isDNS1123Label,
  label1035: isDNS1035Label,
  'path-segment': isValidPathSegmentName,
};

/** ValidateObjectMeta: name, namespace, labels, annotations, ownerReferences, finalizers. */
/**
 * `coreFinalizers`: built-in kinds also require finalizer names to be standard or fully qualified
 * (core validation); CRDs and custom resources only check the name's syntax.
 */
export function validateObjectMeta(meta: ObjectMeta, namespaced: boolean, nameRule: NameRule, coreFinalizers = true): FieldError[] {
  const errs: FieldError[] = [];
  if (!meta.name) {
    if (!meta.generateName) errs.push({ type: 'FieldValueRequired', field: 'metadata.name', detail: 'name or generateName is required' });
  } else {
    for (const msg of NAME_RULES[nameRule](meta.name)) errs.push({ type: 'FieldValueInvalid', field: 'metadata.name', value: meta.name, detail: msg });
  }
  if (namespaced) {
    if (!meta.namespace) errs.push({ type: 'FieldValueRequired', field: 'metadata.namespace' });
    else for (const msg of isDNS1123Label(meta.namespace)) errs.push({ type: 'FieldValueInvalid', field: 'metadata.namespace', value: meta.namespace, detail: msg });
  } else if (meta.namespace) {
    errs.push({ type: 'FieldValueForbidden', field: 'metadata.namespace', detail: 'not allowed on this type' });
  }
  if (meta.generation !== undefined && meta.generation < 0)
    errs.push({ type: 'FieldValueInvalid', field: 'metadata.generation', value: meta.generation, detail: 'must be greater than or equal to 0' });
  errs.push(...validateLabels(meta.labels, 'metadata.labels'), ...validateAnnotations(meta.annotations, 'metadata.annotations'));
  (meta.ownerReferences ?? []).forEach((ref, i) => {
    const path = `metadata.ownerReferences[${i}]`;
    if (!ref.apiVersion) errs.push({ type: 'FieldValueInvalid', field: `${path}.apiVersion`, value: ref.apiVersion ?? '', detail: 'version must not be empty' });
    if (!ref.kind) errs.push({ type: 'FieldValueInvalid', field: `${path}.kind`, value: ref.kind ?? '', detail: 'kind must not be empty' });
    if (!ref.name) errs.push({ type: 'FieldValueInvalid', field: `${path}.name`, value: ref.name ?? '', detail: 'name must not be empty' });
    if (!ref.uid) errs.push({ type: 'FieldValueInvalid', field: `${path}.uid`, value: ref.uid ?? '', detail: 'uid must not be empty' });
  });
  const controllers = (meta.ownerReferences ?? []).filter((r) => r.controller);
  if (controllers.length > 1)
    errs.push({
      type: 'FieldValueInvalid',
      field: 'metadata.ownerReferences',
      value: meta.ownerReferences,
      detail: `Only one reference can have Controller set to true. Found "true" in references for ${controllers.map((r) => `${r.kind}/${r.name}`).join(' and ')}`,
    });
  for (const [i, f] of (meta.finalizers ?? []).entries())
    errs.push(...(coreFinalizers ? validateFinalizerName(f, `metadata.finalizers[${i}]`) : validateQualifiedName(f, `metadata.finalizers[${i}]`)));
  return errs;
}

/** ValidateObjectMetaUpdate: what may not change once an object exists. */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta): FieldError[] {
  const errs: FieldError[] = [];
  const immutable = (field: keyof ObjectMeta) => {
    if (meta[field] !== old[field]) errs.push({ type: 'FieldValueInvalid', field: `metadata.${String(field)}`, value: meta[field], detail: 'field is immutable' });
  };
  immutable('name');
  immutable('namespace');
  immutable('uid');
  immutable('creationTimestamp');
  return errs;
}

/** The object with server-set metadata removed, for "did anything change" comparisons. */
export function withoutVolatileMeta(obj: KubeObject): KubeObject {
  const { resourceVersion: _rv, managedFields: _mf, ...meta } = obj.metadata;
  return { ...obj, metadata: meta };
}
