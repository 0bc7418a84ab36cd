// Exact arithmetic on resource.Quantity values for the checks admission makes (Cmp, Add, and the
// limit/request ratio), with Quantity.String() for the messages.
import { parseQuantity, quantityString } from '../tables/quantity.ts';

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** value = unscaled × 10^scale; text is the input, when there was one. */
export interface Amount {
  unscaled: bigint;
  scale: number;
  format: Format;
  text?: string;
}

export function amount(v: unknown): Amount | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const text = typeof v === 'number' ? String(v) : v.trim();
  const q = parseQuantity(text);
  return q && { unscaled: q.unscaled, scale: q.scale, format: q.format, text };
}

export const ZERO: Amount = { unscaled: 0n, scale: 0, format: 'DecimalSI' };

/** Both values over a common scale. */
function align(a: Amount, b: Amount): [bigint, bigint, number] {
  const scale = Math.min(a.scale, b.scale);
  return [a.unscaled * 10n ** BigInt(a.scale - scale), b.unscaled * 10n ** BigInt(b.scale - scale), scale];
}

export function compare(a: Amount, b: Amount): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Quantity.Add keeps the receiver's format. */
export function add(a: Amount, b: Amount): Amount {
  const [x, y, scale] = align(a, b);
  return { unscaled: x + y, scale, format: a.format };
}

export const sign = (a: Amount) => (a.unscaled > 0n ? 1 : a.unscaled < 0n ? -1 : 0);

/** Quantity.String(). */
export function amountString(a: Amount): string {
  if (a.text !== undefined) return quantityString(a.text);
  const negative = a.unscaled < 0n;
  const digits = (negative ? -a.unscaled : a.unscaled).toString();
  let text: string;
  if (a.scale >= 0) text = digits + '0'.repeat(a.scale);
  else {
    const padded = digits.padStart(-a.scale + 1, '0');
    text = `${padded.slice(0, a.scale)}.${padded.slice(a.scale)}`;
  }
  // a whole binary amount keeps its binary suffix when re-read
  if (a.format === 'BinarySI' && a.scale >= 0 && BigInt(text) % 1024n === 0n) text = `${BigInt(text) / 1024n}Ki`;
  return quantityString((negative ? '-' : '') + text);
}

/** limit > request × ratio, on magnitudes (limitranger exceedsAllowed). */
export function exceedsRatio(limit: Amount, request: Amount, ratio: Amount): boolean {
  const abs = (a: Amount): Amount => ({ ...a, unscaled: a.unscaled < 0n ? -a.unscaled : a.unscaled });
  const r = abs(request);
  const product: Amount = { unscaled: r.unscaled * ratio.unscaled, scale: r.scale + ratio.scale, format: 'DecimalSI' };
  return compare(abs(limit), product) > 0;
}

/** limit / request to six decimals, half to even, as inf.Dec prints it ("4.000000"). */
export function ratioString(limit: Amount, request: Amount): string {
  const abs = (n: bigint) => (n < 0n ? -n : n);
  // (l × 10^ls) / (r × 10^rs) × 10^6, as an integer with rounding
  const exp = limit.scale - request.scale + 6;
  let num = abs(limit.unscaled);
  let den = abs(request.unscaled);
  if (exp >= 0) num *= 10n ** BigInt(exp);
  else den *= 10n ** BigInt(-exp);
  let q = num / den;
  const rem = num % den;
  if (rem * 2n > den || (rem * 2n === den && q % 2n === 1n)) q += 1n;
  const digits = q.toString().padStart(7, '0');
  return `${digits.slice(0, -6)}.${digits.slice(-6)}`;
}
