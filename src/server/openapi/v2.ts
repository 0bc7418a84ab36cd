// The OpenAPI v2 (swagger 2.0) document of all served group/versions, as /openapi/v2 serves it
// (kube-openapi builder/openapi.go): definitions named like io.k8s.api.core.v1.Pod, shared query
// parameters moved to a global `parameters` section (builder/parameters.go), PATCH operations
// carrying the fieldValidation parameter inline, as kubectl 1.27/1.28's support check expects.
import type { ResourceInfo } from '../../api/resources.ts';
import type { TypeIndex } from '../../api/types.ts';
import { customResourceParts, type CustomResourceSpec } from './custom.ts';
import { groupByPath, operationNaming, PRODUCES, resourceRoutes, type Param, type Route } from './routes.ts';
import { definitionsFor, refPrefix, type Schema } from './schemas.ts';
import { resourceDocs, resourceListRoute, routeTypes } from './v3.ts';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

export interface OpenApiV2Document {
  swagger: '2.0';
  info: { title: 'Kubernetes'; version: string };
  paths: Record<string, Record<string, unknown>>;
  definitions: Record<string, Schema>;
  parameters: Record<string, Record<string, unknown>>;
  securityDefinitions: Record<string, unknown>;
  security: Record<string, string[]>[];
}

/** Every route kube-apiserver documents for these resources, discovery routes included. */
export function allRoutes(resources: readonly ResourceInfo[], types: TypeIndex): Route[] {
  const routes: Route[] = [];
  const base = { method: 'get' as const, params: [], consumes: ['*/*'], produces: PRODUCES };
  routes.push({ ...base, path: '/api/', operationId: 'getCoreAPIVersions', tags: ['core'], responses: [{ code: 200, description: 'OK', type: `${META}.APIVersions` }] });
  routes.push({ ...base, path: '/apis/', operationId: 'getAPIVersions', tags: ['apis'], responses: [{ code: 200, description: 'OK', type: `${META}.APIGroupList` }] });
  const groups = new Set<string>();
  const gvs = new Set<string>();
  for (const r of resources) {
    if (r.group && !groups.has(r.group)) {
      groups.add(r.group);
      const { prefix, tag } = operationNaming(r.group);
      routes.push({ ...base, path: `/apis/${r.group}/`, operationId: `get${prefix}APIGroup`, tags: [tag], responses: [{ code: 200, description: 'OK', type: `${META}.APIGroup` }] });
    }
    if (!gvs.has(`${r.group}/${r.version}`)) {
      gvs.add(`${r.group}/${r.version}`);
      routes.push(resourceListRoute(r.group, r.version));
    }
  }
  for (const doc of resourceDocs(resources, types)) routes.push(...resourceRoutes(types, doc));
  return routes;
}

export function buildOpenApiV2Document(
  resources: readonly ResourceInfo[],
  types: TypeIndex,
  serverVersion: string,
  custom: readonly CustomResourceSpec[] = [],
): OpenApiV2Document {
  const routes = allRoutes(resources, types);
  const definitions = definitionsFor(types, routeTypes(routes), 'v2');
  if (custom.length) {
    const parts = customResourceParts(custom, types, 'v2');
    routes.push(...parts.routes);
    Object.assign(definitions, parts.schemas);
  }
  const paths: Record<string, Record<string, unknown>> = {};
  for (const group of groupByPath(routes).sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const item: Record<string, unknown> = {};
    for (const method of METHODS) {
      const entry = group.routes.find((x) => x.route.method === method);
      if (entry) item[method] = operation(entry.route, entry.params);
    }
    if (group.params.length) item.parameters = group.params.map(param);
    paths[group.path] = item;
  }
  const doc: OpenApiV2Document = {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: serverVersion },
    paths,
    definitions: Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => (a < b ? -1 : 1))),
    parameters: {},
    securityDefinitions: { BearerToken: { type: 'apiKey', name: 'authorization', in: 'header' } },
    security: [{ BearerToken: [] }],
  };
  deduplicateParameters(doc);
  return doc;
}

function operation(route: Route, params: Param[]): Record<string, unknown> {
  const op: Record<string, unknown> = {};
  const all: Record<string, unknown>[] = params.map(param);
  if (route.body) {
    all.push({ name: 'body', in: 'body', ...(route.body.required ? { required: true } : {}), schema: { $ref: refPrefix('v2') + route.body.type } });
    all.sort((a, b) => (String(a.name) < String(b.name) ? -1 : String(a.name) > String(b.name) ? 1 : String(a.in) < String(b.in) ? -1 : 1));
  }
  op.consumes = route.consumes;
  op.operationId = route.operationId;
  op.parameters = all;
  op.produces = route.produces;
  const responses: Record<string, unknown> = {};
  for (const r of route.responses) {
    responses[String(r.code)] = { description: r.description, schema: r.type ? { $ref: refPrefix('v2') + r.type } : { type: 'string' } };
  }
  responses['401'] = { description: 'Unauthorized' };
  op.responses = responses;
  op.schemes = ['https'];
  op.tags = route.tags;
  if (route.action) op['x-kubernetes-action'] = route.action;
  if (route.gvk) op['x-kubernetes-group-version-kind'] = route.gvk;
  return op;
}

function param(p: Param): Record<string, unknown> {
  return { in: p.in, name: p.name, ...(p.required ? { required: true } : {}), type: p.type, uniqueItems: true };
}

/**
 * builder/parameters.go: every parameter except `name`, `fieldValidation`, `dryRun` (kubectl looks
 * for the last two inline) and kind-specific bodies moves to the global `parameters` section
 * under "<name>-<hash>" and is replaced by a $ref. The hash is 8 base64url characters of FNV-1
 * 64 over the parameter's JSON, so names differ from upstream's, which hash their descriptions.
 */
function deduplicateParameters(doc: OpenApiV2Document): void {
  const names = new Map<string, string>();
  const share = (p: Record<string, unknown>): Record<string, unknown> => {
    if (p.$ref || p.name === 'name' || (p.in === 'query' && (p.name === 'fieldValidation' || p.name === 'dryRun'))) return p;
    if (p.in === 'body' && !String((p.schema as Schema).$ref).startsWith(`${refPrefix('v2')}io.k8s.apimachinery`)) return p;
    const json = JSON.stringify(p);
    let name = names.get(json);
    if (!name) {
      name = `${p.name}-${fnv1Base64(json)}`;
      for (let i = 1; doc.parameters[name]; i++) name = `${p.name}-${i}`;
      names.set(json, name);
      doc.parameters[name] = p;
    }
    return { $ref: `#/parameters/${name}` };
  };
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as { parameters: Record<string, unknown>[] } | undefined;
      if (op) op.parameters = op.parameters.map(share);
    }
    if (item.parameters) item.parameters = (item.parameters as Record<string, unknown>[]).map(share);
  }
  doc.parameters = Object.fromEntries(Object.entries(doc.parameters).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function fnv1Base64(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(s)) {
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
    h ^= BigInt(byte);
  }
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(h);
  return bytes.subarray(0, 6).toString('base64url');
}
