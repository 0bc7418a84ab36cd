// LimitRanger's maxLimitRequestRatio check, on exact amounts rather than upstream's float64 ratio.
import { cmpQuantity, type Quantity } from '../../api/quantity.ts';

const abs = (n: bigint) => (n < 0n ? -n : n);

/** limit > request × ratio, on magnitudes (limitranger limitRequestRatioConstraint). */
export function exceedsRatio(limit: Quantity, request: Quantity, ratio: Quantity): boolean {
  const product: Quantity = { unscaled: abs(request.unscaled) * ratio.unscaled, scale: request.scale + ratio.scale, format: 'DecimalSI' };
  return cmpQuantity({ ...limit, unscaled: abs(limit.unscaled) }, product) > 0;
}

/** limit / request to six decimals, half to even, as %f prints the observed ratio ("4.000000"). */
export function ratioString(limit: Quantity, request: Quantity): string {
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
