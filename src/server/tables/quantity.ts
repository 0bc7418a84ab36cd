// resource.Quantity's String() as the printers call it (k8s.io/apimachinery pkg/api/resource):
// a parsed quantity keeps its own text when that text is already canonical, and is otherwise
// rewritten in canonical form ("1000m" → "1", "1024Mi" → "1Gi", "0.5" → "500m", "1000" → "1k").

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

interface Quantity {
  /** value = unscaled × 10^scale, exact. */
  unscaled: bigint;
  scale: number;
  format: Format;
  /** The input text, when upstream would reuse it. */
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

/** parseQuantityString's split: sign, digits before and after the point, suffix. */
function split(s: string): { positive: boolean; num: string; denom: string; suffix: string } | undefined {
  // a suffix is letters of the SI set, then an optional signed exponent ("Mi", "e3", "E-2")
  const m = /^([+-]?)(\d*)(?:\.(\d*))?([eEinumkKMGTP]*[+-]?\d*)$/.exec(s);
  if (!m) return undefined;
  return { positive: m[1] !== '-', num: m[2]!.replace(/^0+/, '') || '0', denom: m[3] ?? '', suffix: m[4]! };
}

function interpret(suffix: string): { base: 2 | 10; exponent: number; format: Format } | undefined {
  if (suffix in DECIMAL) return { base: 10, exponent: DECIMAL[suffix]!, format: 'DecimalSI' };
  if (suffix in BINARY) return { base: 2, exponent: BINARY[suffix]!, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    return { base: 10, exponent: Number(suffix.slice(1)), format: 'DecimalExponent' };
  }
  return undefined;
}

/** ParseQuantity; undefined where upstream fails to parse. */
export function parseQuantity(s: string): Quantity | undefined {
  if (s === '') return undefined;
  if (s === '0') return { unscaled: 0n, scale: 0, format: 'DecimalSI', text: s };
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

  // ParseQuantity's int64 fast path, which is where it may keep the text as given
  let text: string | undefined;
  const precision =
    base === 10
      ? 18 - (num.length + denom.length)
      : denom.length === 0
        ? 15 - num.length - Math.trunc((exponent * 3) / 10) - 1
        : -1;
  const fastScale = (base === 10 ? exponent : 0) - denom.length;
  if (precision >= 0 && fastScale >= NANO && abs(unscaled) <= MAX_INT64) {
    const shifted = num + denom;
    const keep =
      base === 2 ? exponent % 10 === 0 && (digits & 7n) !== 0n : fastScale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
    if (keep) text = s;
  } else {
    // the inf.Dec path: round away from zero to nanos, cap binary amounts at MaxInt64
    if (scale < NANO) {
      const divisor = pow10(NANO - scale);
      const magnitude = abs(unscaled);
      const rounded = (magnitude + divisor - 1n) / divisor;
      unscaled = unscaled < 0n ? -rounded : rounded;
      scale = NANO;
    }
    if (format === 'BinarySI') {
      const magnitude = abs(scale >= 0 ? unscaled * pow10(scale) : unscaled);
      if (scale >= 0 && magnitude > MAX_INT64) {
        unscaled = unscaled < 0n ? -MAX_INT64 : MAX_INT64;
        scale = 0;
      }
      // below one, binary suffixes cannot express it
      if (unscaled !== 0n && compareAbs(unscaled, scale, 1n) < 0) format = 'DecimalSI';
    }
  }
  return { unscaled, scale, format, ...(text === undefined ? {} : { text }) };
}

/** Compares |unscaled × 10^scale| with an integer. */
function compareAbs(unscaled: bigint, scale: number, n: bigint): number {
  const a = abs(unscaled);
  const [l, r] = scale >= 0 ? [a * pow10(scale), n] : [a, n * pow10(-scale)];
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Quantity.CanonicalizeBytes. */
function canonical(q: Quantity): string {
  if (q.unscaled === 0n) return '0';
  let format = q.format;
  let integer: bigint | undefined;
  if (format === 'BinarySI') {
    if (compareAbs(q.unscaled, q.scale, 1024n) < 0) format = 'DecimalSI';
    else if (q.scale >= 0) integer = q.unscaled * pow10(q.scale);
    else if (q.unscaled % pow10(-q.scale) === 0n) integer = q.unscaled / pow10(-q.scale);
    // a fraction would round: show it decimal instead
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
  // exponents go down to a multiple of three
  const r = ((exponent % 3) + 3) % 3;
  amount *= pow10(r);
  exponent -= r;
  if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  return `${amount}${DECIMAL_SUFFIX.get(exponent) ?? ''}`;
}

/**
 * (resource.Quantity).String() of a JSON quantity (a string, or a bare number). An absent quantity
 * is the zero Quantity, "0"; text upstream could not have decoded is returned as given.
 */
export function quantityString(value: unknown): string {
  if (value === undefined || value === null) return '0';
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const q = parseQuantity(text);
  if (!q) return typeof value === 'string' ? value : '0';
  return q.text ?? canonical(q);
}

/** (*resource.Quantity).String() of a pointer field: `<nil>` when unset. */
export const quantityPtrString = (value: unknown): string => (value === undefined || value === null ? '<nil>' : quantityString(value));
