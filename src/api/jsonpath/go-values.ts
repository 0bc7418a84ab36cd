// The Go value model the JSONPath engine sees. kubectl evaluates templates over decoded JSON
// (unstructured content: map[string]interface{}, []interface{}, string, bool, int64, float64, nil)
// plus the literals of the template (int, float64, bool, string) and, when a string is iterated,
// its bytes (uint8). Plain JS values stand for decoded JSON; the few Go values JSON cannot carry
// are wrapped.

/** reflect's zero Value: what `FindResults(nil)` starts from (a null range item, an empty range). */
export const INVALID: unique symbol = Symbol('invalid reflect.Value');
export type Invalid = typeof INVALID;

/** A number whose Go type is fixed by where it came from, not by its value. */
export class GoNumber {
  constructor(
    readonly goType: 'int' | 'float64' | 'uint8',
    readonly value: number | bigint,
  ) {}
}

export type Kind = 'invalid' | 'nil' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'map' | 'slice';

const INT64_MIN = -(2 ** 63);
const INT64_LIMIT = 2 ** 63;

/**
 * The Go kind of a value. A JS number from JSON is int64 when it is integral and fits, float64
 * otherwise: what apimachinery's JSON decoding yields for the text JSON.stringify writes.
 */
export function kindOf(v: unknown): Kind {
  if (v === INVALID || v === undefined) return 'invalid';
  if (v === null) return 'nil';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return isInt64(v) ? 'int' : 'float';
  }
  if (v instanceof GoNumber) return v.goType === 'float64' ? 'float' : v.goType === 'int' ? 'int' : 'uint';
  if (Array.isArray(v)) return 'slice';
  return 'map';
}

export function isInt64(n: number): boolean {
  return Number.isInteger(n) && n >= INT64_MIN && n < INT64_LIMIT;
}

/** The Go type name, as `%v` of reflect.Type prints it. */
export function goTypeName(v: unknown): string {
  if (v instanceof GoNumber) return v.goType;
  switch (kindOf(v)) {
    case 'int':
      return 'int64';
    case 'float':
      return 'float64';
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'slice':
      return '[]interface {}';
    case 'map':
      return 'map[string]interface {}';
    default:
      return '<nil>';
  }
}

/** The numeric payload of an int/uint/float value. */
export function numberOf(v: unknown): number | bigint {
  return v instanceof GoNumber ? v.value : (v as number | bigint);
}

/** Drops the Go-only wrappers: literals become plain numbers, the zero Value becomes undefined. */
export function toPlain(v: unknown): unknown {
  if (v === INVALID) return undefined;
  if (v instanceof GoNumber) return v.value;
  return v;
}

export function isMap(v: unknown): v is Record<string, unknown> {
  return kindOf(v) === 'map';
}

/** Go's string order (byte-wise UTF-8) is code point order. */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** A map's keys in Go's order, as fmt and text/template range over them. */
export function sortedKeys(m: object): string[] {
  return Object.keys(m).sort(compareGoStrings);
}

/** The UTF-8 bytes of a string: what Go iterates when a JSONPath walks into one. */
export function utf8Bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
