// The CRD controller: what apiextensions-apiserver's naming, establishing, finalizer and discovery
// controllers and its CR handler do, for one in-process server. On every CRD change it accepts the
// names (NamesAccepted, Established), serves each served version through the registry (discovery
// and OpenAPI follow at once), registers the printer columns, and on deletion removes every custom
// resource before releasing the CRD's cleanup finalizer. Writes go through the registry's stores.
import { systemWriteContext } from '../bootstrap.ts';
import type { CustomResourceSpec } from '../openapi/custom.ts';
import { everything } from '../registry/filter.ts';
import { rfc3339 } from '../registry/object-meta.ts';
import type { Registry } from '../registry/registry.ts';
import type { StoreWatch, WriteContext } from '../registry/store.ts';
import type { TableRegistry } from '../tables/index.ts';
import { customResourceTable } from './columns.ts';
import { createCustomResourceStrategy } from './cr-strategy.ts';
import { calculateNames, sameNames } from './names.ts';
import { customResourceSpecs, resourceInfos } from './serving.ts';
import { crdTypeIndex, type CustomResourceTypes } from './type-index.ts';
import {
  CLEANUP_FINALIZER,
  CRD_GROUP,
  CRD_RESOURCE,
  asCrd,
  isConditionTrue,
  servedVersions,
  setCondition,
  storageVersionOf,
  versionOf,
  type Crd,
} from './types.ts';

const RETRY_MS = 250;
const MANAGER = 'kube-apiserver';

export interface CrdController {
  /** OpenAPI parts of every served custom resource version (for createOpenApiRoutes). */
  customResources(): readonly CustomResourceSpec[];
  /** The type table of a served custom resource version (server-side apply, managedFields). */
  typeIndex(group: string, version: string, kind: string): CustomResourceTypes | undefined;
  stop(): void;
}

interface Served {
  group: string;
  plural: string;
  /** What the registration was made from; a CRD change that alters it re-registers. */
  signature: string;
  specs: CustomResourceSpec[];
}

/**
 * Starts watching CRDs; resolves once the CRDs already stored are served (a restarted server
 * serves its custom resources before it reports ready).
 */
export async function startCrdController(registry: Registry, tables: TableRegistry): Promise<CrdController> {
  const crds = registry.store(CRD_GROUP, CRD_RESOURCE);
  const latest = new Map<string, Crd>();
  const served = new Map<string, Served>();
  const typeCache = new Map<string, CustomResourceTypes>();
  const running = new Map<string, Promise<void>>();
  const dirty = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let specs: CustomResourceSpec[] = [];
  let stopped = false;

  const ctx = (subresource?: string): WriteContext => ({ ...systemWriteContext(MANAGER), now: new Date(), ...(subresource ? { subresource } : {}) });

  function rebuildSpecs(): void {
    specs = [...served.values()].flatMap((s) => s.specs);
    typeCache.clear();
  }

  function unserve(name: string): void {
    const s = served.get(name);
    if (!s) return;
    served.delete(name);
    tables.unregister(s.group, s.plural);
    rebuildSpecs();
    registry.removeResource(s.group, s.plural);
  }

  function serve(name: string, crd: Crd): void {
    const infos = resourceInfos(crd);
    const storage = storageVersionOf(crd);
    const signature = JSON.stringify([crd.spec, crd.status?.acceptedNames]);
    const current = served.get(name);
    if (current?.signature === signature) return;
    if (current) registry.removeResource(current.group, current.plural);
    if (infos.length === 0 || !storage) {
      if (current) {
        served.delete(name);
        tables.unregister(current.group, current.plural);
        rebuildSpecs();
      }
      return;
    }
    const strategy = createCustomResourceStrategy(crd, {
      terminating: () => {
        const now = latest.get(name);
        return !now || !!now.metadata.deletionTimestamp || isConditionTrue(now, 'Terminating');
      },
    });
    const group = infos[0]!.group;
    const plural = infos[0]!.resource;
    // the preferred (first) version's columns: tables are registered per resource
    tables.register(group, plural, customResourceTable(versionOf(crd, infos[0]!.version)?.additionalPrinterColumns));
    served.set(name, { group, plural, signature, specs: customResourceSpecs(crd) });
    rebuildSpecs();
    for (const info of infos) registry.addResource(info, strategy, storage);
  }

  async function writeStatus(name: string, mutate: (crd: Crd) => void): Promise<Crd> {
    return asCrd(
      await crds.guaranteedUpdate(
        '',
        name,
        (cur) => {
          mutate(asCrd(cur));
          return cur;
        },
        ctx('status'),
      ),
    );
  }

  /** Names and conditions; returns the CRD as stored afterwards. */
  async function accept(name: string, crd: Crd): Promise<Crd> {
    const needsNames = !sameNames(crd.spec.names, crd.status?.acceptedNames);
    const needsEstablished = isConditionTrue(crd, 'NamesAccepted') && !isConditionTrue(crd, 'Established');
    if (!needsNames && !needsEstablished) return crd;
    return writeStatus(name, (cur) => {
      const now = rfc3339(new Date());
      if (!sameNames(cur.spec.names, cur.status?.acceptedNames)) {
        const result = calculateNames(cur, [...latest.values()].filter((c) => c.metadata.name !== name).concat(cur));
        (cur.status ??= {}).acceptedNames = result.acceptedNames;
        setCondition(cur, result.namesAccepted, now);
        setCondition(cur, result.established, now);
      }
      if (isConditionTrue(cur, 'NamesAccepted') && !isConditionTrue(cur, 'Established'))
        setCondition(cur, { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' }, now);
    });
  }

  /** crd_finalizer.go: delete the instances, then let the CRD go. Returns false to retry later. */
  async function finalize(name: string, crd: Crd): Promise<boolean> {
    const inProgress = { type: 'Terminating', status: 'True', reason: 'InstanceDeletionInProgress', message: 'CustomResource deletion is in progress' } as const;
    crd = await writeStatus(name, (cur) => setCondition(cur, inProgress, rfc3339(new Date())));
    let done: { reason: string; message: string };
    const s = served.get(name);
    if (isConditionTrue(crd, 'Established') && s) {
      const store = registry.store(s.group, s.plural);
      const { items } = await store.list('', { filter: everything });
      let remaining = 0;
      for (const item of items) {
        if (item.metadata.deletionTimestamp) {
          remaining++;
          continue;
        }
        try {
          const { deleted } = await store.delete(item.metadata.namespace ?? '', item.metadata.name!, { propagationPolicy: 'Background' }, ctx());
          if (!deleted) remaining++;
        } catch (e) {
          if ((e as { reason?: string }).reason !== 'NotFound') remaining++;
        }
      }
      if (remaining > 0) return false;
      done = { reason: 'InstanceDeletionCompleted', message: 'removed all instances' };
    } else {
      done = { reason: 'NeverEstablished', message: 'resource was never established' };
    }
    await writeStatus(name, (cur) => setCondition(cur, { type: 'Terminating', status: 'False', ...done }, rfc3339(new Date())));
    await crds.guaranteedUpdate(
      '',
      name,
      (cur) => {
        cur.metadata.finalizers = (cur.metadata.finalizers ?? []).filter((f) => f !== CLEANUP_FINALIZER);
        if (cur.metadata.finalizers.length === 0) delete cur.metadata.finalizers;
        return cur;
      },
      ctx(),
    );
    return true;
  }

  async function syncOnce(name: string): Promise<void> {
    const item = await crds.tryGet('', name);
    if (!item) {
      unserve(name);
      return;
    }
    let crd = await accept(name, asCrd(item.object));
    latest.set(name, crd);
    if (isConditionTrue(crd, 'NamesAccepted') || isConditionTrue(crd, 'Established')) serve(name, crd);
    else unserve(name);
    if (crd.metadata.deletionTimestamp && crd.metadata.finalizers?.includes(CLEANUP_FINALIZER)) {
      if (!(await finalize(name, crd))) schedule(name);
    }
  }

  function schedule(name: string): void {
    if (stopped) return;
    const t = setTimeout(() => {
      timers.delete(t);
      void sync(name);
    }, RETRY_MS);
    timers.add(t);
  }

  /** Level-triggered: a change seen while a sync runs makes it run once more. */
  function sync(name: string): Promise<void> {
    if (stopped) return Promise.resolve();
    const busy = running.get(name);
    if (busy) {
      dirty.add(name);
      return busy;
    }
    const run = (async () => {
      do {
        dirty.delete(name);
        try {
          await syncOnce(name);
        } catch (e) {
          if (process.env.KTL_DEBUG) console.error('crd controller', name, e);
          schedule(name);
        }
      } while (dirty.has(name) && !stopped);
      running.delete(name);
    })();
    running.set(name, run);
    return run;
  }

  const initial: Promise<void>[] = [];
  let starting = true;
  const watch: StoreWatch = await crds.watch('', { filter: everything }, (type, obj) => {
    const crd = asCrd(obj);
    const name = crd.metadata.name!;
    if (type === 'DELETED') {
      latest.delete(name);
      // names it held may now be free for CRDs of the same group
      for (const other of latest.values())
        if (other.spec.group === crd.spec.group && !isConditionTrue(other, 'NamesAccepted')) void sync(other.metadata.name!);
    } else latest.set(name, crd);
    const p = sync(name);
    if (starting) initial.push(p);
  });
  starting = false;
  await Promise.all(initial);

  return {
    customResources: () => specs,
    typeIndex(group, version, kind) {
      const key = `${group}/${version}/${kind}`;
      let hit = typeCache.get(key);
      if (!hit) {
        const crd = [...latest.values()].find((c) => c.spec.group === group && (c.status?.acceptedNames?.kind || c.spec.names?.kind) === kind);
        if (!crd || !servedVersions(crd).includes(version)) return undefined;
        hit = crdTypeIndex(crd, version);
        typeCache.set(key, hit);
      }
      return hit;
    },
    stop() {
      stopped = true;
      watch.stop();
      for (const t of timers) clearTimeout(t);
    },
  };
}
