// x-kubernetes-list-type set and map: no duplicate items / keys (apiextensions-apiserver
// schema/listtype). Like upstream, each duplicated value is reported once, at its second index.
import type { FieldError } from '../../status.ts';
import { LIST_MAP_KEYS, LIST_TYPE, additionalPropertiesOf, isPlainObject, itemsOf, type JSONSchemaProps } from './types.ts';

/** encoding/json's form of a value: object keys sorted, so equal values give equal text. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isPlainObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

function secondOccurrences(values: unknown[]): number[] {
  const seen = new Map<string, number>();
  const out: number[] = [];
  values.forEach((v, i) => {
    const k = canonicalJson(v);
    const times = seen.get(k) ?? 0;
    if (times === 1) out.push(i);
    seen.set(k, times + 1);
  });
  return out;
}

function checkArray(path: string, s: JSONSchemaProps, arr: unknown[], errs: FieldError[]): void {
  const listType = s[LIST_TYPE];
  if (listType === 'set') {
    for (const i of secondOccurrences(arr)) errs.push({ type: 'FieldValueDuplicate', field: `${path}[${i}]`, value: arr[i] });
  } else if (listType === 'map') {
    const bad = arr.findIndex((x) => x !== null && !isPlainObject(x));
    if (bad >= 0) errs.push({ type: 'FieldValueInvalid', field: `${path}[${bad}]`, value: arr[bad], detail: 'must be an object for an array of list-type map' });
    else if (arr.length > 1) {
      const keyFields = s[LIST_MAP_KEYS] ?? [];
      const keys = arr.map((x) => {
        const key: Record<string, unknown> = {};
        for (const f of keyFields) if (isPlainObject(x) && f in x) key[f] = x[f];
        return key;
      });
      for (const i of secondOccurrences(keys)) errs.push({ type: 'FieldValueDuplicate', field: `${path}[${i}]`, value: keys[i] });
    }
  }
  const items = itemsOf(s);
  if (items) arr.forEach((x, i) => checkValue(`${path}[${i}]`, items, x, errs));
}

function checkValue(path: string, s: JSONSchemaProps, v: unknown, errs: FieldError[]): void {
  if (Array.isArray(v)) checkArray(path, s, v, errs);
  else if (isPlainObject(v)) checkObject(path, s, v, errs);
}

function checkObject(path: string, s: JSONSchemaProps, obj: Record<string, unknown>, errs: FieldError[]): void {
  const extra = additionalPropertiesOf(s);
  if (extra) for (const [k, v] of Object.entries(obj)) checkValue(`${path}[${k}]`, extra, v, errs);
  for (const [k, v] of Object.entries(obj)) {
    const sub = s.properties?.[k];
    if (sub) checkValue(path ? `${path}.${k}` : k, sub, v, errs);
  }
}

/** ValidateListSetsAndMaps over an object (a custom resource, from its root). */
export function validateListSetsAndMaps(schema: JSONSchemaProps | undefined, obj: Record<string, unknown>): FieldError[] {
  if (!schema) return [];
  const errs: FieldError[] = [];
  checkObject('', schema, obj, errs);
  return errs;
}
