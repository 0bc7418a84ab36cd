// strconv.FormatFloat for float64 with the formats fmt uses: 'e', 'E', 'f', 'g', 'G' and the
// shortest round-trip form (prec -1). Fixed precisions round the exact binary value half to even,
// as Go does (JS's toFixed rounds ties up), so the digits are worked out with BigInt.

interface Digits {
  /** Decimal digits without leading zeros (at least "0"). */
  d: string;
  /** The decimal point sits after `dp` digits (may be negative or beyond the digits). */
  dp: number;
}

/** |x| = mant × 2^exp exactly. */
function decompose(x: number): { mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const e = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & 0xfffffffffffffn;
  return e === 0 ? { mant: frac, exp: -1074 } : { mant: frac | (1n << 52n), exp: e - 1075 };
}

/** round(|x| × 10^scale), half to even, exactly. */
function scaledRound(x: number, scale: number): bigint {
  const { mant, exp } = decompose(x);
  let num = mant;
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  if (scale >= 0) num *= 10n ** BigInt(scale);
  else den *= 10n ** BigInt(-scale);
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) return q + 1n;
  return q;
}

function shortestDigits(x: number): Digits {
  if (x === 0) return { d: '0', dp: 1 };
  const [m, e] = Math.abs(x).toExponential().split('e') as [string, string];
  return { d: m.replace('.', ''), dp: Number(e) + 1 };
}

/** |x| rounded to n significant digits (trailing zeros trimmed, as Go's decimal does). */
function significantDigits(x: number, n: number): Digits {
  if (x === 0) return { d: '0', dp: 1 };
  let e = Math.floor(Math.log10(Math.abs(x)));
  let q = scaledRound(x, n - 1 - e);
  // log10 can be off by one near powers of ten; the rounded value tells
  if (q.toString().length > n) {
    e++;
    q = scaledRound(x, n - 1 - e);
  } else if (q.toString().length < n) {
    e--;
    q = scaledRound(x, n - 1 - e);
  }
  const s = q.toString();
  const dp = e + 1 + (s.length - n);
  return { d: s.replace(/0+$/, '') || '0', dp };
}

function fmtE(neg: boolean, digs: Digits, prec: number, e: 'e' | 'E'): string {
  const first = digs.d[0] ?? '0';
  let out = (neg ? '-' : '') + first;
  if (prec > 0) out += '.' + digs.d.slice(1, 1 + prec).padEnd(prec, '0');
  const exp = digs.d === '0' ? 0 : digs.dp - 1;
  const abs = Math.abs(exp);
  return `${out}${e}${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
}

function fmtF(neg: boolean, digs: Digits, prec: number): string {
  let int: string;
  if (digs.dp > 0) int = digs.d.slice(0, digs.dp).padEnd(digs.dp, '0');
  else int = '0';
  let out = (neg ? '-' : '') + int;
  if (prec > 0) {
    let frac = '';
    for (let i = 0; i < prec; i++) {
      const j = digs.dp + i;
      frac += j < 0 || j >= digs.d.length ? '0' : digs.d[j];
    }
    out += '.' + frac;
  }
  return out;
}

/** The float's bits as strconv sees them: |x| = mant × 2^(exp - 52). */
function bitsOf(x: number): { mant: bigint; exp: number } {
  const { mant, exp } = decompose(x);
  return { mant, exp: exp + 52 };
}

const MASK60 = (1n << 60n) - 1n;

/** %x / %X: -0x1.yyyyp±dd. */
function fmtX(neg: boolean, x: number, prec: number, fmt: 'x' | 'X'): string {
  let { mant, exp } = bitsOf(x);
  if (mant === 0n) exp = 0;
  mant <<= 8n; // leading 1 at bit 60
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & MASK60;
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = fmt === 'X' ? '0123456789ABCDEF' : '0123456789abcdef';
  let out = `${neg ? '-' : ''}0${fmt}${(mant >> 60n) & 1n}`;
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  }
  const e = Math.abs(exp);
  return `${out}${fmt === 'X' ? 'P' : 'p'}${exp < 0 ? '-' : '+'}${String(e).padStart(2, '0')}`;
}

/** strconv.FormatFloat(x, fmt, prec, 64). */
export function formatFloat(x: number, fmt: 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'x' | 'X' | 'b', prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const shortest = prec < 0;
  switch (fmt) {
    case 'x':
    case 'X':
      return fmtX(neg, x, prec, fmt);
    case 'b': {
      const { mant, exp } = bitsOf(x);
      return `${neg ? '-' : ''}${mant}p${exp - 52 >= 0 ? '+' : '-'}${Math.abs(exp - 52)}`;
    }
    case 'e':
    case 'E': {
      const digs = shortest ? shortestDigits(x) : significantDigits(x, prec + 1);
      return fmtE(neg, digs, shortest ? digs.d.length - 1 : prec, fmt);
    }
    case 'f':
    case 'F': {
      if (shortest) return fmtF(neg, shortestDigits(x), Math.max(shortestDigits(x).d.length - shortestDigits(x).dp, 0));
      const q = scaledRound(x, prec).toString().padStart(prec + 1, '0');
      return fmtF(neg, { d: q, dp: q.length - prec }, prec);
    }
    default: {
      let p = prec;
      let digs: Digits;
      if (shortest) {
        digs = shortestDigits(x);
        p = digs.d.length;
      } else {
        if (p === 0) p = 1;
        digs = significantDigits(x, p);
      }
      let eprec = p;
      if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
      if (shortest) eprec = 6;
      const exp = digs.dp - 1;
      if (digs.d !== '0' && (exp < -4 || exp >= eprec)) {
        return fmtE(neg, digs, Math.min(p, digs.d.length) - 1, fmt === 'g' ? 'e' : 'E');
      }
      if (p > digs.dp) p = digs.d.length;
      return fmtF(neg, digs, Math.max(p - digs.dp, 0));
    }
  }
}
