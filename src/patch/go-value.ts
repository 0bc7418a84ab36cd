// JSON values seen the way Go sees them after k8s.io/apimachinery's util/json.Unmarshal: whole
// numbers that fit in int64 are int64, other numbers float64, objects map[string]interface{}.
// The patch algorithms compare, print and sort values with Go's rules (==, reflect.DeepEqual,
// fmt's %v and %s), and their error texts embed those prints, so they live here once.

import { formatGoValue } from '../api/jsonpath/go-format.ts';
import { compareGoStrings, sortedKeys } from '../api/jsonpath/go-values.ts';

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export type GoKind = 'nil' | 'string' | 'int64' | 'float64' | 'bool' | 'map' | 'slice';

const INT64_LIMIT = 9223372036854775808; // 2^63

export function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

// Member access for keys that come from documents: `in` and `o[k]` would also see
// Object.prototype ("constructor", "toString"), and assigning "__proto__" would set the prototype.

export const has = (o: JsonObject, k: string): boolean => Object.hasOwn(o, k);

export const get = (o: JsonObject, k: string): Json | undefined => (Object.hasOwn(o, k) ? o[k] : undefined);

export function put(o: JsonObject, k: string, v: Json): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  else o[k] = v;
}

export function goKind(v: Json | undefined): GoKind {
  if (v === null || v === undefined) return 'nil';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) && Math.abs(v) < INT64_LIMIT ? 'int64' : 'float64';
    default:
      return Array.isArray(v) ? 'slice' : 'map';
  }
}

const TYPE_NAMES: Record<GoKind, string> = {
  nil: '%!s(<nil>)', // fmt's rendering of a nil reflect.Type under %s
  string: 'string',
  int64: 'int64',
  float64: 'float64',
  bool: 'bool',
  map: 'map[string]interface {}',
  slice: '[]interface {}',
};

/** reflect.TypeOf(v) printed with %s, as mergepatch.ErrBadArgType shows it. */
export function goTypeName(v: Json | undefined): string {
  return TYPE_NAMES[goKind(v)];
}

/** Go's interface == on decoded JSON: same dynamic type and value (maps and slices never match). */
export function goEqual(a: Json | undefined, b: Json | undefined): boolean {
  const k = goKind(a);
  if (k !== goKind(b)) return false;
  if (k === 'nil') return true;
  if (k === 'map' || k === 'slice') return false;
  return a === b;
}

/** reflect.DeepEqual on decoded JSON (int64 1 and float64 1 differ, as in Go). */
export function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  const k = goKind(a);
  if (k !== goKind(b)) return false;
  if (k === 'slice') {
    const x = a as Json[], y = b as Json[];
    return x.length === y.length && x.every((v, i) => deepEqual(v, y[i]));
  }
  if (k === 'map') {
    const x = a as JsonObject, y = b as JsonObject;
    const keys = Object.keys(x);
    return keys.length === Object.keys(y).length && keys.every((key) => has(y, key) && deepEqual(x[key], y[key]));
  }
  return k === 'nil' || a === b;
}

export function clone<T extends Json | undefined>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((e) => clone(e)) as T;
  const out: JsonObject = {};
  for (const [k, e] of Object.entries(v)) if (e !== undefined) put(out, k, clone(e));
  return out as T;
}

/** fmt.Sprintf("%v", v): maps as map[k:v ...] with sorted keys, slices as [a b]. */
export const goSprint = (v: Json | undefined): string => formatGoValue(v ?? null);

/** fmt.Sprintf("%s", v): like %v for strings, a %!s(T=v) complaint for other scalars. */
export function goSprintS(v: Json | undefined): string {
  const k = goKind(v);
  switch (k) {
    case 'nil':
      return '%!s(<nil>)';
    case 'string':
      return v as string;
    case 'slice':
      return `[${(v as Json[]).map(goSprintS).join(' ')}]`;
    case 'map': {
      const m = v as JsonObject;
      return `map[${sortedKeys(m).map((key) => `${key}:${goSprintS(m[key])}`).join(' ')}]`;
    }
    default:
      return `%!s(${k}=${goSprint(v)})`;
  }
}

export { compareGoStrings as compareStrings };

/** Objects keyed in Go's json.Marshal order (sorted), recursively: the bytes kubectl sends. */
export function sortKeysDeep<T extends Json>(v: T): T {
  if (Array.isArray(v)) return v.map((e) => sortKeysDeep(e)) as T;
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const k of sortedKeys(v)) put(out, k, sortKeysDeep(v[k]!));
  return out as T;
}
