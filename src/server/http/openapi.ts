// /openapi/v2 (JSON or gnostic protobuf) and /openapi/v3 (index and per group-version documents),
// served as kube-openapi's handlers do: ETags, and immutable caching of hash-addressed v3 documents
// with a redirect when the hash is stale.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceInfo } from '../../api/resources.ts';
import type { CustomResourceSpec } from '../openapi/custom.ts';
import { OpenApiService, V2_PROTOBUF_ACCEPT, type OpenApiBody } from '../openapi/service.ts';
import { parseMediaRanges } from './negotiate.ts';

export interface OpenApiRoutes {
  /** Serves the path when it is an OpenAPI document; false when it is not one. */
  serve(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<boolean>;
  /** The set of resources changed (CRDs): rebuild documents on next request. */
  invalidate(): void;
}

const YEAR_SECONDS = 365 * 24 * 60 * 60;

function sendBody(req: IncomingMessage, res: ServerResponse, doc: OpenApiBody, extra: Record<string, string> = {}): void {
  const etag = `"${doc.etag}"`;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ETag: etag, ...extra });
    res.end();
    return;
  }
  res.writeHead(200, { 'Content-Type': doc.contentType, 'Content-Length': doc.body.length, ETag: etag, Vary: 'Accept', ...extra });
  res.end(req.method === 'HEAD' ? undefined : doc.body);
}

function wantsProtobuf(accept: string | undefined): boolean {
  for (const r of parseMediaRanges(accept)) {
    if (V2_PROTOBUF_ACCEPT.includes(r.type)) return true;
    if (r.type === 'application/json' || r.type === '*/*' || r.type === 'application/*') return false;
  }
  return false;
}

export function createOpenApiRoutes(
  resources: () => readonly ResourceInfo[],
  serverVersion: string,
  customResources: () => readonly CustomResourceSpec[] = () => [],
): OpenApiRoutes {
  // Built-in resources come from the type table; custom ones from their CRD schemas.
  const service = new OpenApiService({ serverVersion, resources: () => resources().filter((r) => !r.custom), customResources });
  return {
    invalidate: () => service.invalidate(),
    async serve(req, res, path, query) {
      if (path === '/openapi/v2' || path === '/swagger-2.0.0.pb-v1' || path === '/swagger.json') {
        const protobuf = path === '/swagger-2.0.0.pb-v1' || (path === '/openapi/v2' && wantsProtobuf(req.headers.accept));
        sendBody(req, res, protobuf ? service.v2Protobuf() : service.v2Json());
        return true;
      }
      if (path === '/openapi/v3' || path === '/openapi/v3/') {
        sendBody(req, res, service.v3Index(), { 'Cache-Control': 'no-cache, private' });
        return true;
      }
      if (!path.startsWith('/openapi/v3/')) return false;
      const name = path.slice('/openapi/v3/'.length);
      const doc = service.v3Document(name);
      if (!doc) return false;
      const hash = query.get('hash');
      if (hash === null) {
        sendBody(req, res, doc, { 'Cache-Control': 'no-cache, private' });
        return true;
      }
      if (hash !== doc.etag) {
        // handler3: a stale hash is redirected to the current one.
        res.writeHead(301, { Location: `${path}?hash=${doc.etag}`, 'Cache-Control': 'no-cache, private' });
        res.end();
        return true;
      }
      sendBody(req, res, doc, {
        'Cache-Control': 'public, immutable',
        Expires: new Date(Date.now() + YEAR_SECONDS * 1000).toUTCString(),
      });
      return true;
    },
  };
}
