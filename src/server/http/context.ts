// What every handler receives: the parsed request and the server's parts. No globals.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry, Endpoint } from '../registry/registry.ts';
import type { TableRegistry } from '../tables/index.ts';
import type { RequestUser } from '../registry/store.ts';
import type { ResourceRequest } from './request-info.ts';

export interface ServerOptions {
  /** How often a watch with allowWatchBookmarks gets a BOOKMARK (kube-apiserver: about a minute). */
  bookmarkIntervalMs: number;
  /** Watches without timeoutSeconds last between this and twice this (kube-apiserver: 1800 s). */
  minRequestTimeoutSeconds: number;
}

export interface ServerContext {
  registry: Registry;
  /** Table conversion: built-in printers plus CRDs' additionalPrinterColumns. */
  tables: TableRegistry;
  options: ServerOptions;
  now(): Date;
}

export interface ApiRequest {
  req: IncomingMessage;
  res: ServerResponse;
  info: ResourceRequest;
  query: URLSearchParams;
  user: RequestUser;
  endpoint: Endpoint;
}

/** A finished answer; handlers that stream (watch) write to `res` themselves and return undefined. */
export interface Answer {
  code: number;
  body: unknown;
  /** Table / metadata conversions were negotiated by the handler, which sets the Content-Type. */
  contentType?: string;
  serializer?: 'json' | 'yaml';
  headers?: Record<string, string | string[]>;
}

export type Handler = (ar: ApiRequest, ctx: ServerContext) => Promise<Answer | undefined>;
