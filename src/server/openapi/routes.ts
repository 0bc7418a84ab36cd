// The REST routes kube-apiserver registers for a resource (apiserver endpoints/installer.go), as
// a format-neutral list that the v2 and v3 builders render. Query parameters come from the
// option types' scalar fields, as AddObjectParams derives them.
import type { SubresourceInfo } from '../../api/resources.ts';
import type { TypeIndex } from '../../api/types.ts';

export type Method = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch';

export interface Param {
  name: string;
  in: 'path' | 'query';
  type: 'string' | 'integer' | 'boolean';
  required?: true;
}

export interface Response {
  code: number;
  description: string;
  /** Definition name; absent for a plain string body (logs, connect). */
  type?: string;
}

export interface Route {
  path: string;
  method: Method;
  operationId: string;
  tags: string[];
  action?: string;
  gvk?: { group: string; kind: string; version: string };
  params: Param[];
  body?: { type: string; required: boolean; consumes: string[] };
  consumes: string[];
  produces: string[];
  responses: Response[];
}

/** What the route builder needs to know about a resource; built-ins and custom resources alike. */
export interface ResourceDoc {
  group: string;
  version: string;
  kind: string;
  resource: string;
  namespaced: boolean;
  verbs: readonly string[];
  subresources?: readonly SubresourceInfo[];
  /** Definition names of the kind and its list. */
  typeName: string;
  listTypeName: string;
  deleteReturnsObject?: boolean;
  /** A custom resource: JSON/YAML only, no strategic merge patch, no /watch paths (apiextensions builder.go). */
  custom?: boolean;
}

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
export const STATUS = `${META}.Status`;
const PATCH = `${META}.Patch`;
const DELETE_OPTIONS = `${META}.DeleteOptions`;
const WATCH_EVENT = `${META}.WatchEvent`;

const JSON_YAML = ['application/json', 'application/yaml'];
/** What every built-in non-streaming operation produces (the serializers kube-apiserver negotiates). */
export const PRODUCES = [...JSON_YAML, 'application/vnd.kubernetes.protobuf'];
const STREAM = ['application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch'];
const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'];
const CR_PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'];
// Connecters: registry ConnectMethods(); every proxy answers all seven methods.
const PROXY_METHODS: Method[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
const CONNECT_METHODS: Method[] = ['get', 'post'];
// Getters with options: the options kind that supplies the query parameters.
const GETTER_OPTIONS: Record<string, string> = { 'pods/log': 'PodLogOptions' };

const OK = (type?: string): Response => ({ code: 200, description: 'OK', ...(type ? { type } : {}) });
const CREATED = (type: string): Response => ({ code: 201, description: 'Created', type });
const ACCEPTED = (type: string): Response => ({ code: 202, description: 'Accepted', type });

/** Query parameters from an options type: its scalar and []string fields (installer AddObjectParams). */
export function optionParams(index: TypeIndex, typeName: string, exclude: readonly string[] = []): Param[] {
  const out: Param[] = [];
  for (const f of index.jsonFields(typeName)) {
    if (f.proto === undefined || exclude.includes(f.name) || f.map) continue; // kind/apiVersion are TypeMeta
    const type = f.type === 'boolean' ? 'boolean' : f.type === 'int32' || f.type === 'int64' ? 'integer' : f.type === 'string' ? 'string' : undefined;
    if (type) out.push({ name: f.name, in: 'query', type }); // []string and []int32 too: repeated query values
  }
  return out;
}

/** ToValidOperationID (apiserver endpoints/openapi): drop separators, capitalise after them. */
export function toValidOperationId(s: string, capitalizeFirst: boolean): string {
  let out = '';
  let capitalize = capitalizeFirst;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (/[A-Za-z_]/.test(c) || (i !== 0 && /[0-9]/.test(c))) {
      out += capitalize ? c.toUpperCase() : c;
      capitalize = false;
    } else {
      capitalize = true;
    }
  }
  return out;
}

/** Group/version part of operation ids and the tag (GetOperationIDAndTags). */
export function operationNaming(group: string, version?: string): { prefix: string; tag: string } {
  const trimmed = (group || 'core').replace(/\.k8s\.io$/, '');
  if (version === undefined) return { prefix: toValidOperationId(trimmed, true), tag: toValidOperationId(trimmed, false) };
  return {
    prefix: toValidOperationId(trimmed, true) + toValidOperationId(version, true),
    tag: `${toValidOperationId(trimmed, false)}_${toValidOperationId(version, false)}`,
  };
}

/** Root of a group/version's paths: /api/v1 or /apis/<group>/<version>. */
export const gvRoot = (group: string, version: string) => (group ? `/apis/${group}/${version}` : `/api/${version}`);

const title = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

export function resourceRoutes(index: TypeIndex, r: ResourceDoc): Route[] {
  const routes: Route[] = [];
  const naming = operationNaming(r.group, r.version);
  const root = gvRoot(r.group, r.version);
  const verbs = new Set(r.verbs);
  const listOptions = optionParams(index, `${META}.ListOptions`);
  const q = (name: string) => optionParams(index, `${META}.${name}`);
  const pretty: Param = { name: 'pretty', in: 'query', type: 'string' };
  const nsParam: Param = { name: 'namespace', in: 'path', type: 'string', required: true };
  const nameParam: Param = { name: 'name', in: 'path', type: 'string', required: true };
  const gvk = { group: r.group, kind: r.kind, version: r.version };
  const produces = r.custom ? JSON_YAML : PRODUCES;
  const listProduces = r.custom ? JSON_YAML : [...PRODUCES, ...STREAM];
  const consumes = r.custom ? JSON_YAML : ['*/*'];
  const patchTypes = r.custom ? CR_PATCH_TYPES : PATCH_TYPES;
  // Installer names an operation verb+Namespaced+Kind+Sub; GetOperationIDAndTags puts the group/version after the verb.
  const add = (route: Omit<Route, 'tags' | 'operationId'> & { op: string }) => {
    const { op, ...rest } = route;
    const verb = /^[a-z]+/.exec(op)![0];
    routes.push({ ...rest, operationId: verb + naming.prefix + op.slice(verb.length), tags: [naming.tag] });
  };

  const { ns, base, params } = r.namespaced
    ? { ns: 'Namespaced', base: `${root}/namespaces/{namespace}/${r.resource}`, params: [nsParam] }
    : { ns: '', base: `${root}/${r.resource}`, params: [] as Param[] };
  const item = `${base}/{name}`;
  const itemParams = [...params, nameParam];
  if (verbs.has('list')) {
    add({
      path: base, method: 'get', op: `list${ns}${r.kind}`, action: 'list', gvk, params: [...params, pretty, ...listOptions],
      consumes, produces: listProduces, responses: [OK(r.listTypeName)],
    });
  }
  if (verbs.has('create')) {
    add({
      path: base, method: 'post', op: `create${ns}${r.kind}`, action: 'post', gvk, params: [...params, pretty, ...q('CreateOptions')],
      body: { type: r.typeName, required: true, consumes }, consumes, produces,
      responses: [OK(r.typeName), CREATED(r.typeName), ACCEPTED(r.typeName)],
    });
  }
  if (verbs.has('deletecollection')) {
    const listPart = r.custom ? listOptions : optionParams(index, `${META}.ListOptions`, ['watch', 'allowWatchBookmarks']);
    add({
      path: base, method: 'delete', op: `deleteCollection${ns}${r.kind}`, action: 'deletecollection', gvk,
      params: [...params, pretty, ...(r.custom ? [] : q('DeleteOptions')), ...listPart],
      body: { type: DELETE_OPTIONS, required: false, consumes }, consumes, produces, responses: [OK(STATUS)],
    });
  }
  if (verbs.has('get')) {
    // Built-in reads take no GetOptions parameters; the CRD builder adds them.
    add({
      path: item, method: 'get', op: `read${ns}${r.kind}`, action: 'get', gvk, params: [...itemParams, pretty, ...(r.custom ? q('GetOptions') : [])],
      consumes, produces, responses: [OK(r.typeName)],
    });
  }
  if (verbs.has('update')) {
    add({
      path: item, method: 'put', op: `replace${ns}${r.kind}`, action: 'put', gvk, params: [...itemParams, pretty, ...q('UpdateOptions')],
      body: { type: r.typeName, required: true, consumes }, consumes, produces, responses: [OK(r.typeName), CREATED(r.typeName)],
    });
  }
  if (verbs.has('delete')) {
    const deleted = r.deleteReturnsObject ? r.typeName : STATUS;
    add({
      path: item, method: 'delete', op: `delete${ns}${r.kind}`, action: 'delete', gvk, params: [...itemParams, pretty, ...q('DeleteOptions')],
      body: { type: DELETE_OPTIONS, required: false, consumes }, consumes, produces, responses: [OK(deleted), ACCEPTED(deleted)],
    });
  }
  if (verbs.has('patch')) {
    add({
      path: item, method: 'patch', op: `patch${ns}${r.kind}`, action: 'patch', gvk, params: [...itemParams, pretty, ...q('PatchOptions')],
      body: { type: PATCH, required: true, consumes: patchTypes }, consumes: patchTypes, produces,
      responses: r.custom ? [OK(r.typeName)] : [OK(r.typeName), CREATED(r.typeName)],
    });
  }
  for (const sub of r.subresources ?? []) subresourceRoutes(index, r, sub, { ns, item, itemParams, pretty, add, produces, consumes, patchTypes });

  if (r.namespaced && verbs.has('list')) {
    add({
      path: `${root}/${r.resource}`, method: 'get', op: `list${r.kind}ForAllNamespaces`, action: 'list', gvk, params: [pretty, ...listOptions],
      consumes, produces: listProduces, responses: [OK(r.listTypeName)],
    });
  }
  // Deprecated /watch/ paths, one per list and item path (built-ins only).
  if (verbs.has('watch') && !r.custom) {
    const watch = (path: string, op: string, action: string, params: Param[]) =>
      add({
        path, method: 'get', op, action, gvk, params: [...params, pretty, ...listOptions],
        consumes, produces: listProduces, responses: [OK(WATCH_EVENT)],
      });
    if (r.namespaced) {
      watch(`${root}/watch/namespaces/{namespace}/${r.resource}`, `watchNamespaced${r.kind}List`, 'watchlist', [nsParam]);
      watch(`${root}/watch/namespaces/{namespace}/${r.resource}/{name}`, `watchNamespaced${r.kind}`, 'watch', [nsParam, nameParam]);
      watch(`${root}/watch/${r.resource}`, `watch${r.kind}ListForAllNamespaces`, 'watchlist', []);
    } else {
      watch(`${root}/watch/${r.resource}`, `watch${r.kind}List`, 'watchlist', []);
      watch(`${root}/watch/${r.resource}/{name}`, `watch${r.kind}`, 'watch', [nameParam]);
    }
  }
  return routes;
}

interface SubContext {
  ns: string;
  item: string;
  itemParams: Param[];
  pretty: Param;
  add: (route: Omit<Route, 'tags' | 'operationId'> & { op: string }) => void;
  produces: string[];
  consumes: string[];
  patchTypes: string[];
}

function subresourceRoutes(index: TypeIndex, r: ResourceDoc, sub: SubresourceInfo, c: SubContext): void {
  const group = sub.group ?? r.group;
  const version = sub.version ?? r.version;
  const gvk = { group, kind: sub.kind, version };
  const path = `${c.item}/${sub.name}`;
  const Sub = title(sub.name);
  const META_Q = (name: string) => optionParams(index, `${META}.${name}`);
  const verbs = new Set(sub.verbs);
  const getterOptions = GETTER_OPTIONS[`${r.resource}/${sub.name}`];
  if (getterOptions) {
    const opts = index.typeNameForKind(r.group, r.version, getterOptions);
    c.add({
      path, method: 'get', op: `read${c.ns}${r.kind}${Sub}`, action: 'get', gvk, params: [...c.itemParams, c.pretty, ...(opts ? optionParams(index, opts) : [])],
      consumes: c.consumes, produces: ['text/plain', ...PRODUCES], responses: [OK()],
    });
    return;
  }
  const connectType = sub.kind.endsWith('Options') ? index.typeNameForKind(group, version, sub.kind) : undefined;
  if (connectType) {
    const query = optionParams(index, connectType);
    const methods = sub.name === 'proxy' ? PROXY_METHODS : CONNECT_METHODS;
    const variants: [string, string, Param[]][] = [[path, '', []]];
    if (sub.name === 'proxy') variants.push([`${path}/{path}`, 'WithPath', [{ name: 'path', in: 'path', type: 'string', required: true }]]);
    for (const [p, suffix, extra] of variants) {
      for (const method of methods) {
        c.add({
          path: p, method, op: `connect${title(method)}${c.ns}${r.kind}${Sub}${suffix}`, action: 'connect', gvk,
          params: [...c.itemParams, ...extra, ...query], consumes: ['*/*'], produces: ['*/*'], responses: [OK()],
        });
      }
    }
    return;
  }
  // A custom resource's status subresource has the resource's own (non-table) type.
  const own = sub.kind === r.kind && group === r.group && version === r.version;
  const type = own ? r.typeName : index.typeNameForKind(group, version, sub.kind);
  if (!type) return;
  if (verbs.has('create')) {
    c.add({
      path, method: 'post', op: `create${c.ns}${r.kind}${Sub}`, action: 'post', gvk, params: [...c.itemParams, c.pretty, ...META_Q('CreateOptions')],
      body: { type, required: true, consumes: c.consumes }, consumes: c.consumes, produces: c.produces, responses: [OK(type), CREATED(type), ACCEPTED(type)],
    });
  }
  if (verbs.has('get')) {
    c.add({
      path, method: 'get', op: `read${c.ns}${r.kind}${Sub}`, action: 'get', gvk, params: [...c.itemParams, c.pretty],
      consumes: c.consumes, produces: c.produces, responses: [OK(type)],
    });
  }
  if (verbs.has('update')) {
    c.add({
      path, method: 'put', op: `replace${c.ns}${r.kind}${Sub}`, action: 'put', gvk, params: [...c.itemParams, c.pretty, ...META_Q('UpdateOptions')],
      body: { type, required: true, consumes: c.consumes }, consumes: c.consumes, produces: c.produces, responses: [OK(type), CREATED(type)],
    });
  }
  if (verbs.has('patch')) {
    c.add({
      path, method: 'patch', op: `patch${c.ns}${r.kind}${Sub}`, action: 'patch', gvk, params: [...c.itemParams, c.pretty, ...META_Q('PatchOptions')],
      body: { type: PATCH, required: true, consumes: c.patchTypes }, consumes: c.patchTypes, produces: c.produces,
      responses: r.custom ? [OK(type)] : [OK(type), CREATED(type)],
    });
  }
}

/** A path with its shared parameters hoisted: those every operation of the path has (builder findCommonParameters). */
export interface PathGroup {
  path: string;
  params: Param[];
  routes: { route: Route; params: Param[] }[];
}

export function groupByPath(routes: Route[]): PathGroup[] {
  const byPath = new Map<string, Route[]>();
  for (const r of routes) byPath.set(r.path, [...(byPath.get(r.path) ?? []), r]);
  const key = (p: Param) => `${p.name}\u0000${p.in}`;
  return [...byPath].map(([path, rs]) => {
    const counts = new Map<string, number>();
    for (const r of rs) for (const p of r.params) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
    const common = (p: Param) => counts.get(key(p)) === rs.length;
    const params = sortParams(dedupe(rs.flatMap((r) => r.params.filter(common))));
    return { path, params, routes: rs.map((route) => ({ route, params: sortParams(route.params.filter((p) => !common(p))) })) };
  });
}

function dedupe(params: Param[]): Param[] {
  const seen = new Set<string>();
  return params.filter((p) => {
    const k = `${p.name}\u0000${p.in}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** kube-openapi sortParameters: by name, then by `in`. */
function sortParams(params: Param[]): Param[] {
  return [...params].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.in < b.in ? -1 : a.in > b.in ? 1 : 0));
}
