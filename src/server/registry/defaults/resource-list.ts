// SetDefaults_ResourceList (pkg/apis/core/v1): every quantity of a ResourceList is rounded up to
// milli precision (Quantity.RoundUp), and re-encoded the way resource.Quantity marshals (String()).
import { decodeQuantity, isQuantity, MILLI, quantityString, roundUpQuantity as roundUp } from '../../../api/quantity.ts';
import { isObject, type Json } from './walk.ts';

/** One quantity rounded up (away from zero) to milli scale, as String() prints it; other values as given. */
export function roundUpQuantity(value: unknown): unknown {
  if (typeof value !== 'string' && typeof value !== 'number') return value;
  const q = decodeQuantity(value);
  return isQuantity(q) ? quantityString(roundUp(q, MILLI)) : value;
}

/** Rounds every quantity of the ResourceList at o[key] in place. */
export function roundUpResourceList(o: Json | undefined, key: string): void {
  const list = o?.[key];
  if (!isObject(list)) return;
  for (const [name, value] of Object.entries(list)) list[name] = roundUpQuantity(value);
}
