// resource.Quantity (k8s.io/apimachinery pkg/api/resource): parsing with its error texts, exact
// comparison, and String()'s canonical form, which field errors print (e.g. "0.5" → "500m",
// "1024Mi" → "1Gi"). Values are held as exact nano-units, rounded up like ParseQuantity.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value × 10^9, rounded away from zero to whole nanos. */
  nanos: bigint;
  format: QuantityFormat;
}

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX: Record<number, string> = Object.fromEntries(Object.entries(DECIMAL).map(([s, e]) => [e, s]));
const BINARY_SUFFIX: Record<number, string> = Object.fromEntries(Object.entries(BINARY).map(([s, e]) => [e, s]));

const pow10 = (n: number) => 10n ** BigInt(n);
const divCeil = (a: bigint, b: bigint) => (a % b === 0n ? a / b : a / b + 1n);

/** ParseQuantity; a JSON number is accepted as its decimal text, as UnmarshalJSON does. */
export function parseQuantity(input: unknown): Quantity | Error {
  if (typeof input === 'number') input = String(input);
  if (typeof input !== 'string') return new Error(QUANTITY_FORMAT_ERROR);
  const s = input.trim();
  if (!/^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/.test(s)) return new Error(QUANTITY_FORMAT_ERROR);
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/.exec(s);
  if (!m || (m[2] === '' && !m[3])) return new Error(QUANTITY_FORMAT_ERROR);
  const [, sign, intPart = '', fracPart = '', suffix = ''] = m;
  let format: QuantityFormat;
  let base10 = 0;
  let base2 = 0;
  if (suffix in BINARY) {
    format = 'BinarySI';
    base2 = BINARY[suffix]!;
  } else if (suffix in DECIMAL) {
    format = 'DecimalSI';
    base10 = DECIMAL[suffix]!;
  } else if (/^[eE][-+]?\d+$/.test(suffix)) {
    format = 'DecimalExponent';
    base10 = Number(suffix.slice(1));
  } else return new Error(QUANTITY_SUFFIX_ERROR);
  const digits = BigInt((intPart + fracPart).replace(/^0+(?=\d)/, '') || '0');
  // value = digits × 10^(base10 − frac) × 2^base2; in nanos: × 10^9.
  let num = digits * 2n ** BigInt(base2);
  const exp = base10 - fracPart.length + 9;
  const nanos = exp >= 0 ? num * pow10(exp) : divCeil(num, pow10(-exp));
  num = nanos;
  return { nanos: sign === '-' ? -num : num, format };
}

export const isQuantity = (q: Quantity | Error): q is Quantity => !(q instanceof Error);

export const cmpQuantity = (a: Quantity, b: Quantity) => (a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0);
export const sign = (q: Quantity) => (q.nanos < 0n ? -1 : q.nanos > 0n ? 1 : 0);

/** Quantity.Value(): rounded up to an integer. */
export function quantityValue(q: Quantity): number {
  const n = q.nanos < 0n ? -divCeil(-q.nanos, 1_000_000_000n) : divCeil(q.nanos, 1_000_000_000n);
  return Number(n);
}

/** Quantity.MilliValue(), rounded up. */
export function quantityMilliValue(q: Quantity): bigint {
  return q.nanos < 0n ? -divCeil(-q.nanos, 1_000_000n) : divCeil(q.nanos, 1_000_000n);
}

/** Quantity.String(): the canonical form (CanonicalizeBytes). */
export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  const neg = q.nanos < 0n;
  const abs = neg ? -q.nanos : q.nanos;
  let format = q.format;
  if (format === 'BinarySI' && (abs < 1024n * 1_000_000_000n || abs % 1_000_000_000n !== 0n)) format = 'DecimalSI';
  let text: string;
  if (format === 'BinarySI') {
    let v = abs / 1_000_000_000n;
    let e = 0;
    while (v % 1024n === 0n && e < 60) {
      v /= 1024n;
      e += 10;
    }
    text = `${v}${BINARY_SUFFIX[e] ?? ''}`;
  } else {
    let v = abs;
    let e = -9;
    while (v % 10n === 0n) {
      v /= 10n;
      e += 1;
    }
    const r = ((e % 3) + 3) % 3;
    v *= pow10(r);
    e -= r;
    const suffix = format === 'DecimalSI' && e in DECIMAL_SUFFIX ? DECIMAL_SUFFIX[e]! : e === 0 ? '' : `e${e}`;
    text = `${v}${suffix}`;
  }
  return neg ? `-${text}` : text;
}

/** The canonical text of a quantity field's raw value, or the raw text when it does not parse. */
export function quantityText(raw: unknown): string {
  const q = parseQuantity(raw);
  return isQuantity(q) ? formatQuantity(q) : String(raw);
}
