// Turning stored objects into what the client negotiated: the object itself (in the requested
// version), a List, a Table, or PartialObjectMetadata (handlers/response.go transformObject).
import type { KubeObject, ListMeta } from '../../api/object.ts';
import type { IncludeObject } from '../tables/index.ts';
import { badRequest, notAcceptable } from '../status.ts';
import type { ApiRequest, Answer, ServerContext } from './context.ts';
import { negotiateObject, SERVED_MEDIA_TYPES, type Rendering } from './negotiate.ts';

export function negotiateFor(ar: ApiRequest, list: boolean): Rendering {
  const rendering = negotiateObject(ar.req.headers.accept, { table: true, metadata: true, list });
  if (!rendering) throw notAcceptable(SERVED_MEDIA_TYPES);
  return rendering;
}

export function includeObjectOf(query: URLSearchParams): IncludeObject {
  const v = query.get('includeObject');
  if (v === null || v === '') return 'Metadata';
  if (v === 'None' || v === 'Metadata' || v === 'Object') return v;
  throw badRequest(`Unable to convert to Table as requested: includeObject: Unsupported value: "${v}": supported values: "Metadata", "None", "Object"`);
}

function partialMetadata(obj: KubeObject, version: string): KubeObject {
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: obj.metadata };
}

/** One object (get, create, update, patch, delete answers). */
export function renderObject(ar: ApiRequest, ctx: ServerContext, code: number, stored: KubeObject, rendering = negotiateFor(ar, false)): Answer {
  const obj = ar.endpoint.toVersion(stored);
  const { conversion } = rendering;
  let body: unknown = obj;
  if (conversion.as === 'Table') {
    body = ctx.tables.toTable(ar.endpoint.info.group, ar.endpoint.info.resource, [obj], {
      now: ctx.now(),
      includeObject: includeObjectOf(ar.query),
      apiVersion: `meta.k8s.io/${conversion.version}`,
    });
  } else if (conversion.as === 'PartialObjectMetadata') {
    body = partialMetadata(obj, conversion.version);
  }
  return { code, body, contentType: rendering.contentType, serializer: rendering.serializer };
}

/** Items of a typed list carry no kind/apiVersion in kube-apiserver's encoding. */
function listItem(obj: KubeObject): KubeObject {
  const { kind: _k, apiVersion: _a, ...rest } = obj;
  return rest as KubeObject;
}

export function renderList(ar: ApiRequest, ctx: ServerContext, items: KubeObject[], listMeta: ListMeta): Answer {
  const rendering = negotiateFor(ar, true);
  const { conversion } = rendering;
  const { info } = ar.endpoint;
  const versioned = items.map((o) => ar.endpoint.toVersion(o));
  let body: unknown;
  if (conversion.as === 'Table') {
    body = ctx.tables.toTable(info.group, info.resource, versioned, {
      now: ctx.now(),
      includeObject: includeObjectOf(ar.query),
      listMeta,
      apiVersion: `meta.k8s.io/${conversion.version}`,
    });
  } else if (conversion.as === 'PartialObjectMetadataList') {
    body = {
      kind: 'PartialObjectMetadataList',
      apiVersion: `meta.k8s.io/${conversion.version}`,
      metadata: listMeta,
      items: versioned.map((o) => partialMetadata(o, conversion.version)),
    };
  } else {
    body = {
      kind: `${info.kind}List`,
      apiVersion: info.group ? `${info.group}/${info.version}` : info.version,
      metadata: listMeta,
      items: versioned.map(listItem),
    };
  }
  return { code: 200, body, contentType: rendering.contentType, serializer: rendering.serializer };
}
