// The request path: parse once, authenticate, authorize, then serve a non-resource path (version,
// health, discovery, OpenAPI) or dispatch a resource request to the handler of its verb.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { authorizeRequest } from '../auth/authorize.ts';
import { reviewKey, type ReviewHandler } from '../auth/reviews/index.ts';
import type { ServerAuth } from '../auth/server-auth.ts';
import { checkKind, readObject } from './body.ts';
import { methodNotAllowed, methodNotSupported, notAcceptable, pathNotFound } from '../status.ts';
import type { ApiRequest, Handler, ServerContext } from './context.ts';
import { create } from './handlers/create.ts';
import { deleteCollection, deleteOne } from './handlers/delete.ts';
import { get } from './handlers/get.ts';
import { getScale, updateScale } from './handlers/scale.ts';
import { patch } from './handlers/patch.ts';
import { list } from './handlers/list.ts';
import { update } from './handlers/update.ts';
import { planWatch, watch } from './handlers/watch.ts';
import type { Discovery, DiscoveryDoc } from './discovery.ts';
import { serveHealth, type HealthCheck } from './health.ts';
import { discoveryContentType, negotiateDiscovery } from './negotiate.ts';
import type { OpenApiRoutes } from './openapi.ts';
import { parseRequestInfo, type ResourceRequest, type Verb } from './request-info.ts';
import { send, sendError } from './respond.ts';

export interface RouterParts {
  ctx: ServerContext;
  discovery: Discovery;
  openapi: OpenApiRoutes;
  health: HealthCheck[];
  version: () => unknown;
  auth: ServerAuth;
}

const HANDLERS: Partial<Record<Verb, Handler>> = {
  get,
  list,
  watch,
  create,
  update,
  patch,
  delete: deleteOne,
  deletecollection: deleteCollection,
};

/** Subresources served by the generic handlers with their own semantics in the store. */
const STORE_SUBRESOURCES = new Set(['', 'status', 'finalize']);
const SCALE_HANDLERS: Partial<Record<Verb, Handler>> = { get: getScale, update: updateScale, patch };

function handlerFor(info: ResourceRequest): Handler | undefined {
  if (STORE_SUBRESOURCES.has(info.subresource)) return HANDLERS[info.verb];
  if (info.subresource === 'scale') return SCALE_HANDLERS[info.verb];
  return undefined;
}

export function createRouter(parts: RouterParts) {
  const { ctx } = parts;
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

  function resolve(req: IncomingMessage): { url: URL; info: ReturnType<typeof parseRequestInfo> } {
    const url = new URL(req.url ?? '/', 'https://localhost');
    return { url, info: parseRequestInfo(req.method ?? 'GET', url.pathname, url.searchParams) };
  }

  async function apiRequest(req: IncomingMessage, res: ServerResponse, info: ResourceRequest, query: URLSearchParams): Promise<ApiRequest> {
    const user = await parts.auth.authenticator.authenticate(req);
    await authorizeRequest(parts.auth.authorizer, user, info);
    const endpoint = ctx.registry.endpoint(info.group, info.version, info.resource);
    if (!endpoint) throw pathNotFound();
    const { namespaced } = endpoint.info;
    if (!namespaced && info.namespace && info.resource !== 'namespaces') throw pathNotFound();
    // Item verbs on a collection path (PUT/PATCH without a name) have no route.
    if (!info.name && (info.verb === 'update' || info.verb === 'patch' || info.verb === 'connect')) throw methodNotAllowed();
    if (namespaced && !info.namespace && info.verb !== 'list' && info.verb !== 'watch') {
      if (info.name) throw pathNotFound();
      throw methodNotAllowed();
    }
    let verbs = endpoint.info.verbs;
    if (info.subresource) {
      const sub = endpoint.info.subresources?.find((s) => s.name === info.subresource);
      if (!sub) throw pathNotFound();
      verbs = sub.verbs;
    }
    const verbForCheck = info.verb === 'watch' && info.name ? 'watch' : info.verb;
    if (!verbs.includes(verbForCheck)) {
      if (info.verb === 'deletecollection' || info.verb === 'create' || info.verb === 'list' || info.verb === 'watch')
        throw methodNotSupported({ group: info.group, resource: info.resource }, info.verb);
      throw methodNotAllowed();
    }
    return { req, res, info, query, user, endpoint };
  }

  /** Create-only resources that are never stored: reviews and serviceaccounts/token. */
  function virtualCreate(info: ResourceRequest): { handler: ReviewHandler; kind: string; apiVersion: string } | undefined {
    if (info.verb !== 'create') return undefined;
    if (info.group === '' && info.resource === 'serviceaccounts' && info.subresource === 'token' && info.name && info.namespace)
      return { handler: parts.auth.reviews[reviewKey('', 'serviceaccounts', 'token')]!, kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1' };
    if (info.subresource || info.name) return undefined;
    const handler = parts.auth.reviews[reviewKey(info.group, info.resource)];
    if (!handler) return undefined;
    let served = ctx.registry.resources().find((r) => r.group === info.group && r.version === info.version && r.resource === info.resource);
    // kubectl 1.27 asks authentication.k8s.io/v1beta1 (then v1alpha1) for auth whoami.
    if (!served && info.group === 'authentication.k8s.io' && info.resource === 'selfsubjectreviews' && (info.version === 'v1beta1' || info.version === 'v1alpha1'))
      served = ctx.registry.resources().find((r) => r.group === info.group && r.resource === info.resource);
    if (!served || served.namespaced !== Boolean(info.namespace)) throw pathNotFound();
    return { handler, kind: served.kind, apiVersion: `${info.group}/${info.version}` };
  }

  async function serveResource(req: IncomingMessage, res: ServerResponse, info: ResourceRequest, query: URLSearchParams): Promise<void> {
    const virtual = virtualCreate(info);
    if (virtual) {
      const user = await parts.auth.authenticator.authenticate(req);
      await authorizeRequest(parts.auth.authorizer, user, info);
      const [group, version] = virtual.apiVersion.split('/') as [string, string];
      // Older versions of these reviews (v1beta1 whoami) decode with the v1 type: same fields.
      const body = await readObject(req, { group, version: 'v1', kind: virtual.kind });
      checkKind(body, virtual.apiVersion, virtual.kind);
      const warnings: string[] = [];
      const out = await virtual.handler(body, { user, namespace: info.namespace, version: info.version, name: info.name, warnings });
      const headers: Record<string, string[]> = warnings.length ? { Warning: warnings.map((w) => `299 - ${JSON.stringify(w)}`) } : {};
      return send(res, 201, out, 'application/json', 'json', headers);
    }
    const ar = await apiRequest(req, res, info, query);
    const handler = handlerFor(info);
    if (!handler) throw methodNotAllowed();
    const answer = await handler(ar, ctx);
    if (answer) send(res, answer.code, answer.body, answer.contentType, answer.serializer, answer.headers);
  }

  function sendDoc(req: IncomingMessage, res: ServerResponse, d: DiscoveryDoc, contentType: string): void {
    if (req.headers['if-none-match'] === d.etag) {
      res.writeHead(304, { ETag: d.etag });
      res.end();
      return;
    }
    send(res, 200, d.body, contentType, 'json', { ETag: d.etag, Vary: 'Accept' });
  }

  function serveDiscovery(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    const segments = path.split('/').filter(Boolean);
    const { discovery } = parts;
    if (segments.length === 1 && (segments[0] === 'api' || segments[0] === 'apis')) {
      const format = negotiateDiscovery(req.headers.accept);
      if (!format) throw notAcceptable(['application/json', 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList']);
      if (format !== 'legacy') {
        sendDoc(req, res, discovery.aggregated(segments[0], format), discoveryContentType(format));
        return true;
      }
      sendDoc(req, res, segments[0] === 'api' ? discovery.coreVersions() : discovery.groupList(), 'application/json');
      return true;
    }
    let d: DiscoveryDoc | undefined;
    if (segments[0] === 'api' && segments.length === 2) d = discovery.resourceList('', segments[1]!);
    else if (segments[0] === 'apis' && segments.length === 2) d = discovery.group(segments[1]!);
    else if (segments[0] === 'apis' && segments.length === 3) d = discovery.resourceList(segments[1]!, segments[2]!);
    if (!d) return false;
    sendDoc(req, res, d, 'application/json');
    return true;
  }

  async function serveNonResource(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
    const user = await parts.auth.authenticator.authenticate(req);
    const method = req.method ?? 'GET';
    await authorizeRequest(parts.auth.authorizer, user, { isResourceRequest: false, path, verb: method.toLowerCase() });
    if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed();
    const health = /^\/(healthz|livez|readyz)(?:\/(.*))?$/.exec(path);
    if (health) {
      if (serveHealth(res, health[1] as 'healthz', health[2] ?? '', query, parts.health)) return;
      throw pathNotFound();
    }
    if (path === '/version' || path === '/version/') return send(res, 200, parts.version());
    if (path.startsWith('/openapi/') || path === '/swagger-2.0.0.pb-v1' || path === '/swagger.json') {
      if (await parts.openapi.serve(req, res, path, query)) return;
      throw pathNotFound();
    }
    if (path === '/api' || path === '/apis' || path.startsWith('/api/') || path.startsWith('/apis/')) {
      if (serveDiscovery(req, res, path)) return;
    }
    if (path === '/') {
      const paths = ['/api', '/api/v1', '/apis', '/healthz', '/livez', '/openapi/v2', '/openapi/v3', '/readyz', '/version'];
      return send(res, 200, { paths });
    }
    throw pathNotFound();
  }

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const { url, info } = resolve(req);
      if (info.isResourceRequest) await serveResource(req, res, info, url.searchParams);
      else await serveNonResource(req, res, info.path, url.searchParams);
    } catch (err) {
      if (process.env.KTL_DEBUG) console.error('request failed', err);
      if (!res.headersSent) sendError(res, err);
      else res.destroy();
    }
  }

  /** WebSocket upgrades: watch over WebSocket (exec/attach/port-forward come later). */
  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    try {
      const { url, info } = resolve(req);
      if (!info.isResourceRequest || info.verb !== 'watch') throw pathNotFound();
      const ar = await apiRequest(req, undefined as unknown as ServerResponse, info, url.searchParams);
      const plan = planWatch(ar, ctx);
      wss.handleUpgrade(req, socket, head, (ws) => {
        void plan.start({
          send: (text) => ws.send(text.trimEnd()),
          backlog: () => ws.bufferedAmount,
          end: () => ws.close(),
          onClose: (listener) => ws.on('close', listener),
        });
      });
    } catch (err) {
      rejectUpgrade(socket, err);
    }
  }

  return { handleRequest, handleUpgrade, close: () => wss.close() };
}

function rejectUpgrade(socket: Duplex, err: unknown): void {
  const status = (err as { status?: { code?: number } }).status;
  const code = status?.code ?? 500;
  const body = JSON.stringify(status ?? { message: String(err) });
  socket.end(`HTTP/1.1 ${code} Error\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

