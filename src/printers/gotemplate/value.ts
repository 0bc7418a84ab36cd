// The Go values a kubectl template sees, as reflect models them. kubectl hands text/template the
// object decoded from JSON (map[string]interface {}, []interface {}, string, bool, int64 for
// integral numbers that fit, float64 otherwise, nil); template literals add int, float64,
// complex128 and string; builtins return int, bool, string and uint8. A map or slice element is an
// `interface {}` holding its value (or nil): error texts and the unwrapping rules depend on that.
import { isInt64 } from '../../api/jsonpath/go-values.ts';

export type Kind = 'string' | 'bool' | 'int' | 'uint' | 'float' | 'complex' | 'map' | 'slice' | 'interface';

export const MAP_TYPE = 'map[string]interface {}';
export const SLICE_TYPE = '[]interface {}';
export const IFACE_TYPE = 'interface {}';

export interface Complex {
  re: number;
  im: number;
}

/** A valid reflect.Value. Integers are bigints; maps and slices hold the decoded JSON itself. */
export class GoValue {
  constructor(
    readonly type: string,
    readonly v: unknown,
  ) {}
}

/** reflect.Value: undefined is the zero (invalid) Value. */
export type RV = GoValue | undefined;

const KINDS: Record<string, Kind> = {
  string: 'string', bool: 'bool', int: 'int', int64: 'int', uint8: 'uint', uint: 'uint', float64: 'float',
  complex128: 'complex', [MAP_TYPE]: 'map', [SLICE_TYPE]: 'slice', [IFACE_TYPE]: 'interface',
};

export function kindOf(v: RV): Kind | 'invalid' {
  return v === undefined ? 'invalid' : (KINDS[v.type] ?? (v.type.startsWith('[]') ? 'slice' : 'map'));
}

export const str = (s: string) => new GoValue('string', s);
export const bool = (b: boolean) => new GoValue('bool', b);
export const int = (n: number | bigint) => new GoValue('int', BigInt(n));

/** The concrete value of decoded JSON; null is a nil interface (no concrete value). */
export function fromJson(raw: unknown): GoValue | null {
  if (raw === null || raw === undefined) return null;
  switch (typeof raw) {
    case 'string':
      return new GoValue('string', raw);
    case 'boolean':
      return new GoValue('bool', raw);
    case 'number':
      return isInt64(raw) ? new GoValue('int64', BigInt(raw)) : new GoValue('float64', raw);
    case 'bigint':
      return new GoValue('int64', raw);
  }
  return Array.isArray(raw) ? new GoValue(SLICE_TYPE, raw) : new GoValue(MAP_TYPE, raw);
}

/** A map or slice element: an interface {} holding the element. */
export const element = (raw: unknown) => new GoValue(IFACE_TYPE, fromJson(raw));

/** indirectInterface: the value inside an interface, invalid for a nil one. */
export function indirectInterface(v: RV): RV {
  if (v === undefined || v.type !== IFACE_TYPE) return v;
  return (v.v as GoValue | null) ?? undefined;
}

/** indirect: through interfaces; isNil when one of them is nil (the interface itself is returned). */
export function indirect(v: RV): [RV, boolean] {
  while (v !== undefined && v.type === IFACE_TYPE) {
    if (v.v === null) return [v, true];
    v = v.v as GoValue;
  }
  return [v, false];
}

/** What Value.Interface() hands a function taking interface {}: the concrete value, or nil. */
export function toInterface(v: RV): GoValue | null {
  if (v === undefined) return null;
  return v.type === IFACE_TYPE ? ((v.v as GoValue | null) ?? null) : v;
}

/** Len of a string (bytes), map or slice. */
export function lengthOf(v: GoValue): number {
  if (v.type === 'string') return Buffer.byteLength(v.v as string);
  if (Array.isArray(v.v)) return v.v.length;
  return Object.keys(v.v as object).length;
}

/** isTrue: the truth of a value for if/with/and/or/not (ok=false cannot happen for these kinds). */
export function isTrue(v: RV): boolean {
  if (v === undefined) return false;
  switch (kindOf(v)) {
    case 'string':
    case 'map':
    case 'slice':
      return lengthOf(v) > 0;
    case 'bool':
      return v.v as boolean;
    case 'int':
    case 'uint':
      return (v.v as bigint) !== 0n;
    case 'float':
      return (v.v as number) !== 0;
    case 'complex':
      return (v.v as Complex).re !== 0 || (v.v as Complex).im !== 0;
    case 'interface':
      return v.v !== null;
  }
  return true;
}
