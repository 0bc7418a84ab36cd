// Schema defaulting of custom resources (apiextensions-apiserver schema/defaulting/algorithm.go):
// a property with a `default` is set when absent, or null without being nullable; then recurse.
import { additionalPropertiesOf, isPlainObject, itemsOf, type JSONSchemaProps } from './types.ts';

const nonNullableNull = (v: unknown, s: JSONSchemaProps | undefined) => v === null && !!s && !s.nullable;

export function applySchemaDefaults(x: unknown, s: JSONSchemaProps | undefined): void {
  if (!s) return;
  if (isPlainObject(x)) {
    for (const [k, prop] of Object.entries(s.properties ?? {})) {
      if (prop.default === undefined) continue;
      if (!(k in x) || nonNullableNull(x[k], prop)) x[k] = structuredClone(prop.default);
    }
    const extra = additionalPropertiesOf(s);
    for (const k of Object.keys(x)) {
      const prop = s.properties?.[k];
      if (prop) applySchemaDefaults(x[k], prop);
      else if (extra) {
        if (nonNullableNull(x[k], extra) && extra.default !== undefined) x[k] = structuredClone(extra.default);
        applySchemaDefaults(x[k], extra);
      }
    }
  } else if (Array.isArray(x)) {
    const items = itemsOf(s);
    for (let i = 0; i < x.length; i++) {
      if (nonNullableNull(x[i], items) && items?.default !== undefined) x[i] = structuredClone(items.default);
      applySchemaDefaults(x[i], items);
    }
  }
}

/** Whether any node of the schema declares a default. */
export function hasDefaults(s: JSONSchemaProps | undefined): boolean {
  if (!s) return false;
  if (s.default !== undefined) return true;
  const children: (JSONSchemaProps | undefined)[] = [
    itemsOf(s),
    additionalPropertiesOf(s),
    s.not,
    ...Object.values(s.properties ?? {}),
    ...(s.allOf ?? []),
    ...(s.anyOf ?? []),
    ...(s.oneOf ?? []),
  ];
  return children.some(hasDefaults);
}
