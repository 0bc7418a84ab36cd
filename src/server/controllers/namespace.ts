// Namespace deletion (pkg/controller/namespace): once a namespace is Terminating, delete everything
// in it, then clear its `kubernetes` finalizer through /finalize so that it goes away.
import type { KubeObject } from '../../api/object.ts';
import { everything } from '../registry/filter.ts';
import type { Registry } from '../registry/registry.ts';
import { systemWriteContext } from '../bootstrap.ts';
import { ControllerRuntime } from './runtime.ts';

const RETRY_MS = 500;

export function startNamespaceController(registry: Registry): { stop(): void } {
  const namespaces = registry.store('', 'namespaces');
  const busy = new Set<string>();
  const runtime = new ControllerRuntime();

  async function sync(name: string): Promise<void> {
    if (runtime.stopped || busy.has(name)) return;
    busy.add(name);
    try {
      const ns = await namespaces.tryGet('', name);
      if (!ns || !ns.object.metadata.deletionTimestamp) return;
      const remaining = await deleteContent(registry, name);
      if (remaining > 0) {
        schedule(name);
        return;
      }
      await namespaces.guaranteedUpdate(
        '',
        name,
        (cur: KubeObject) => ({ ...cur, spec: { ...(cur.spec as object), finalizers: ((cur.spec as { finalizers?: string[] })?.finalizers ?? []).filter((f) => f !== 'kubernetes') } }),
        { ...systemWriteContext('namespace-controller'), subresource: 'finalize' },
      );
    } catch {
      schedule(name);
    } finally {
      busy.delete(name);
    }
  }

  function schedule(name: string): void {
    runtime.later(() => void sync(name), RETRY_MS);
  }

  runtime.watch(namespaces, (type, obj) => {
    if (type !== 'DELETED' && obj.metadata.deletionTimestamp) void sync(obj.metadata.name!);
  });
  return runtime;
}

/** Deletes what is left in the namespace; returns how many objects still exist. */
async function deleteContent(registry: Registry, namespace: string): Promise<number> {
  let remaining = 0;
  const ctx = systemWriteContext('namespace-controller');
  for (const store of registry.allStores()) {
    if (!store.info.namespaced || !store.info.verbs.includes('delete')) continue;
    const { items } = await store.list(namespace, { filter: everything });
    for (const item of items) {
      if (item.metadata.deletionTimestamp) {
        remaining++;
        continue;
      }
      try {
        const { deleted } = await store.delete(namespace, item.metadata.name!, { propagationPolicy: 'Background' }, ctx);
        if (!deleted) remaining++;
      } catch (e) {
        // Gone already is fine; anything else is looked at again on the next pass.
        if ((e as { reason?: string }).reason !== 'NotFound') remaining++;
      }
    }
  }
  return remaining;
}
