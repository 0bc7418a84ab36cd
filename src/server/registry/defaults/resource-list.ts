// SetDefaults_ResourceList (pkg/apis/core/v1): every quantity of a ResourceList is rounded up to
// milli precision, and re-encoded the way resource.Quantity marshals (its canonical String()).
import { parseQuantity, quantityString } from '../../tables/quantity.ts';
import { isObject, type Json } from './walk.ts';

const MILLI = -3;

/** One quantity rounded up (away from zero) to milli scale, in canonical form; other values as given. */
export function roundUpQuantity(value: unknown): unknown {
  if (typeof value !== 'string' && typeof value !== 'number') return value;
  const q = parseQuantity(typeof value === 'number' ? String(value) : value.trim());
  if (!q) return value;
  if (q.scale >= MILLI) return quantityString(value);
  const divisor = 10n ** BigInt(MILLI - q.scale);
  const magnitude = q.unscaled < 0n ? -q.unscaled : q.unscaled;
  const rounded = (magnitude + divisor - 1n) / divisor;
  return quantityString(`${q.unscaled < 0n ? -rounded : rounded}m`);
}

/** Rounds every quantity of the ResourceList at o[key] in place. */
export function roundUpResourceList(o: Json | undefined, key: string): void {
  const list = o?.[key];
  if (!isObject(list)) return;
  for (const [name, value] of Object.entries(list)) list[name] = roundUpQuantity(value);
}
