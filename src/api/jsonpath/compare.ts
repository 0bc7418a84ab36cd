// Filter comparisons with the rules of client-go's fork of text/template (eq, ne, lt, le, gt, ge):
// only basic kinds compare, both sides must be the same kind (signed vs unsigned integers aside),
// bools only compare for equality.
import { compareGoStrings, kindOf, numberOf } from './go-values.ts';
import type { Kind } from './go-values.ts';

export class ComparisonError extends Error {}

const BAD_TYPE = 'invalid type for comparison';
const INCOMPATIBLE = 'incompatible types for comparison';

function basicKind(v: unknown): Kind {
  const k = kindOf(v);
  if (k === 'invalid' || k === 'nil' || k === 'map' || k === 'slice') throw new ComparisonError(BAD_TYPE);
  return k;
}

function cmpIntegers(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function goEqual(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) {
    const ints = (k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int');
    if (!ints) throw new ComparisonError(INCOMPATIBLE);
    return cmpIntegers(numberOf(a), numberOf(b)) === 0;
  }
  if (k1 === 'bool' || k1 === 'string') return a === b;
  if (k1 === 'float') return Number(numberOf(a)) === Number(numberOf(b));
  return cmpIntegers(numberOf(a), numberOf(b)) === 0;
}

export function goLess(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) {
    const ints = (k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int');
    if (!ints) throw new ComparisonError(INCOMPATIBLE);
    return cmpIntegers(numberOf(a), numberOf(b)) < 0;
  }
  switch (k1) {
    case 'bool':
      throw new ComparisonError(BAD_TYPE);
    case 'string':
      return compareGoStrings(a as string, b as string) < 0;
    case 'float':
      return Number(numberOf(a)) < Number(numberOf(b));
    default:
      return cmpIntegers(numberOf(a), numberOf(b)) < 0;
  }
}

/** Applies a filter operator; an unknown operator is the caller's error. */
export function goCompare(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case '<':
      return goLess(a, b);
    case '>':
      return !(goLess(a, b) || goEqual(a, b));
    case '==':
      return goEqual(a, b);
    case '!=':
      return !goEqual(a, b);
    case '<=':
      return goLess(a, b) || goEqual(a, b);
    case '>=':
      return !goLess(a, b);
  }
  throw new ComparisonError(`unrecognized filter operator ${op}`);
}
