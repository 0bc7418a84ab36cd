// OpenAPI parts for custom resources, from a CRD version's openAPIV3Schema and its resource facts
// (apiextensions-apiserver controller/openapi/builder/builder.go): the kind's schema with
// apiVersion/kind/metadata added, its list schema, and the CR routes (JSON/YAML only, no
// strategic merge patch, status/scale subresources when enabled).
import type { TypeIndex } from '../../api/types.ts';
import { resourceRoutes, type ResourceDoc, type Route } from './routes.ts';
import { definitionsFor, refPrefix, type Flavor, type Schema } from './schemas.ts';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

export interface CustomResourceSpec {
  group: string;
  version: string;
  kind: string;
  listKind: string;
  /** Plural resource name (URL segment). */
  plural: string;
  namespaced: boolean;
  subresources?: { status?: boolean; scale?: boolean };
  /** The version's openAPIV3Schema; without it the kind is a bare object. */
  schema?: Schema;
}

/** util.ToRESTFriendlyName("group/version/kind"): the group's DNS labels reversed. */
export function customDefinitionName(group: string, version: string, kind: string): string {
  return `${group.split('.').reverse().join('.')}.${version}.${kind}`;
}

export interface OpenApiParts {
  routes: Route[];
  schemas: Record<string, Schema>;
}

/** Routes and definitions (CR schemas plus the meta types they use) for custom resources. */
export function customResourceParts(specs: readonly CustomResourceSpec[], types: TypeIndex, flavor: Flavor): OpenApiParts {
  const routes: Route[] = [];
  const schemas: Record<string, Schema> = {};
  const metaRoots = new Set<string>();
  for (const cr of specs) {
    const typeName = customDefinitionName(cr.group, cr.version, cr.kind);
    const listTypeName = customDefinitionName(cr.group, cr.version, cr.listKind);
    const subresources: NonNullable<ResourceDoc['subresources']>[number][] = [];
    if (cr.subresources?.status) subresources.push({ name: 'status', kind: cr.kind, verbs: ['get', 'patch', 'update'] });
    if (cr.subresources?.scale) subresources.push({ name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] });
    const doc: ResourceDoc = {
      group: cr.group, version: cr.version, kind: cr.kind, resource: cr.plural, namespaced: cr.namespaced,
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      subresources, typeName, listTypeName, custom: true,
    };
    const crRoutes = resourceRoutes(types, doc);
    routes.push(...crRoutes);
    schemas[typeName] = kindSchema(cr, flavor);
    schemas[listTypeName] = listSchema(cr, typeName, flavor);
    for (const r of crRoutes) {
      for (const t of [r.body?.type, ...r.responses.map((x) => x.type)]) if (t && t !== typeName && t !== listTypeName) metaRoots.add(t);
    }
    metaRoots.add(`${META}.ObjectMeta`).add(`${META}.ListMeta`);
  }
  Object.assign(schemas, definitionsFor(types, metaRoots, flavor));
  return { routes, schemas };
}

const gvkExt = (group: string, version: string, kind: string) => [{ group, kind, version }];

function ref(type: string, flavor: Flavor): Schema {
  // builder.go gives these properties a description, so v3 wraps the $ref in allOf.
  return flavor === 'v3' ? { allOf: [{ $ref: refPrefix(flavor) + type }] } : { $ref: refPrefix(flavor) + type };
}

function kindSchema(cr: CustomResourceSpec, flavor: Flavor): Schema {
  const gvk = gvkExt(cr.group, cr.version, cr.kind);
  const root = cr.schema;
  // v2 cannot express preserve-unknown-fields; kubectl would reject unknown fields, so a bare object.
  if (!root || (flavor === 'v2' && root['x-kubernetes-preserve-unknown-fields'] === true)) {
    return { type: 'object', 'x-kubernetes-group-version-kind': gvk };
  }
  const s = flavor === 'v2' ? toV2(structuredClone(root)) : structuredClone(root);
  const properties = { ...((s.properties as Record<string, Schema>) ?? {}) };
  properties.apiVersion = { type: 'string' };
  properties.kind = { type: 'string' };
  properties.metadata = ref(`${META}.ObjectMeta`, flavor);
  s.properties = properties;
  addEmbeddedProperties(s, flavor);
  s['x-kubernetes-group-version-kind'] = gvk;
  return s;
}

function listSchema(cr: CustomResourceSpec, itemType: string, flavor: Flavor): Schema {
  return {
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: { type: 'string' },
      items: { type: 'array', items: { $ref: refPrefix(flavor) + itemType } },
      kind: { type: 'string' },
      metadata: ref(`${META}.ListMeta`, flavor),
    },
    'x-kubernetes-group-version-kind': gvkExt(cr.group, cr.version, cr.listKind),
  };
}

/** x-kubernetes-embedded-resource objects get apiVersion, kind and metadata, and require the first two. */
function addEmbeddedProperties(s: Schema, flavor: Flavor): void {
  for (const child of Object.values((s.properties as Record<string, Schema>) ?? {})) addEmbeddedProperties(child, flavor);
  if (s.items && typeof s.items === 'object') addEmbeddedProperties(s.items as Schema, flavor);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') addEmbeddedProperties(s.additionalProperties as Schema, flavor);
  if (flavor === 'v2' && s['x-kubernetes-preserve-unknown-fields'] === true) return;
  if (s['x-kubernetes-embedded-resource'] !== true) return;
  s.properties = { ...((s.properties as Record<string, Schema>) ?? {}), apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: ref(`${META}.ObjectMeta`, flavor) };
  const required = new Set((s.required as string[]) ?? []);
  s.required = [...(s.required as string[] ?? []), ...['kind', 'apiVersion'].filter((k) => !required.has(k))];
}

/** A v2-expressible subset (openapiv2.ToStructuralOpenAPIV2): no nullable, no value validation combinators. */
function toV2(s: Schema): Schema {
  delete s.nullable;
  for (const k of ['oneOf', 'anyOf', 'allOf', 'not', 'x-kubernetes-validations']) delete s[k];
  // int-or-string has no v2 type; leave the value untyped.
  if (s['x-kubernetes-int-or-string'] === true) delete s.type;
  for (const child of Object.values((s.properties as Record<string, Schema>) ?? {})) toV2(child);
  if (s.items && typeof s.items === 'object') toV2(s.items as Schema);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') toV2(s.additionalProperties as Schema);
  return s;
}
