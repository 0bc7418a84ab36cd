// WATCH: a stream of {"type","object"} events, newline-delimited over chunked HTTP or one per
// WebSocket message (handlers/watch.go), with bookmarks, timeouts and the initial-events protocol.
import type { KubeObject } from '../../../api/object.ts';
import type { ApiRequest, Handler, ServerContext } from '../context.ts';
import { filterFromQuery } from '../filter-from-query.ts';
import { intParam } from '../query.ts';
import { includeObjectOf, negotiateFor } from '../render.ts';
import { isTrue } from '../request-info.ts';
import { ApiError, badRequest, internalError } from '../../status.ts';
import type { StoreWatch } from '../../registry/store.ts';

/** Where events go: an HTTP response or a WebSocket. */
export interface WatchSink {
  send(text: string): void;
  /** Bytes queued and not yet sent; a watcher that falls too far behind is cut off. */
  backlog(): number;
  end(): void;
  onClose(listener: () => void): void;
}

/** A watcher this far behind is dropped; the client re-lists (kube-apiserver terminates slow watchers too). */
const MAX_BACKLOG_BYTES = 64 * 1024 * 1024;
const INITIAL_EVENTS_END = 'k8s.io/initial-events-end';

export interface WatchPlan {
  start(sink: WatchSink): Promise<void>;
}

/** Validates the request and prepares the stream; throws (as a plain HTTP error) before any byte is sent. */
export function planWatch(ar: ApiRequest, ctx: ServerContext): WatchPlan {
  const { query, endpoint } = ar;
  const rendering = negotiateFor(ar, false);
  const table = rendering.conversion.as === 'Table' ? { version: rendering.conversion.version, includeObject: includeObjectOf(query) } : undefined;
  const metadataOnly = rendering.conversion.as === 'PartialObjectMetadata' ? rendering.conversion.version : undefined;
  const timeoutSeconds = intParam(query, 'timeoutSeconds');
  const allowBookmarks = isTrue(query.get('allowWatchBookmarks'));
  const sendInitialEvents = query.has('sendInitialEvents') ? isTrue(query.get('sendInitialEvents')) : undefined;
  const resourceVersion = query.get('resourceVersion') ?? undefined;
  const resourceVersionMatch = query.get('resourceVersionMatch') ?? undefined;
  if (sendInitialEvents !== undefined) {
    if (resourceVersionMatch !== 'NotOlderThan')
      throw badRequest('resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan');
    if (!allowBookmarks) throw badRequest('allowWatchBookmarks: Forbidden: sendInitialEvents requires setting allowWatchBookmarks to true');
  } else if (resourceVersionMatch) {
    throw badRequest('resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided');
  }
  const filter = filterFromQuery(ar);
  const timeoutMs =
    timeoutSeconds !== undefined && timeoutSeconds > 0
      ? timeoutSeconds * 1000
      : (ctx.options.minRequestTimeoutSeconds + Math.random() * ctx.options.minRequestTimeoutSeconds) * 1000;
  const { info } = endpoint;
  const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;

  return {
    async start(sink) {
      let headersSent = false;
      let watch: StoreWatch | undefined;
      let closed = false;
      const timers: NodeJS.Timeout[] = [];
      const stop = () => {
        if (closed) return;
        closed = true;
        watch?.stop();
        for (const t of timers) clearTimeout(t);
        sink.end();
      };
      sink.onClose(stop);
      const encode = (type: string, obj: unknown) => JSON.stringify({ type, object: obj }) + '\n';
      const render = (obj: KubeObject): unknown => {
        const versioned = endpoint.toVersion(obj);
        if (table) {
          const t = ctx.tables.toTable(info.group, info.resource, [versioned], {
            now: ctx.now(),
            includeObject: table.includeObject,
            noHeaders: headersSent,
            apiVersion: `meta.k8s.io/${table.version}`,
          });
          headersSent = true;
          return t;
        }
        if (metadataOnly) return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${metadataOnly}`, metadata: versioned.metadata };
        return versioned;
      };
      const emit = (type: string, obj: KubeObject) => {
        if (closed) return;
        sink.send(encode(type, render(obj)));
        if (sink.backlog() > MAX_BACKLOG_BYTES) stop();
      };
      const bookmark = (revision: number, initialEventsEnd = false) => {
        const metadata: Record<string, unknown> = { resourceVersion: String(revision) };
        if (initialEventsEnd) metadata.annotations = { [INITIAL_EVENTS_END]: 'true' };
        emit('BOOKMARK', { kind: info.kind, apiVersion, metadata } as KubeObject);
      };
      try {
        watch = await endpoint.store.watch(ar.info.namespace, { filter, resourceVersion, sendInitialEvents }, (type, obj) => emit(type, obj));
      } catch (e) {
        // Like the watch cache: a watch that cannot start answers one ERROR event (newErrWatcher).
        const status = (e instanceof ApiError ? e : internalError(e)).status;
        sink.send(encode('ERROR', status));
        stop();
        return;
      }
      if (closed) {
        watch.stop();
        return;
      }
      if (sendInitialEvents) bookmark(watch.lastRevision(), true);
      timers.push(
        setTimeout(() => {
          if (allowBookmarks) bookmark(watch!.lastRevision());
          stop();
        }, timeoutMs),
      );
      if (allowBookmarks) {
        const tick = () => {
          if (closed) return;
          bookmark(watch!.lastRevision());
          timers.push(setTimeout(tick, ctx.options.bookmarkIntervalMs));
        };
        timers.push(setTimeout(tick, ctx.options.bookmarkIntervalMs));
      }
    },
  };
}

/** The HTTP form: 200, chunked, one JSON event per line. */
export const watch: Handler = async (ar, ctx) => {
  const plan = planWatch(ar, ctx);
  const { res } = ar;
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  await plan.start({
    send: (text) => void res.write(text),
    backlog: () => res.writableLength,
    end: () => res.end(),
    onClose: (listener) => res.on('close', listener),
  });
  return undefined;
};
