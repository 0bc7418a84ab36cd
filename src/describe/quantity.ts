// resource.Quantity as describe uses it (k8s.io/apimachinery pkg/api/resource): parse, String(),
// Add, Cmp, Value and MilliValue. Amounts are exact (unscaled × 10^scale as a bigint); String()
// keeps a parsed text that is already canonical and otherwise canonicalises ("1000m" → "1",
// "1024Mi" → "1Gi"), and a sum forgets its text, as Add clears the cached string.

export type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  unscaled: bigint;
  scale: number;
  format: Format;
  /** The input text, when upstream would print it as given. */
  text?: string;
}

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_SUFFIX = new Map(Object.entries(DECIMAL).map(([s, e]) => [e, s]));
const BINARY_SUFFIX = new Map(Object.entries(BINARY).map(([s, e]) => [e, s]));
const MAX_INT64 = (1n << 63n) - 1n;
const NANO = -9;

const pow10 = (n: number) => 10n ** BigInt(n);
const abs = (n: bigint) => (n < 0n ? -n : n);

export const ZERO: Quantity = { unscaled: 0n, scale: 0, format: 'DecimalSI' };

function split(s: string): { positive: boolean; num: string; denom: string; suffix: string } | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?([eEinumkKMGTP]*[+-]?\d*)$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  return { positive: m[1] !== '-', num: m[2]!.replace(/^0+/, '') || '0', denom: m[3] ?? '', suffix: m[4]! };
}

function interpret(suffix: string): { base: 2 | 10; exponent: number; format: Format } | undefined {
  if (suffix in DECIMAL) return { base: 10, exponent: DECIMAL[suffix]!, format: 'DecimalSI' };
  if (suffix in BINARY) return { base: 2, exponent: BINARY[suffix]!, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1)))
    return { base: 10, exponent: Number(suffix.slice(1)), format: 'DecimalExponent' };
  return undefined;
}

/** ParseQuantity of a JSON value (a string, or a bare number); undefined where upstream fails. */
export function parseQuantity(value: unknown): Quantity | undefined {
  const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  if (s === undefined || s === '') return undefined;
  if (s === '0') return { ...ZERO, text: s };
  const parts = split(s);
  const kind = parts && interpret(parts.suffix);
  if (!parts || !kind) return undefined;
  const { positive, num, denom } = parts;
  const { base, exponent } = kind;
  let { format } = kind;
  const digits = BigInt(num + denom);
  let unscaled = positive ? digits : -digits;
  let scale = -denom.length;
  if (base === 10) scale += exponent;
  else unscaled *= 1n << BigInt(exponent);

  // ParseQuantity's int64 fast path is where it may keep the text as given
  let text: string | undefined;
  const precision = base === 10 ? 18 - (num.length + denom.length) : denom.length === 0 ? 15 - num.length - Math.trunc((exponent * 3) / 10) - 1 : -1;
  const fastScale = (base === 10 ? exponent : 0) - denom.length;
  if (precision >= 0 && fastScale >= NANO && abs(unscaled) <= MAX_INT64) {
    const shifted = num + denom;
    const keep = base === 2 ? exponent % 10 === 0 && (digits & 7n) !== 0n : fastScale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
    if (keep) text = s;
  } else {
    // the inf.Dec path: round away from zero to nanos, cap binary amounts at MaxInt64
    if (scale < NANO) {
      const divisor = pow10(NANO - scale);
      const rounded = (abs(unscaled) + divisor - 1n) / divisor;
      unscaled = unscaled < 0n ? -rounded : rounded;
      scale = NANO;
    }
    if (format === 'BinarySI') {
      if (scale >= 0 && abs(unscaled * pow10(scale)) > MAX_INT64) {
        unscaled = unscaled < 0n ? -MAX_INT64 : MAX_INT64;
        scale = 0;
      }
      if (unscaled !== 0n && compareAbs(unscaled, scale, 1n) < 0) format = 'DecimalSI';
    }
  }
  return text === undefined ? { unscaled, scale, format } : { unscaled, scale, format, text };
}

/** A quantity field of an object: absent or unreadable is the zero Quantity. */
export const quantityOf = (value: unknown): Quantity => parseQuantity(value) ?? ZERO;

function compareAbs(unscaled: bigint, scale: number, n: bigint): number {
  const a = abs(unscaled);
  const [l, r] = scale >= 0 ? [a * pow10(scale), n] : [a, n * pow10(-scale)];
  return l < r ? -1 : l > r ? 1 : 0;
}

function canonical(q: Quantity): string {
  if (q.unscaled === 0n) return '0';
  let format = q.format;
  let integer: bigint | undefined;
  if (format === 'BinarySI') {
    if (compareAbs(q.unscaled, q.scale, 1024n) < 0) format = 'DecimalSI';
    else if (q.scale >= 0) integer = q.unscaled * pow10(q.scale);
    else if (q.unscaled % pow10(-q.scale) === 0n) integer = q.unscaled / pow10(-q.scale);
    else format = 'DecimalSI';
  }
  if (format === 'BinarySI' && integer !== undefined) {
    let amount = integer;
    let exponent = 0;
    while (abs(amount) >= 1024n && amount % 1024n === 0n) {
      amount /= 1024n;
      exponent += 10;
    }
    return `${amount}${BINARY_SUFFIX.get(exponent) ?? ''}`;
  }
  let amount = q.unscaled;
  let exponent = q.scale;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent += 1;
  }
  const r = ((exponent % 3) + 3) % 3;
  amount *= pow10(r);
  exponent -= r;
  if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  return `${amount}${DECIMAL_SUFFIX.get(exponent) ?? ''}`;
}

/** (Quantity).String(). */
export const quantityString = (q: Quantity): string => q.text ?? canonical(q);

/** String() of a quantity field as it arrived: "0" when absent. */
export const formatQuantity = (value: unknown): string => quantityString(quantityOf(value));

/** (*Quantity).String() through %v of a pointer field: `<nil>` when unset. */
export const formatQuantityPtr = (value: unknown): string => (value === undefined || value === null ? '<nil>' : formatQuantity(value));

function align(a: Quantity, b: Quantity): [bigint, bigint, number] {
  const scale = Math.min(a.scale, b.scale);
  return [a.unscaled * pow10(a.scale - scale), b.unscaled * pow10(b.scale - scale), scale];
}

/** q.Add(y): the receiver's format, unless it was zero. */
export function addQuantity(q: Quantity, y: Quantity): Quantity {
  const [a, b, scale] = align(q, y);
  return { unscaled: a + b, scale, format: q.unscaled === 0n ? y.format : q.format };
}

export function cmpQuantity(a: Quantity, b: Quantity): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const isZeroQuantity = (q: Quantity): boolean => q.unscaled === 0n;

/** ScaledValue: the amount in units of 10^scale, rounded away from zero. */
function scaledValue(q: Quantity, scale: number): bigint {
  const shift = q.scale - scale;
  if (shift >= 0) return q.unscaled * pow10(shift);
  const divisor = pow10(-shift);
  const m = (abs(q.unscaled) + divisor - 1n) / divisor;
  return q.unscaled < 0n ? -m : m;
}

/** Value(): whole units, rounded up. */
export const quantityValue = (q: Quantity): number => Number(scaledValue(q, 0));

/** MilliValue(): thousandths, rounded up. */
export const quantityMilliValue = (q: Quantity): number => Number(scaledValue(q, -3));

/** resource.NewQuantity(value, format). */
export const newQuantity = (value: number, format: Format): Quantity => ({ unscaled: BigInt(Math.trunc(value)), scale: 0, format });
