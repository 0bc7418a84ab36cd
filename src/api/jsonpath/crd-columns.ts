// The cells of a CRD's additionalPrinterColumns, as apiextensions-apiserver's table convertor
// computes them: the column's path wrapped in braces, missing keys allowed, the first result only,
// any evaluation error an empty (null) cell, then a conversion by the column's type.
import { goQuote } from './go-format.ts';
import { INVALID, kindOf } from './go-values.ts';
import { JsonPathError, JsonPathPanic, parseJsonPath, printResults } from './jsonpath.ts';
import type { JsonPath } from './jsonpath.ts';

/**
 * A `date` column's value before the server turns it into an age: `time` null is Go's zero time,
 * which the server shows as `<unknown>`; otherwise the age is humanDuration(now - time).
 */
export interface DateCell {
  time: Date | null;
}
export type CrdColumnCell = string | number | boolean | null | DateCell;

/** Parses a column's jsonPath (`.spec.replicas`); throws upstream's error when it does not parse. */
export function compileCrdColumn(jsonPath: string): JsonPath {
  try {
    return parseJsonPath(`{${jsonPath}}`);
  } catch (err) {
    if (err instanceof JsonPathError) throw new JsonPathError(`unrecognized column definition ${goQuote(jsonPath)}`);
    throw err;
  }
}

/** The cell of one column for one object; `type` is the column's type (string, integer, ...). */
export function crdColumnCell(path: JsonPath, type: string, obj: unknown): CrdColumnCell {
  let value: unknown;
  try {
    const results = path.findResults(obj, { allowMissingKeys: true });
    if (results.length === 0 || results[0]!.length === 0) return null;
    value = results[0]![0];
  } catch (err) {
    if (err instanceof JsonPathError || err instanceof JsonPathPanic) return null;
    throw err;
  }
  // string columns print the value as `-o jsonpath` would, where a null is Go's zero Value
  if (type === 'string') return printResults([value === null ? INVALID : value], false);
  return cellForJsonValue(type, value);
}

function cellForJsonValue(type: string, value: unknown): CrdColumnCell {
  const kind = kindOf(value);
  switch (type) {
    case 'integer':
      if (kind === 'int') return Number(value);
      // Go's int64(float64) truncates toward zero
      if (kind === 'float') return Math.trunc(value as number);
      return null;
    case 'number':
      return kind === 'int' || kind === 'float' ? Number(value) : null;
    case 'boolean':
      return kind === 'bool' ? (value as boolean) : null;
    case 'date':
      return typeof value === 'string' ? dateCell(value) : null;
  }
  return null;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

/** metav1.Time's UnmarshalQueryParameter (time.Parse with RFC 3339); `<invalid>` when it fails. */
function dateCell(s: string): DateCell | string {
  if (s === '' || s === 'null') return { time: null };
  const m = RFC3339.exec(s);
  if (!m) return '<invalid>';
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return '<invalid>';
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return '<invalid>';
  const offsetMinutes = m[8] === 'Z' ? 0 : (m[8]!.startsWith('-') ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  const ms = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  date.setTime(date.getTime() - offsetMinutes * 60_000);
  // Go's zero time (0001-01-01T00:00:00Z) prints as <unknown>
  if (date.getTime() === ZERO_TIME) return { time: null };
  return { time: date };
}

const ZERO_TIME = new Date('0001-01-01T00:00:00Z').getTime();

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
