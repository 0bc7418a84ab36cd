// The one place answers are serialised: JSON (kube-apiserver's compact encoding) or YAML, and every
// error as a Status.
import type { ServerResponse } from 'node:http';
import { stringify as yamlStringify } from 'yaml';
import { ApiError, internalError } from '../status.ts';
import type { Serializer } from './negotiate.ts';

export function serialize(body: unknown, serializer: Serializer): string {
  return serializer === 'yaml' ? yamlStringify(body, { version: '1.1' }) : JSON.stringify(body);
}

export function send(
  res: ServerResponse,
  code: number,
  body: unknown,
  contentType = 'application/json',
  serializer: Serializer = 'json',
  headers: Record<string, string | string[]> = {},
): void {
  const text = typeof body === 'string' ? body : serialize(body, serializer);
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(code, {
    'Content-Type': contentType,
    'Cache-Control': 'no-cache, private',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

export function sendText(res: ServerResponse, code: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(code, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache, private',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** Anything thrown by a handler becomes a Status; unexpected errors become InternalError. */
export function sendError(res: ServerResponse, err: unknown, serializer: Serializer = 'json'): void {
  const apiError = err instanceof ApiError ? err : internalError(err);
  const headers: Record<string, string> = { ...apiError.headers };
  const retry = apiError.status.details?.retryAfterSeconds;
  if (retry && (apiError.code === 429 || apiError.code >= 500)) headers['Retry-After'] = String(retry);
  send(res, apiError.code, apiError.status, serializer === 'yaml' ? 'application/yaml' : 'application/json', serializer, headers);
}
