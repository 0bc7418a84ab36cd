// field.Error builders (k8s.io/apimachinery pkg/util/validation/field) that render through
// status.ts's fieldErrorBody exactly as Go's ErrorBody does. Go prints a bad value by its Go type:
// strings quoted, numbers bare, Stringers (Quantity, IntOrString) bare, maps/slices/structs as %#v.
// fieldErrorBody only knows JSON, so a value whose Go text differs from JSON is folded into the
// detail ("Invalid value: <go text>: <detail>"), which renders the same bytes.
import { goQuote } from '../../../api/jsonpath/go-format.ts';
import type { FieldError } from '../../status.ts';

/** A decoded JSON object or value; validators read the wire form loosely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

/** A value already rendered the way Go's fmt prints it (%#v of a struct, a Stringer's String()). */
export class GoText {
  constructor(readonly text: string) {}
}

export type GoValue = string | number | boolean | null | GoText;

export const goText = (text: string) => new GoText(text);

export { goQuote };

/** Go's text for a value, or undefined when fieldErrorBody's JSON rendering already matches it. */
function foldedText(value: GoValue): string | undefined {
  if (value instanceof GoText) return value.text;
  if (typeof value === 'string') {
    const q = goQuote(value);
    return q === JSON.stringify(value) ? undefined : q;
  }
  return undefined;
}

function withValue(type: FieldError['type'], field: string, value: GoValue, detail: string): FieldError {
  const text = foldedText(value);
  if (text === undefined) {
    const e: FieldError = { type, field, value };
    if (detail) e.detail = detail;
    return e;
  }
  return { type, field, detail: detail ? `${text}: ${detail}` : text };
}

export const required = (field: string, detail = ''): FieldError =>
  detail ? { type: 'FieldValueRequired', field, detail } : { type: 'FieldValueRequired', field };

export const forbidden = (field: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field, detail });

export const invalid = (field: string, value: GoValue, detail: string): FieldError => withValue('FieldValueInvalid', field, value, detail);

export const duplicate = (field: string, value: GoValue): FieldError => withValue('FieldValueDuplicate', field, value, '');

export const notFound = (field: string, value: GoValue, detail = ''): FieldError => withValue('FieldValueNotFound', field, value, detail);

/** field.NotSupported: `Unsupported value: "x": supported values: "a", "b"`. */
export function notSupported(field: string, value: GoValue, supported: readonly string[]): FieldError {
  const text = foldedText(value);
  if (text === undefined) {
    const e: FieldError = { type: 'FieldValueNotSupported', field, value };
    if (supported.length) e.supported = [...supported];
    return e;
  }
  const list = supported.length ? `: supported values: ${supported.map(goQuote).join(', ')}` : '';
  return { type: 'FieldValueNotSupported', field, detail: text + list };
}

/** field.TooLong: the value is never printed. */
export const tooLong = (field: string, max: number): FieldError => ({ type: 'FieldValueTooLong', field, detail: `must have at most ${max} bytes` });

/** field.TooLongMaxLength. */
export const tooLongMaxLength = (field: string, max: number): FieldError => ({ type: 'FieldValueTooLong', field, detail: `may not be longer than ${max}` });

/** field.TooMany: the count is the value. */
export const tooMany = (field: string, actual: number, max: number): FieldError => ({
  type: 'FieldValueTooMany',
  field,
  value: actual,
  detail: `must have at most ${max} items`,
});

export const internalError = (field: string, message: string): FieldError => ({ type: 'InternalError', field, detail: message });

/** field.Path: `spec.containers[0].image`, map keys as `[key]`. */
export const child = (path: string, ...names: string[]) => [path, ...names].filter((p) => p !== '').join('.');
export const index = (path: string, i: number) => `${path}[${i}]`;
export const key = (path: string, k: string) => `${path}[${k}]`;

/** isNegativeErrorMsg via ValidateNonnegativeField. */
export const IS_NEGATIVE = 'must be greater than or equal to 0';
export const FIELD_IMMUTABLE = 'field is immutable';

export function nonNegative(value: number | undefined | null, field: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalid(field, value, IS_NEGATIVE)] : [];
}

/** Go's `len(s)`: strings are measured in UTF-8 bytes. */
export const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const arr = <T = Obj>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
export const obj = (v: unknown): Obj => (isObj(v) ? v : {});
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Absent, null, "", [] and {} are all Go's zero/nil for the purposes of semantic equality. */
const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0);

/** apiequality.Semantic.DeepEqual over decoded JSON: like reflect.DeepEqual, but nil equals empty. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ao = isObj(a) ? a : isEmpty(a) ? {} : undefined;
  const bo = isObj(b) ? b : isEmpty(b) ? {} : undefined;
  if (!ao || !bo) return false;
  for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) if (!deepEqual(ao[k], bo[k])) return false;
  return true;
}
