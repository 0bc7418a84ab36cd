// A built-in object as kube-apiserver would re-encode it after decoding into its Go type: fields in
// struct order, unknown fields gone (reported, for fieldValidation), nulls dropped, and non-pointer
// struct fields present as {} (encoding/json never omits a struct).
import type { FieldSchema, TypeIndex } from '../../api/types.ts';

const SCALARS = new Set(['string', 'int32', 'int64', 'boolean', 'double', 'bytes']);

export interface CanonicalResult {
  value: Record<string, unknown>;
  /** JSON paths (".spec.foo") of fields the type does not have. */
  unknownFields: string[];
}

export function canonicalize(types: TypeIndex, typeName: string, value: Record<string, unknown>): CanonicalResult {
  const unknownFields: string[] = [];
  const out = canonicalStruct(types, typeName, value, '', unknownFields);
  return { value: out, unknownFields };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function canonicalStruct(types: TypeIndex, typeName: string, value: Record<string, unknown>, path: string, unknown: string[]): Record<string, unknown> {
  const t = types.type(typeName);
  if (!t || t.special) return value;
  const out: Record<string, unknown> = {};
  const fields = types.jsonFields(typeName);
  for (const f of fields) {
    const v = value[f.name];
    if (v === undefined || v === null) {
      if (isStructDefault(types, f)) out[f.name] = canonicalStruct(types, f.type, {}, `${path}.${f.name}`, unknown);
      continue;
    }
    // omitempty slices and maps: Go drops them when empty.
    if (!f.required && (f.repeated ? Array.isArray(v) && v.length === 0 : f.map && isPlainObject(v) && Object.keys(v).length === 0)) continue;
    out[f.name] = canonicalField(types, f, v, `${path}.${f.name}`, unknown);
  }
  for (const key of Object.keys(value)) if (!types.fieldOf(typeName, key)) unknown.push(`${path}.${key}`);
  return out;
}

/** A non-pointer struct field: Go always encodes it, as {} when empty. */
function isStructDefault(types: TypeIndex, f: FieldSchema): boolean {
  if (f.repeated || f.map || SCALARS.has(f.type)) return false;
  if (!isPlainObject(f.default) || Object.keys(f.default).length > 0) return false;
  const t = types.type(f.type);
  return !!t && !t.special;
}

function canonicalField(types: TypeIndex, f: FieldSchema, v: unknown, path: string, unknown: string[]): unknown {
  if (f.repeated) {
    if (!Array.isArray(v)) return v;
    return v.map((item, i) => canonicalValue(types, f.type, item, `${path}[${i}]`, unknown));
  }
  if (f.map) {
    if (!isPlainObject(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) out[k] = canonicalValue(types, f.type, item, `${path}.${k}`, unknown);
    return out;
  }
  return canonicalValue(types, f.type, v, path, unknown);
}

function canonicalValue(types: TypeIndex, type: string, v: unknown, path: string, unknown: string[]): unknown {
  if (SCALARS.has(type) || !isPlainObject(v)) return v;
  const t = types.type(type);
  if (!t || t.special) return v;
  return canonicalStruct(types, type, v, path, unknown);
}
