// What a request asks for, parsed once from its path and method as kube-apiserver's
// RequestInfoFactory does (k8s.io/apiserver pkg/endpoints/request/requestinfo.go).

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection' | 'connect';

export interface ResourceRequest {
  isResourceRequest: true;
  /** "api" or "apis". */
  prefix: 'api' | 'apis';
  group: string;
  version: string;
  namespace: string;
  resource: string;
  subresource: string;
  name: string;
  verb: Verb;
  /** The path segments after the resource (for proxy paths). */
  parts: string[];
}

export interface NonResourceRequest {
  isResourceRequest: false;
  path: string;
  verb: string;
}

export type RequestInfo = ResourceRequest | NonResourceRequest;

/** Subresources of a namespace that are addressed as /namespaces/{name}/{sub}. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

export function parseRequestInfo(method: string, path: string, query: URLSearchParams): RequestInfo {
  const lowerMethod = method.toLowerCase();
  const segments = path.split('/').filter((s) => s !== '').map(safeDecode);
  const prefix = segments[0];
  if (prefix !== 'api' && prefix !== 'apis') return { isResourceRequest: false, path, verb: lowerMethod };
  let rest = segments.slice(1);
  let group = '';
  if (prefix === 'apis') {
    if (rest.length < 2) return { isResourceRequest: false, path, verb: lowerMethod };
    group = rest[0]!;
    rest = rest.slice(1);
  } else if (rest.length < 1) {
    return { isResourceRequest: false, path, verb: lowerMethod };
  }
  const version = rest[0]!;
  rest = rest.slice(1);
  if (rest.length === 0) return { isResourceRequest: false, path, verb: lowerMethod };

  let verb: Verb;
  switch (lowerMethod) {
    case 'post':
      verb = 'create';
      break;
    case 'get':
    case 'head':
      verb = 'get';
      break;
    case 'put':
      verb = 'update';
      break;
    case 'patch':
      verb = 'patch';
      break;
    case 'delete':
      verb = 'delete';
      break;
    default:
      verb = 'connect';
  }
  // The deprecated /watch/ prefix.
  if (rest[0] === 'watch') {
    verb = 'watch';
    rest = rest.slice(1);
  }

  let namespace = '';
  if (rest[0] === 'namespaces') {
    if (rest.length > 1) {
      namespace = rest[1]!;
      // /namespaces/{ns}/{resource}/... addresses objects in the namespace; /namespaces/{name}[/status]
      // addresses the namespace itself.
      if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2]!)) rest = rest.slice(2);
    }
  }
  const resource = rest[0] ?? '';
  const name = rest[1] ?? '';
  const subresource = rest[2] ?? '';

  if (!name && verb === 'get') verb = 'list';
  if (!name && verb === 'delete') verb = 'deletecollection';
  // ?watch=true on a collection or on one object; the latter becomes a metadata.name selector.
  if ((verb === 'list' || verb === 'get') && isTrue(query.get('watch'))) verb = 'watch';
  return {
    isResourceRequest: true,
    prefix,
    group,
    version,
    namespace,
    resource,
    subresource,
    name,
    verb,
    parts: rest,
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Go's strconv.ParseBool, as query parameters are read upstream. */
export function isTrue(v: string | null | undefined): boolean {
  return v === '1' || v === 't' || v === 'T' || v === 'true' || v === 'TRUE' || v === 'True';
}
