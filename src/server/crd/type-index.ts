// A type table for a custom resource version, from its structural schema, so that server-side
// apply, managedFields and typed comparison treat custom resources as they do built-ins
// (apiextensions-apiserver builds the same from the schema for structured-merge-diff): objects
// become types with fields, arrays carry x-kubernetes-list-type / -list-map-keys, maps and structs
// x-kubernetes-map-type; preserve-unknown-fields, int-or-string and embedded resources are opaque.
import { builtinTypes, TypeIndex, type FieldSchema, type TypeSchema, type TypeTable } from '../../api/types.ts';
import { customDefinitionName } from '../openapi/custom.ts';
import { EMBEDDED, INT_OR_STRING, LIST_MAP_KEYS, LIST_TYPE, MAP_TYPE, PRESERVE, additionalPropertiesOf, itemsOf, type JSONSchemaProps } from './schema/types.ts';
import { schemaOf, type Crd } from './types.ts';

/** Any JSON value (preserve-unknown-fields, embedded resources). */
const JSON_TYPE = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON';
const INT_OR_STRING_TYPE = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

function scalarType(s: JSONSchemaProps): string | undefined {
  switch (s.type) {
    case 'string':
      return s.format === 'byte' ? 'bytes' : 'string';
    case 'integer':
      return s.format === 'int32' ? 'int32' : 'int64';
    case 'number':
      return 'double';
    case 'boolean':
      return 'boolean';
    default:
      return undefined;
  }
}

class Builder {
  readonly table: TypeTable = {};

  /** The field facts of a value with schema `s`, whose own type (if a struct) is called `name`. */
  shape(s: JSONSchemaProps, name: string): Omit<FieldSchema, 'name'> {
    if (s[INT_OR_STRING]) return { type: INT_OR_STRING_TYPE };
    if (s[EMBEDDED] || (s[PRESERVE] && !s.properties && !s.items && !s.additionalProperties)) return { type: JSON_TYPE };
    const scalar = scalarType(s);
    if (scalar) return { type: scalar };
    if (s.type === 'array') {
      const items = itemsOf(s);
      const element = items ? this.shape(items, `${name}.items`) : { type: JSON_TYPE };
      // a list of lists has no field form: the inner list is opaque
      const type = element.repeated || element.map ? JSON_TYPE : element.type;
      const out: Omit<FieldSchema, 'name'> = { type, repeated: true };
      const listType = s[LIST_TYPE];
      if (listType === 'atomic' || listType === 'set' || listType === 'map') out.listType = listType;
      if (s[LIST_MAP_KEYS]?.length) out.listMapKeys = [...s[LIST_MAP_KEYS]];
      return out;
    }
    if (s.type === 'object' || s.properties) {
      const extra = additionalPropertiesOf(s);
      if (extra && !s.properties) {
        const element = this.shape(extra, `${name}.additionalProperties`);
        const type = element.repeated || element.map ? JSON_TYPE : element.type;
        const out: Omit<FieldSchema, 'name'> = { type, map: true };
        if (s[MAP_TYPE] === 'atomic' || s[MAP_TYPE] === 'granular') out.mapType = s[MAP_TYPE];
        return out;
      }
      if (s.additionalProperties === true || (s[PRESERVE] && !s.properties)) return { type: JSON_TYPE };
      this.struct(s, name);
      const out: Omit<FieldSchema, 'name'> = { type: name };
      if (s[MAP_TYPE] === 'atomic' || s[MAP_TYPE] === 'granular') out.mapType = s[MAP_TYPE];
      return out;
    }
    return { type: JSON_TYPE };
  }

  /** A struct type for an object schema; JSON keys come out sorted, as unstructured objects do. */
  struct(s: JSONSchemaProps, name: string, leading: FieldSchema[] = []): void {
    const required = new Set(s.required ?? []);
    const fields: FieldSchema[] = [...leading];
    for (const prop of Object.keys(s.properties ?? {}).sort()) {
      if (leading.some((f) => f.name === prop)) continue;
      const ps = s.properties![prop]!;
      const f: FieldSchema = { name: prop, ...this.shape(ps, `${name}.${prop}`) };
      if (required.has(prop)) f.required = true;
      if (ps.default !== undefined) f.default = ps.default;
      if (ps.enum?.every((e) => typeof e === 'string')) f.enum = ps.enum as string[];
      fields.push(f);
    }
    const t: TypeSchema = { fields };
    if (s[MAP_TYPE] === 'atomic' || s[MAP_TYPE] === 'granular') t.mapType = s[MAP_TYPE];
    this.table[name] = t;
  }
}

export interface CustomResourceTypes {
  /** Built-in types plus this version's. */
  index: TypeIndex;
  /** The kind's own type name (customDefinitionName: "com.example.stable.v1.CronTab"). */
  typeName: string;
}

/** The type table of one version of a CRD, merged over the built-in one (ObjectMeta and friends). */
export function crdTypeIndex(crd: Crd, version: string): CustomResourceTypes {
  const group = crd.spec.group ?? '';
  const kind = crd.status?.acceptedNames?.kind || crd.spec.names?.kind || '';
  const typeName = customDefinitionName(group, version, kind);
  const b = new Builder();
  const schema: JSONSchemaProps = schemaOf(crd, version) ?? { type: 'object', [PRESERVE]: true };
  b.struct(schema, typeName, [
    { name: 'apiVersion', type: 'string' },
    { name: 'kind', type: 'string' },
    { name: 'metadata', type: OBJECT_META },
  ]);
  const root = b.table[typeName]!;
  root.gvk = [{ group, version, kind }];
  if (schema[PRESERVE]) delete root.mapType;
  return { index: new TypeIndex({ ...builtinTypes().table, ...b.table }), typeName };
}
