// Dropping what a structural schema does not specify (apiextensions-apiserver schema/pruning and
// objectmeta coercion), remembering each dropped field's path for fieldValidation=Strict/Warn, plus
// the removal of nulls that a non-nullable field without default cannot hold.
import { builtinTypes } from '../../../api/types.ts';
import { canonicalize } from '../../registry/canonical.ts';
import { EMBEDDED, PRESERVE, additionalPropertiesOf, isPlainObject, itemsOf, type JSONSchemaProps } from './types.ts';

const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);
const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/** Unknown-field paths as upstream prints them: "spec.foo", "spec.items[0].bar". */
class Paths {
  readonly found: string[] = [];
  constructor(private readonly track: boolean) {}
  record(parent: string, key: string): void {
    if (this.track) this.found.push(parent ? `${parent}.${key}` : key);
  }
}

const childPath = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);

function prune(x: unknown, s: JSONSchemaProps | undefined, path: string, paths: Paths): void {
  if (s?.[PRESERVE]) {
    skipPrune(x, s, path, paths);
    return;
  }
  if (isPlainObject(x)) {
    if (!s) {
      for (const k of Object.keys(x)) {
        paths.record(path, k);
        delete x[k];
      }
      return;
    }
    for (const k of Object.keys(x)) {
      if (s[EMBEDDED] && META_FIELDS.has(k)) continue;
      const prop = s.properties?.[k];
      if (prop) prune(x[k], prop, childPath(path, k), paths);
      // additionalProperties true/false keeps the key but not what is inside it (StructuralOrBool).
      else if (s.additionalProperties !== undefined) prune(x[k], additionalPropertiesOf(s), childPath(path, k), paths);
      else {
        if (!META_FIELDS.has(k) || path) paths.record(path, k);
        delete x[k];
      }
    }
  } else if (Array.isArray(x)) {
    const items = s ? itemsOf(s) : undefined;
    x.forEach((v, i) => prune(v, items, `${path}[${i}]`, paths));
  }
}

/** Under x-kubernetes-preserve-unknown-fields: keep unknown keys, still prune known subtrees. */
function skipPrune(x: unknown, s: JSONSchemaProps, path: string, paths: Paths): void {
  if (isPlainObject(x)) {
    for (const k of Object.keys(x)) {
      if (s[EMBEDDED] && META_FIELDS.has(k)) continue;
      const prop = s.properties?.[k];
      if (prop) prune(x[k], prop, childPath(path, k), paths);
      else if (s.additionalProperties !== undefined) prune(x[k], additionalPropertiesOf(s), childPath(path, k), paths);
    }
  } else if (Array.isArray(x)) {
    const items = itemsOf(s);
    if (items) x.forEach((v, i) => skipPrune(v, items, `${path}[${i}]`, paths));
  }
}

/** PruneNonNullableNullsWithoutDefaults: a null the schema cannot hold is as if it were absent. */
export function pruneNulls(x: unknown, s: JSONSchemaProps | undefined): void {
  if (isPlainObject(x)) {
    for (const k of Object.keys(x)) {
      const fs = s?.properties?.[k] ?? additionalPropertiesOf(s);
      if (x[k] === null && fs && !fs.nullable && fs.default === undefined) delete x[k];
      else pruneNulls(x[k], fs);
    }
  } else if (Array.isArray(x)) {
    const items = itemsOf(s);
    for (const v of x) pruneNulls(v, items);
  }
}

/**
 * An ObjectMeta as its Go type keeps it: unknown fields dropped and named under `prefix`. Rewritten
 * in place, since the store holds on to the metadata object.
 */
function coerceObjectMeta(metadata: unknown, prefix: string, paths: Paths): Record<string, unknown> | undefined {
  if (!isPlainObject(metadata)) return undefined;
  const { value, unknownFields } = canonicalize(builtinTypes(), OBJECT_META, metadata);
  for (const f of unknownFields) paths.record(prefix, f.replace(/^\./, ''));
  for (const k of Object.keys(metadata)) delete metadata[k];
  Object.assign(metadata, value);
  return metadata;
}

/** objectmeta.Coerce for embedded resources below the root: their metadata is an ObjectMeta too. */
function coerceEmbedded(x: unknown, s: JSONSchemaProps | undefined, path: string, paths: Paths): void {
  if (!s) return;
  if (isPlainObject(x)) {
    if (s[EMBEDDED]) {
      const meta = coerceObjectMeta(x.metadata, childPath(path, 'metadata'), paths);
      if (meta && !meta.creationTimestamp) delete meta.creationTimestamp;
    }
    for (const k of Object.keys(x)) {
      const prop = s.properties?.[k];
      if (prop) coerceEmbedded(x[k], prop, childPath(path, k), paths);
      else if (additionalPropertiesOf(s)) coerceEmbedded(x[k], additionalPropertiesOf(s), `${path}[${k}]`, paths);
    }
  } else if (Array.isArray(x)) {
    const items = itemsOf(s);
    x.forEach((v, i) => coerceEmbedded(v, items, `${path}[${i}]`, paths));
  }
}

/**
 * unstructuredSchemaCoercer.apply for a custom resource, in place: root metadata as ObjectMeta,
 * pruning against the version's schema (the root counts as an embedded resource, so apiVersion,
 * kind and metadata stay), nulls the schema cannot hold, metadata of embedded resources. Returns
 * the dropped fields' paths (metadata ones first, each group sorted, as upstream).
 */
export function pruneCustomResource(obj: Record<string, unknown>, schema: JSONSchemaProps | undefined): string[] {
  const metaPaths = new Paths(true);
  coerceObjectMeta(obj.metadata, 'metadata', metaPaths);
  const root: JSONSchemaProps = { ...(schema ?? {}), [EMBEDDED]: true };
  const pruned = new Paths(true);
  prune(obj, root, '', pruned);
  pruneNulls(obj, schema);
  const coerced = new Paths(true);
  coerceEmbedded(obj, schema, '', coerced);
  return [...metaPaths.found, ...pruned.found.sort(), ...coerced.found.sort()];
}

/** Pruning of a value against a schema node (defaults must survive it unchanged). */
export function pruneValue(value: unknown, schema: JSONSchemaProps, isResourceRoot: boolean): void {
  prune(value, isResourceRoot ? { ...schema, [EMBEDDED]: true } : schema, '', new Paths(false));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
  return out;
}

/**
 * The stored form of a custom resource, in place: keys sorted as encoding/json writes unstructured
 * objects, except metadata, which keeps ObjectMeta's field order as built-in kinds do.
 */
export function canonicalizeCustomResource(obj: Record<string, unknown>): void {
  const entries = Object.keys(obj).sort().map((k) => [k, k === 'metadata' ? obj[k] : sortKeys(obj[k])] as const);
  for (const k of Object.keys(obj)) delete obj[k];
  for (const [k, v] of entries) obj[k] = v;
  coerceObjectMeta(obj.metadata, 'metadata', new Paths(false));
}
