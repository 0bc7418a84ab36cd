// Definitions (OpenAPI v2 `definitions`, v3 `components.schemas`) rendered from the type table,
// laid out as kube-openapi does (builder/openapi.go, builder3/util WrapRefs): scalars with
// type/format, `$ref` for structs (wrapped in `allOf` in v3 when it has siblings), defaults, and
// the x-kubernetes-* extensions. No descriptions.
import type { FieldSchema, TypeIndex, TypeSchema } from '../../api/types.ts';

export type Flavor = 'v2' | 'v3';
export type Schema = Record<string, unknown>;

export const refPrefix = (flavor: Flavor) => (flavor === 'v3' ? '#/components/schemas/' : '#/definitions/');

const SCALAR: Record<string, [string, string?]> = {
  string: ['string'],
  boolean: ['boolean'],
  int32: ['integer', 'int32'],
  int64: ['integer', 'int64'],
  double: ['number', 'double'],
  bytes: ['string', 'byte'],
};

/** Element defaults kube-openapi gives list items and map values (zero value, or {} for a struct). */
const ZERO: Record<string, unknown> = { string: '', boolean: false, int32: 0, int64: 0, double: 0 };

export function isScalar(type: string): boolean {
  return type in SCALAR;
}

/** The schema of one definition. */
export function definitionSchema(index: TypeIndex, name: string, flavor: Flavor): Schema {
  const t = index.type(name);
  if (!t) throw new Error(`no type ${name}`);
  const special = specialSchema(t, flavor);
  if (special) return special;
  const fields = index.jsonFields(name);
  const out: Schema = { type: 'object' };
  if (fields.length) {
    const properties: Record<string, Schema> = {};
    for (const f of [...fields].sort((a, b) => (a.name < b.name ? -1 : 1))) properties[f.name] = propertySchema(index, f, flavor);
    out.properties = properties;
  }
  const required = fields.filter((f) => f.required).map((f) => f.name);
  if (required.length) out.required = required;
  if (t.gvk) out['x-kubernetes-group-version-kind'] = t.gvk.map(({ group, kind, version }) => ({ group, kind, version }));
  if (t.mapType) out['x-kubernetes-map-type'] = t.mapType;
  if (t.unions) {
    out['x-kubernetes-unions'] = t.unions.map((u) => ({
      ...(u.discriminator ? { discriminator: u.discriminator } : {}),
      'fields-to-discriminateBy': u.fields,
    }));
  }
  return out;
}

function specialSchema(t: TypeSchema, flavor: Flavor): Schema | undefined {
  switch (t.special) {
    case undefined:
      return undefined;
    case 'time':
    case 'microtime':
      return { type: 'string', format: 'date-time' };
    case 'duration':
      return { type: 'string' };
    case 'quantity': // OpenAPIV3OneOfTypes: string or number
      return flavor === 'v3' ? { oneOf: [{ type: 'string' }, { type: 'number' }] } : { type: 'string' };
    case 'int-or-string':
      return flavor === 'v3'
        ? { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] }
        : { type: 'string', format: 'int-or-string' };
    case 'raw-extension':
    case 'fields-v1':
      return { type: 'object' };
    case 'string-list':
      return { type: 'array', items: { type: 'string', default: '' } };
    default:
      // apiextensions JSON and JSONSchemaPropsOr*: OpenAPISchemaType() is nil, so no type at all.
      return {};
  }
}

function propertySchema(index: TypeIndex, f: FieldSchema, flavor: Flavor): Schema {
  let s: Schema;
  if (f.repeated) s = { type: 'array', items: elementSchema(index, f.type, flavor) };
  else if (f.map) s = { type: 'object', additionalProperties: elementSchema(index, f.type, flavor) };
  else s = valueSchema(index, f.type, flavor);
  if (f.default !== undefined) s.default = f.default;
  if (f.enum) {
    if (f.repeated) (s.items as Schema).enum = f.enum;
    else s.enum = f.enum;
  }
  if (f.listType) s['x-kubernetes-list-type'] = f.listType;
  if (f.listMapKeys) s['x-kubernetes-list-map-keys'] = f.listMapKeys;
  if (f.mapType) s['x-kubernetes-map-type'] = f.mapType;
  if (f.patchStrategy) s['x-kubernetes-patch-strategy'] = f.patchStrategy;
  if (f.patchMergeKey) s['x-kubernetes-patch-merge-key'] = f.patchMergeKey;
  // kube-openapi v3 always carries a description beside a property's $ref, hence always allOf.
  return flavor === 'v3' ? wrapRef(s, true) : s;
}

function elementSchema(index: TypeIndex, type: string, flavor: Flavor): Schema {
  const s = valueSchema(index, type, flavor);
  const t = index.type(type);
  if (type in ZERO) s.default = ZERO[type];
  else if (t && !t.special) s.default = {};
  return flavor === 'v3' ? wrapRef(s, false) : s;
}

function valueSchema(index: TypeIndex, type: string, flavor: Flavor): Schema {
  const scalar = SCALAR[type];
  if (scalar) return scalar[1] ? { type: scalar[0], format: scalar[1] } : { type: scalar[0] };
  // A named []string (ExtraValue, Verbs) is not a definition of its own: kube-openapi inlines it.
  if (index.type(type)?.special === 'string-list') return specialSchema(index.type(type)!, flavor)!;
  return { $ref: refPrefix(flavor) + type };
}

/** v3 forbids siblings beside $ref: move the $ref into allOf (builder3/util WrapRefs). */
function wrapRef(s: Schema, always: boolean): Schema {
  if (typeof s.$ref !== 'string' || (!always && Object.keys(s).length === 1)) return s;
  const { $ref, ...rest } = s;
  return { ...rest, allOf: [{ $ref }] };
}

/** Names of the definitions a set of roots needs, transitively, sorted. */
export function definitionClosure(index: TypeIndex, roots: Iterable<string>): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || isScalar(name)) return;
    const t = index.type(name);
    if (!t || t.special === 'string-list') return;
    seen.add(name);
    if (t.special) return;
    for (const f of index.jsonFields(name)) visit(f.type);
  };
  for (const r of roots) visit(r);
  return [...seen].sort();
}

/** Rendered definitions for the closure of `roots`. */
export function definitionsFor(index: TypeIndex, roots: Iterable<string>, flavor: Flavor): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  for (const name of definitionClosure(index, roots)) out[name] = definitionSchema(index, name, flavor);
  return out;
}
