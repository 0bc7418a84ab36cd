// /healthz, /livez, /readyz and their per-check paths (k8s.io/apiserver pkg/server/healthz).
import type { ServerResponse } from 'node:http';
import { sendText } from './respond.ts';

export interface HealthCheck {
  name: string;
  check(): boolean;
}

export function serveHealth(res: ServerResponse, endpoint: 'healthz' | 'livez' | 'readyz', subpath: string, query: URLSearchParams, checks: HealthCheck[]): boolean {
  if (subpath) {
    const check = checks.find((c) => c.name === subpath);
    if (!check) return false;
    if (check.check()) sendText(res, 200, 'ok');
    else sendText(res, 500, `internal server error: ${check.name} check failed`);
    return true;
  }
  const excluded = new Set(query.getAll('exclude'));
  const results = checks.filter((c) => !excluded.has(c.name)).map((c) => ({ name: c.name, ok: c.check() }));
  const failed = results.some((r) => !r.ok);
  if (!query.has('verbose') && !failed) {
    sendText(res, 200, 'ok');
    return true;
  }
  const lines = results.map((r) => (r.ok ? `[+]${r.name} ok` : `[-]${r.name} failed: reason withheld`));
  for (const name of excluded) lines.push(`[+]${name} excluded: ok`);
  const verdict = failed ? `${endpoint} check failed` : `${endpoint} check passed`;
  sendText(res, failed ? 500 : 200, `${lines.join('\n')}\n${verdict}\n`);
  return true;
}
