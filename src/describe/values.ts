// Reading loosely typed API objects (JSON as it arrived) and printing values as Go's fmt does for
// the typed fields describe formats with %v, %d, %t.
import { goQuote } from '../api/jsonpath/go-format.ts';
import { compareGoStrings } from '../api/jsonpath/go-values.ts';

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const obj = (v: unknown): Obj => (isObj(v) ? v : {});
export const objs = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
export const strs = (v: unknown): string[] => arr(v).map(str);
/** An integer field, 0 when absent (Go's zero value). */
export const int = (v: unknown): number => (typeof v === 'number' ? Math.trunc(v) : 0);
export const bool = (v: unknown): boolean => v === true;
export const has = (v: unknown): boolean => v !== undefined && v !== null;
export const strMap = (v: unknown): Record<string, string> => Object.fromEntries(Object.entries(obj(v)).map(([k, x]) => [k, str(x)]));

/** Byte order of UTF-8 strings, as Go's sort.Strings (UTF-16 order differs above the BMP only). */
/** Go's string order (UTF-8 bytes). */
export const byteOrder = compareGoStrings;
export const sortedKeys = (m: Record<string, unknown>): string[] => Object.keys(m).sort(byteOrder);

/** A stable sort, as Go's sort.Slice behaves for the short lists describe sorts. */
export const sortBy = <T>(list: readonly T[], less: (a: T, b: T) => number): T[] => [...list].sort(less);

/** strconv.FormatFloat(f, 'g', -1, 64) as %v prints a float64. */
export function goFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa, expText] = Math.abs(f).toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const digits = mantissa.replace('.', '');
  const sign = f < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : `${Math.abs(exp)}`;
    return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  return digits.length > exp + 1 ? `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}` : `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}`;
}

/**
 * %v of a value decoded as unstructured JSON: whole numbers are int64 there, others float64
 * (shortest digits; exponent form below 1e-4 and from 1e+06).
 */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? BigInt(v).toString() : goFloat(v);
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (isObj(v)) return `map[${sortedKeys(v).map((k) => `${k}:${goValue(v[k])}`).join(' ')}]`;
  return String(v);
}

/** %v of a []string field: "[a b]", "[]" when empty or absent. */
export const goStrings = (v: unknown): string => `[${strs(v).join(' ')}]`;

/** IntOrString.String(). */
export const intOrString = (v: unknown): string => (typeof v === 'number' ? String(Math.trunc(v)) : str(v));

export { goQuote };
