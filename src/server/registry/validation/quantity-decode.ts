// A malformed resource.Quantity fails JSON decoding upstream, before validation: the request is
// a 400 "<Kind> in version "<v>" cannot be handled as a <Kind>: quantities must match ...".
// This finds such a value by walking the object along the generated type table.
import { decodeQuantity, isQuantity } from '../../../api/quantity.ts';
import { builtinTypes } from '../../../api/types.ts';
import { isObj } from './field.ts';

function walk(value: unknown, typeName: string, depth: number): string | undefined {
  if (depth > 64 || value === undefined || value === null) return undefined;
  const types = builtinTypes();
  const t = types.type(typeName);
  if (!t) return undefined;
  if (t.special === 'quantity') {
    const q = decodeQuantity(value);
    return isQuantity(q) ? undefined : q.message;
  }
  if (t.special || !isObj(value)) return undefined;
  for (const f of types.jsonFields(typeName)) {
    const v = value[f.name];
    if (v === undefined || v === null) continue;
    const items = f.repeated && Array.isArray(v) ? v : f.map && isObj(v) ? Object.values(v) : [v];
    for (const item of items) {
      const err = walk(item, f.type, depth + 1);
      if (err) return err;
    }
  }
  return undefined;
}

/** The decode error text for the first malformed quantity in a built-in object, if any. */
export function quantityDecodeError(group: string, version: string, kind: string, obj: unknown): string | undefined {
  const typeName = builtinTypes().typeNameForKind(group, version, kind);
  return typeName ? walk(obj, typeName, 0) : undefined;
}
