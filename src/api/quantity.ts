// resource.Quantity (k8s.io/apimachinery pkg/api/resource), the one copy client and server share.
// An amount is exact: unscaled × 10^scale as a bigint, never a float. ParseQuantity rounds away
// from zero to nano precision off its int64 fast path and remembers the input as String()'s text
// only when that input is already canonical; String() otherwise canonicalises ("1000m" → "1",
// "1024Mi" → "1Gi", "0.5" → "500m"); arithmetic forgets the text, as Add clears the cached string.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** value = unscaled × 10^scale, exact */
  readonly unscaled: bigint;
  readonly scale: number;
  readonly format: QuantityFormat;
  /** String()'s cached text: the input, where ParseQuantity keeps it */
  readonly text?: string;
}

/** resource.Scale values (powers of ten) that callers round to. */
export const NANO = -9;
export const MILLI = -3;

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';

/** The zero Quantity, as an absent field decodes. */
export const ZERO: Quantity = { unscaled: 0n, scale: 0, format: 'DecimalSI' };

const DECIMAL = new Map([['n', -9], ['u', -6], ['m', -3], ['', 0], ['k', 3], ['M', 6], ['G', 9], ['T', 12], ['P', 15], ['E', 18]]);
const BINARY = new Map([['Ki', 10], ['Mi', 20], ['Gi', 30], ['Ti', 40], ['Pi', 50], ['Ei', 60]]);
const DECIMAL_SUFFIX = new Map([...DECIMAL].map(([s, e]) => [e, s]));
const BINARY_SUFFIX = new Map([...BINARY].map(([s, e]) => [e, s]));
const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);
// beyond this a power of ten costs real time (10^1e6 takes ~0.3s, 10^1e9 ~30s); no real quantity needs it
const MAX_POW10 = 100_000;

// parseQuantityString's grammar: sign, digits, optional fraction, suffix letters, optional signed digits
const SCAN = /^([+-]?)(\d*)(?:\.(\d*))?([eEinumkKMGTP]*[+-]?\d*)$/;

function pow10(n: number): bigint {
  if (n > MAX_POW10) throw new RangeError(`quantity exponent out of range: 10^${n}`);
  return 10n ** BigInt(n);
}
const abs = (n: bigint) => (n < 0n ? -n : n);
const digitCount = (n: bigint) => abs(n).toString().length;
const clampInt64 = (n: bigint) => (n > MAX_INT64 ? MAX_INT64 : n < MIN_INT64 ? MIN_INT64 : n);

/** n / 10^down (down > 0), rounded away from zero; cheap however large `down` is. */
function divideUp(n: bigint, down: number): bigint {
  if (n === 0n) return 0n;
  // |n| < 10^down: only the rounding unit is left
  if (down >= digitCount(n)) return n < 0n ? -1n : 1n;
  const divisor = pow10(down);
  const q = abs(n) / divisor;
  const m = abs(n) % divisor === 0n ? q : q + 1n;
  return n < 0n ? -m : m;
}

type Unit = { base: 2 | 10; exponent: number; format: QuantityFormat };

/** quantitySuffixer.interpret: the SI tables, then e/E with a signed int64 exponent (kept as int32, as upstream truncates). */
function interpret(suffix: string): Unit | undefined {
  const dec = DECIMAL.get(suffix);
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = BINARY.get(suffix);
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    const e = BigInt(suffix.slice(1));
    if (e < MIN_INT64 || e > MAX_INT64) return undefined;
    return { base: 10, exponent: Number(BigInt.asIntN(32, e)), format: 'DecimalExponent' };
  }
  return undefined;
}

/** ParseQuantity: a quantity, or an Error with upstream's text. The text is taken as is (no trimming). */
export function parseQuantity(str: string): Quantity | Error {
  if (str === '') return new Error(QUANTITY_FORMAT_ERROR);
  if (str === '0') return { ...ZERO, text: str };
  const m = SCAN.exec(str);
  if (!m) return new Error(QUANTITY_FORMAT_ERROR);
  const [, sign, intDigits = '', denom = '', suffix = ''] = m;
  const negative = sign === '-';
  const num = intDigits.replace(/^0+/, '') || '0';
  const unit = interpret(suffix);
  if (!unit) return new Error(QUANTITY_SUFFIX_ERROR);
  const { base, exponent } = unit;

  // the int64 fast path: the only place the input survives as String()'s text
  const precision =
    base === 10 ? 18 - (num.length + denom.length) : denom.length === 0 ? 15 - num.length - Math.trunc((exponent * 3) / 10) - 1 : -1;
  const fastScale = (base === 10 ? exponent : 0) - denom.length;
  if (precision >= 0 && fastScale >= NANO) {
    const shifted = num + denom;
    const value = BigInt(shifted);
    const magnitude = base === 2 ? value << BigInt(exponent) : value;
    if (magnitude <= MAX_INT64) {
      const keep =
        base === 2 ? exponent % 10 === 0 && (value & 7n) !== 0n : fastScale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
      const q: Quantity = { unscaled: negative ? -magnitude : magnitude, scale: fastScale, format: unit.format };
      return keep ? { ...q, text: str } : q;
    }
  }

  // the inf.Dec path: it needs a digit to read
  if (!/\d/.test(intDigits + denom)) return new Error(QUANTITY_NUMERIC_ERROR);
  let magnitude = BigInt(intDigits + denom);
  let scale = -denom.length;
  if (base === 10) scale += exponent;
  else magnitude <<= BigInt(exponent);
  let format = unit.format;
  // non-zero amounts round up to the smallest unit: asking for some gets some
  if (magnitude !== 0n && scale < NANO) {
    magnitude = divideUp(magnitude, NANO - scale);
    scale = NANO;
  }
  if (format === 'BinarySI') {
    if (compareMagnitude(magnitude, scale, MAX_INT64) > 0) {
      magnitude = MAX_INT64;
      scale = 0;
    }
    // below one, binary suffixes cannot express it
    if (magnitude !== 0n && compareMagnitude(magnitude, scale, 1n) < 0) format = 'DecimalSI';
  }
  return { unscaled: negative ? -magnitude : magnitude, scale, format };
}

// strings.TrimSpace's set (unicode.IsSpace): String.prototype.trim would also take U+FEFF and leave U+0085
const SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const GO_SPACE = new RegExp(`^${SPACE}+|${SPACE}+$`, 'g');

/** UnmarshalJSON of a JSON value: a string (space-trimmed) or a bare number; null is the zero Quantity. */
export function decodeQuantity(value: unknown): Quantity | Error {
  if (value === null) return ZERO;
  if (typeof value === 'number') return parseQuantity(String(value));
  if (typeof value === 'string') return parseQuantity(value.replace(GO_SPACE, ''));
  return new Error(QUANTITY_FORMAT_ERROR);
}

export const isQuantity = (q: Quantity | Error): q is Quantity => !(q instanceof Error);

/** A quantity field's value; undefined when absent or malformed (upstream would have failed the decode). */
export function readQuantity(value: unknown): Quantity | undefined {
  if (value === undefined || value === null) return undefined;
  const q = decodeQuantity(value);
  return isQuantity(q) ? q : undefined;
}

/** A quantity field's value, absent or unreadable being the zero Quantity (a missing ResourceList key). */
export const quantityOf = (value: unknown): Quantity => readQuantity(value) ?? ZERO;

/** resource.NewQuantity(value, format). */
export const newQuantity = (value: number | bigint, format: QuantityFormat): Quantity => ({
  unscaled: typeof value === 'bigint' ? value : BigInt(Math.trunc(value)),
  scale: 0,
  format,
});

/** Compares |unscaled × 10^scale| with a non-negative integer. */
function compareMagnitude(unscaled: bigint, scale: number, n: bigint): number {
  return cmpQuantity({ unscaled: abs(unscaled), scale, format: 'DecimalSI' }, { unscaled: n, scale: 0, format: 'DecimalSI' });
}

export const quantitySign = (q: Quantity): -1 | 0 | 1 => (q.unscaled > 0n ? 1 : q.unscaled < 0n ? -1 : 0);
export const isZeroQuantity = (q: Quantity): boolean => q.unscaled === 0n;

/** Both amounts over their common (smaller) scale. */
function align(a: Quantity, b: Quantity): [bigint, bigint, number] {
  const scale = Math.min(a.scale, b.scale);
  return [a.unscaled * pow10(a.scale - scale), b.unscaled * pow10(b.scale - scale), scale];
}

/** Cmp. Orders of magnitude settle it before any aligning, so far-apart exponents cost nothing. */
export function cmpQuantity(a: Quantity, b: Quantity): -1 | 0 | 1 {
  const sa = quantitySign(a);
  const sb = quantitySign(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  const ea = digitCount(a.unscaled) + a.scale;
  const eb = digitCount(b.unscaled) + b.scale;
  if (ea !== eb) return ea > eb ? sa : sa === 1 ? -1 : 1;
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** q.Add(y): exact; the receiver's format unless it is zero; the cached text is gone. */
export function addQuantity(q: Quantity, y: Quantity): Quantity {
  if (isZeroQuantity(q)) return { unscaled: y.unscaled, scale: y.scale, format: y.format };
  if (isZeroQuantity(y)) return { unscaled: q.unscaled, scale: q.scale, format: q.format };
  const [a, b, scale] = align(q, y);
  return { unscaled: a + b, scale, format: q.format };
}

/** ScaledValue: the amount in units of 10^scale, rounded away from zero, saturating at the int64 bounds. */
export function scaledValue(q: Quantity, scale: number): bigint {
  if (q.unscaled === 0n) return 0n;
  const up = q.scale - scale;
  if (up < 0) return clampInt64(divideUp(q.unscaled, -up));
  // 10^19 alone is past int64
  if (up >= 19) return q.unscaled < 0n ? MIN_INT64 : MAX_INT64;
  return clampInt64(q.unscaled * pow10(up));
}

/** Value(): whole units, rounded up. */
export const quantityValue = (q: Quantity): number => Number(scaledValue(q, 0));

/** MilliValue(): thousandths, rounded up. */
export const quantityMilliValue = (q: Quantity): number => Number(scaledValue(q, MILLI));

/** RoundUp(scale): a finer amount rounds away from zero (dropping its text); a coarser one is kept as is. */
export function roundUpQuantity(q: Quantity, scale: number): Quantity {
  if (q.scale >= scale) return q;
  return { unscaled: divideUp(q.unscaled, scale - q.scale), scale, format: q.format };
}

/** CanonicalizeBytes: mantissa and suffix with the largest exponent that loses nothing. */
function canonical(q: Quantity): string {
  if (q.unscaled === 0n) return '0';
  let format = q.format;
  let whole: bigint | undefined;
  if (format === 'BinarySI') {
    if (compareMagnitude(q.unscaled, q.scale, 1024n) < 0) format = 'DecimalSI';
    else if (q.scale >= 0) whole = q.unscaled * pow10(q.scale);
    else if (q.unscaled % pow10(-q.scale) === 0n) whole = q.unscaled / pow10(-q.scale);
    // a fraction would round: show it decimal instead
    else format = 'DecimalSI';
  }
  if (whole !== undefined) {
    let exponent = 0;
    while (abs(whole) >= 1024n && whole % 1024n === 0n) {
      whole /= 1024n;
      exponent += 10;
    }
    // 2^0 and past Ei have no binary suffix: the bare mantissa, as upstream prints
    return `${whole}${BINARY_SUFFIX.get(exponent) ?? ''}`;
  }
  // factors of ten move into the exponent, which then goes down to a multiple of three
  const digits = abs(q.unscaled).toString();
  const significant = digits.replace(/0+$/, '');
  let exponent = q.scale + digits.length - significant.length;
  const r = ((exponent % 3) + 3) % 3;
  exponent -= r;
  const mantissa = `${q.unscaled < 0n ? '-' : ''}${significant}${'0'.repeat(r)}`;
  if (format === 'DecimalExponent') return exponent === 0 ? mantissa : `${mantissa}e${exponent}`;
  // past E (or below n) DecimalSI has no suffix and upstream prints the bare mantissa ("1000E" → "1")
  return `${mantissa}${DECIMAL_SUFFIX.get(exponent) ?? ''}`;
}

/** (Quantity).String(): the kept text, else the canonical form. */
export const quantityString = (q: Quantity): string => q.text ?? canonical(q);

/**
 * String() of a quantity field as it arrived in JSON: "0" when absent (the zero Quantity); text
 * upstream could not have decoded comes back as given.
 */
export function formatQuantity(value: unknown): string {
  if (value === undefined || value === null) return '0';
  const q = decodeQuantity(value);
  if (isQuantity(q)) return quantityString(q);
  return typeof value === 'string' ? value : '0';
}

/** (*Quantity).String() through %v of a pointer field: `<nil>` when unset. */
export const formatQuantityPtr = (value: unknown): string => (value === undefined || value === null ? '<nil>' : formatQuantity(value));
