// Fixtures shared by the storage tests.
import type { KubeObject } from '../../../src/api/object.ts';
import type { Storage, StorageEvent, Watch } from '../../../src/server/storage/storage.ts';

export const podKey = (name: string, ns = 'default') => `/registry/pods/${ns}/${name}`;

export function pod(name: string, ns = 'default', extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, uid: `uid-${ns}-${name}` },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
    ...extra,
  };
}

/** Collects a watch's events; `until(n)` resolves once n have arrived. */
export function collect(storage: Storage, prefix: string, fromRevision: number) {
  const events: StorageEvent[] = [];
  let waiters: Array<{ n: number; resolve: () => void }> = [];
  const watch: Watch = storage.watch(prefix, fromRevision, (e) => {
    events.push(e);
    waiters = waiters.filter((w) => (events.length >= w.n ? (w.resolve(), false) : true));
  });
  const until = (n: number) =>
    new Promise<StorageEvent[]>((resolve) => {
      if (events.length >= n) resolve(events);
      else waiters.push({ n, resolve: () => resolve(events) });
    });
  return { events, until, watch };
}

/** Resolves after the current event-loop turn, once all queued microtasks (deliveries) have run. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Deterministic PRNG (mulberry32) for generated write sequences. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A summary of a list for comparisons: key@revision. */
export const summary = (items: Array<{ key: string; revision: number }>) => items.map((i) => `${i.key}@${i.revision}`);
