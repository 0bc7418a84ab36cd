// OpenAPI v3 documents as kube-apiserver serves them (kube-openapi builder3 + handler3): one per
// group/version at /openapi/v3/api/v1 and /openapi/v3/apis/<g>/<v>, small ones for /api, /apis and
// /apis/<g>, and the /openapi/v3 index whose URLs carry each document's hash.
import { createHash } from 'node:crypto';
import type { ResourceInfo } from '../../api/resources.ts';
import type { TypeIndex } from '../../api/types.ts';
import { customResourceParts, type CustomResourceSpec } from './custom.ts';
import { definitionsFor, refPrefix, type Schema } from './schemas.ts';
import { groupByPath, gvRoot, operationNaming, PRODUCES, resourceRoutes, type Param, type ResourceDoc, type Route } from './routes.ts';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

export interface OpenApiV3Document {
  openapi: '3.0.0';
  info: { title: 'Kubernetes'; version: string };
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, unknown> };
}

/** Built-in resources of the table as route inputs; resources whose kind the table lacks are skipped. */
export function resourceDocs(resources: readonly ResourceInfo[], types: TypeIndex): ResourceDoc[] {
  const out: ResourceDoc[] = [];
  for (const r of resources) {
    const typeName = types.typeNameForKind(r.group, r.version, r.kind);
    const listTypeName = types.typeNameForKind(r.group, r.version, `${r.kind}List`);
    if (!typeName) continue;
    out.push({
      group: r.group, version: r.version, kind: r.kind, resource: r.resource, namespaced: r.namespaced, verbs: r.verbs,
      ...(r.subresources ? { subresources: r.subresources } : {}),
      typeName,
      listTypeName: listTypeName ?? typeName,
      ...(r.deleteReturnsObject ? { deleteReturnsObject: true } : {}),
    });
  }
  return out;
}

/** GET /apis/<g>/<v>/ (or /api/v1/): the APIResourceList route every group/version has. */
export function resourceListRoute(group: string, version: string): Route {
  const { prefix, tag } = operationNaming(group, version);
  return {
    path: `${gvRoot(group, version)}/`, method: 'get', operationId: `get${prefix}APIResources`, tags: [tag], params: [],
    consumes: ['*/*'], produces: PRODUCES, responses: [{ code: 200, description: 'OK', type: `${META}.APIResourceList` }],
  };
}

/**
 * The per group/version document (/openapi/v3/api/v1, /openapi/v3/apis/<g>/<v>): built-in
 * resources of that group/version from the type table, plus custom resources from their schemas.
 */
export function buildOpenApiV3Document(
  group: string,
  version: string,
  resources: readonly ResourceInfo[],
  types: TypeIndex,
  serverVersion: string,
  custom: readonly CustomResourceSpec[] = [],
): OpenApiV3Document {
  const docs = resourceDocs(resources.filter((r) => r.group === group && r.version === version), types);
  const routes = [resourceListRoute(group, version), ...docs.flatMap((d) => resourceRoutes(types, d))];
  const schemas = definitionsFor(types, routeTypes(routes), 'v3');
  const crs = custom.filter((c) => c.group === group && c.version === version);
  if (crs.length) {
    const parts = customResourceParts(crs, types, 'v3');
    routes.push(...parts.routes);
    Object.assign(schemas, parts.schemas);
  }
  return renderOpenApiV3(routes, schemas, serverVersion);
}

/** Documents for /api (core versions), /apis (group list) and /apis/<g> (one group). */
export function buildOpenApiV3DiscoveryDocument(name: 'api' | 'apis' | `apis/${string}`, types: TypeIndex, serverVersion: string): OpenApiV3Document {
  let route: Route;
  const base = { method: 'get' as const, params: [], consumes: ['*/*'], produces: PRODUCES };
  if (name === 'api') {
    route = { ...base, path: '/api/', operationId: 'getCoreAPIVersions', tags: ['core'], responses: [{ code: 200, description: 'OK', type: `${META}.APIVersions` }] };
  } else if (name === 'apis') {
    route = { ...base, path: '/apis/', operationId: 'getAPIVersions', tags: ['apis'], responses: [{ code: 200, description: 'OK', type: `${META}.APIGroupList` }] };
  } else {
    const group = name.slice('apis/'.length);
    const { prefix, tag } = operationNaming(group);
    route = { ...base, path: `/apis/${group}/`, operationId: `get${prefix}APIGroup`, tags: [tag], responses: [{ code: 200, description: 'OK', type: `${META}.APIGroup` }] };
  }
  return renderOpenApiV3([route], definitionsFor(types, routeTypes([route]), 'v3'), serverVersion);
}

/** Definition names the routes refer to directly. */
export function routeTypes(routes: readonly Route[]): string[] {
  const out = new Set<string>();
  for (const r of routes) {
    if (r.body) out.add(r.body.type);
    for (const resp of r.responses) if (resp.type) out.add(resp.type);
  }
  return [...out];
}

/** Assembles a v3 document from routes and already rendered component schemas. */
export function renderOpenApiV3(routes: Route[], schemas: Record<string, Schema>, serverVersion: string): OpenApiV3Document {
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: serverVersion },
    paths: openApiV3Paths(routes),
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : 1))),
      securitySchemes: { BearerToken: { type: 'apiKey', name: 'authorization', in: 'header' } },
    },
  };
}

/** The `paths` object: shared parameters at path level, operations by method, paths sorted. */
export function openApiV3Paths(routes: Route[]): Record<string, Record<string, unknown>> {
  const ref = (type: string) => ({ $ref: refPrefix('v3') + type });
  const out: Record<string, Record<string, unknown>> = {};
  for (const group of groupByPath(routes).sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const item: Record<string, unknown> = {};
    if (group.params.length) item.parameters = group.params.map(param);
    for (const { route, params } of group.routes) {
      const op: Record<string, unknown> = { tags: route.tags, operationId: route.operationId };
      if (params.length) op.parameters = params.map(param);
      if (route.body) {
        op.requestBody = {
          content: Object.fromEntries(route.body.consumes.map((ct) => [ct, { schema: ref(route.body!.type) }])),
          ...(route.body.required ? { required: true } : {}),
        };
      }
      const responses: Record<string, unknown> = {};
      for (const resp of route.responses) {
        const schema = resp.type ? ref(resp.type) : { type: 'string' };
        responses[String(resp.code)] = {
          description: resp.description,
          content: Object.fromEntries([...route.produces].sort().map((ct) => [ct, { schema }])),
        };
      }
      responses['401'] = { description: 'Unauthorized' };
      op.responses = responses;
      if (route.action) op['x-kubernetes-action'] = route.action;
      if (route.gvk) op['x-kubernetes-group-version-kind'] = route.gvk;
      item[route.method] = op;
    }
    out[group.path] = item;
  }
  return out;
}

function param(p: Param): Record<string, unknown> {
  return { name: p.name, in: p.in, ...(p.required ? { required: true } : {}), schema: { type: p.type, uniqueItems: true } };
}

/** handler3 computeETag: upper-case hex SHA-512 of the served JSON bytes. */
export function openApiV3Hash(body: Uint8Array | string): string {
  return createHash('sha512').update(body).digest('hex').toUpperCase();
}

/** The /openapi/v3 index: each document's server-relative URL with its hash. Keys sorted (Go map order). */
export function buildOpenApiV3Index(bodies: Record<string, Uint8Array | string>): { paths: Record<string, { serverRelativeURL: string }> } {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const name of Object.keys(bodies).sort()) {
    paths[name] = { serverRelativeURL: `/openapi/v3/${name}?hash=${openApiV3Hash(bodies[name]!)}` };
  }
  return { paths };
}

/** Names of the v3 documents a resource set yields: api, apis, api/v1, apis/<g>, apis/<g>/<v>. */
export function openApiV3DocumentNames(resources: readonly Pick<ResourceInfo, 'group' | 'version'>[]): string[] {
  const names = new Set<string>(['api', 'apis']);
  for (const r of resources) {
    names.add(r.group ? `apis/${r.group}/${r.version}` : `api/${r.version}`);
    if (r.group) names.add(`apis/${r.group}`);
  }
  return [...names].sort();
}
