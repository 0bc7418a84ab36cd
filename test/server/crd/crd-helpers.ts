// Shared pieces of the CRD tests: the CronTab fixture and waiting on watch events (no sleeps).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { TestServer } from '../../helpers/server.ts';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
export const CRONTABS = '/apis/stable.example.com/v1/namespaces/default/crontabs';

/** The CronTab CRD of fixtures/crontab-crd.yaml, as an object to post. */
export function cronTabCrd(): any {
  return parse(readFileSync(join(FIXTURES, 'crontab-crd.yaml'), 'utf8'));
}

export function cronTab(name: string, spec: Record<string, unknown> = { cronSpec: '* * * * */5', image: 'cron:1' }, extra: Record<string, unknown> = {}): any {
  return { apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name }, spec, ...extra };
}

type Until = (type: string, obj: any) => boolean;

/**
 * Starts watching one object of `collection` (its current state comes first); the returned
 * function resolves with the object of the first event that satisfies `until`.
 */
export async function watchFor(srv: TestServer, collection: string, name: string, until: Until, timeoutMs = 5000): Promise<() => Promise<any>> {
  const w = await srv.stream(`${collection}?watch=true&fieldSelector=metadata.name%3D${encodeURIComponent(name)}`);
  assert.equal(w.status, 200, `watch ${collection}`);
  return async () => {
    try {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const ev = await w.next(Math.max(deadline - Date.now(), 1));
        if (until(ev.type, ev.object)) return ev.object;
      }
    } finally {
      w.close();
    }
  };
}

export async function waitFor(srv: TestServer, collection: string, name: string, until: Until, timeoutMs = 5000): Promise<any> {
  return (await watchFor(srv, collection, name, until, timeoutMs))();
}

export const condition = (crd: any, type: string) => crd.status?.conditions?.find((c: any) => c.type === type);

/** Posts a CRD and waits until it is Established. */
export async function establish(srv: TestServer, crd: any): Promise<any> {
  const r = await srv.request('POST', CRDS, { body: crd });
  assert.equal(r.status, 201, r.text);
  return waitFor(srv, CRDS, crd.metadata.name, (_t, o) => condition(o, 'Established')?.status === 'True');
}

/** Deletes a CRD and waits until it is gone. */
export async function deleteCrd(srv: TestServer, name: string): Promise<void> {
  const gone = await watchFor(srv, CRDS, name, (t) => t === 'DELETED');
  const r = await srv.request('DELETE', `${CRDS}/${name}`);
  assert.ok(r.status === 200 || r.status === 202, r.text);
  await gone();
}
