// Small accessors for defaulting JSON objects in place with Go's notion of "unset": a pointer field
// is unset when absent or null, a string when also "", a number when also 0 (the zero value).
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The object at o[key], if it is one. */
export function child(o: Json | undefined, key: string): Json | undefined {
  const v = o?.[key];
  return isObject(v) ? v : undefined;
}

/** The object at o[key], created empty when unset (a non-pointer Go struct always exists). */
export function ensureChild(o: Json, key: string): Json {
  const v = o[key];
  if (isObject(v)) return v;
  const created: Json = {};
  o[key] = created;
  return created;
}

/** The objects of the array at o[key]. */
export function items(o: Json | undefined, key: string): Json[] {
  const v = o?.[key];
  return Array.isArray(v) ? v.filter(isObject) : [];
}

const unsetPointer = (v: unknown) => v === undefined || v === null;

/** A pointer field (`*T`): set when absent or null. */
export function defaultPointer(o: Json, key: string, value: unknown): void {
  if (unsetPointer(o[key])) o[key] = value;
}

/** A string field: set when absent, null or "". */
export function defaultString(o: Json, key: string, value: string): void {
  if (unsetPointer(o[key]) || o[key] === '') o[key] = value;
}

/** A non-pointer number field: set when absent, null or 0. */
export function defaultNumber(o: Json, key: string, value: number): void {
  if (unsetPointer(o[key]) || o[key] === 0) o[key] = value;
}

/** A map or slice with content (Go's len(x) > 0). */
export function hasEntries(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return isObject(v) && Object.keys(v).length > 0;
}
