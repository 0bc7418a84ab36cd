// The garbage collector (pkg/controller/garbagecollector): an owner graph built from every stored
// object's ownerReferences, kept current by one storage watch, and three jobs:
// - dependents whose owners are all gone are deleted (background propagation);
// - an owner deleted with propagationPolicy=Orphan loses its dependents' references first;
// - an owner deleted in the foreground waits until its blocking dependents are gone.
import type { KubeObject, OwnerReference } from '../../api/object.ts';
import type { Registry } from '../registry/registry.ts';
import type { ResourceStore } from '../registry/store.ts';
import type { StorageEvent } from '../storage/storage.ts';
import { systemWriteContext } from '../bootstrap.ts';

interface GraphNode {
  uid: string;
  key: string;
  group: string;
  resource: string;
  namespace: string;
  name: string;
  owners: OwnerReference[];
  deleting: boolean;
  finalizers: string[];
}

type Job = { kind: 'attemptToDelete' | 'orphan' | 'deleteDependents'; uid: string };

const RETRY_MS = 250;

/** /registry/<group|core>/<resource>/[<namespace>/]<name> */
function parseKey(key: string): { group: string; resource: string; namespace: string; name: string } | undefined {
  const parts = key.split('/');
  if (parts[1] !== 'registry') return undefined;
  const group = parts[2] === 'core' ? '' : parts[2]!;
  if (parts.length === 6) return { group, resource: parts[3]!, namespace: parts[4]!, name: parts[5]! };
  if (parts.length === 5) return { group, resource: parts[3]!, namespace: '', name: parts[4]! };
  return undefined;
}

export function startGarbageCollector(registry: Registry): { stop(): void; idle(): Promise<void> } {
  const nodes = new Map<string, GraphNode>();
  const dependents = new Map<string, Set<string>>();
  const queue: Job[] = [];
  const queued = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let running = false;
  let stopped = false;
  let idleWaiters: (() => void)[] = [];
  const ctx = () => systemWriteContext('garbage-collector');

  const link = (node: GraphNode) => {
    for (const o of node.owners) {
      let set = dependents.get(o.uid);
      if (!set) dependents.set(o.uid, (set = new Set()));
      set.add(node.uid);
    }
  };
  const unlink = (node: GraphNode) => {
    for (const o of node.owners) {
      const set = dependents.get(o.uid);
      set?.delete(node.uid);
      if (set?.size === 0) dependents.delete(o.uid);
    }
  };

  function enqueue(kind: Job['kind'], uid: string): void {
    const id = `${kind}/${uid}`;
    if (queued.has(id) || stopped) return;
    queued.add(id);
    queue.push({ kind, uid });
    void drain();
  }

  function retry(job: Job): void {
    const t = setTimeout(() => {
      timers.delete(t);
      enqueue(job.kind, job.uid);
    }, RETRY_MS);
    timers.add(t);
  }

  function observe(obj: KubeObject, key: string): void {
    const where = parseKey(key);
    const uid = obj.metadata.uid;
    if (!where || !uid) return;
    const old = nodes.get(uid);
    if (old) unlink(old);
    const node: GraphNode = {
      uid,
      key,
      ...where,
      owners: obj.metadata.ownerReferences ?? [],
      deleting: !!obj.metadata.deletionTimestamp,
      finalizers: obj.metadata.finalizers ?? [],
    };
    nodes.set(uid, node);
    link(node);
    if (node.deleting && node.finalizers.includes('orphan')) enqueue('orphan', uid);
    if (node.deleting && node.finalizers.includes('foregroundDeletion')) enqueue('deleteDependents', uid);
    // A dependent whose owner is gone, or whose owner waits for its dependents, needs a decision.
    if (node.owners.some((o) => !nodes.has(o.uid) || isDeletingDependents(nodes.get(o.uid)!))) enqueue('attemptToDelete', uid);
  }

  function forget(obj: KubeObject): void {
    const uid = obj.metadata.uid;
    const node = uid ? nodes.get(uid) : undefined;
    if (!node) return;
    unlink(node);
    nodes.delete(node.uid);
    for (const dep of dependents.get(node.uid) ?? []) enqueue('attemptToDelete', dep);
    for (const o of node.owners) {
      const owner = nodes.get(o.uid);
      if (owner && isDeletingDependents(owner)) enqueue('deleteDependents', owner.uid);
    }
  }

  const isDeletingDependents = (n: GraphNode) => n.deleting && n.finalizers.includes('foregroundDeletion');

  function storeOf(node: GraphNode): ResourceStore | undefined {
    try {
      return registry.store(node.group, node.resource);
    } catch {
      return undefined;
    }
  }

  async function attemptToDelete(node: GraphNode): Promise<void> {
    if (node.deleting || node.owners.length === 0) return;
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of node.owners) {
      const owner = nodes.get(ref.uid);
      if (!owner) dangling.push(ref);
      else if (isDeletingDependents(owner)) waiting.push(ref);
      else solid.push(ref);
    }
    const store = storeOf(node);
    if (!store) return;
    if (solid.length > 0) {
      if (dangling.length + waiting.length === 0) return;
      // Still owned: drop only the references to owners that are gone or going.
      const drop = new Set([...dangling, ...waiting].map((r) => r.uid));
      await store.guaranteedUpdate(
        node.namespace,
        node.name,
        (cur) => ({ ...cur, metadata: { ...cur.metadata, ownerReferences: (cur.metadata.ownerReferences ?? []).filter((r) => !drop.has(r.uid)) } }),
        ctx(),
      );
      return;
    }
    const hasDependents = (dependents.get(node.uid)?.size ?? 0) > 0;
    const policy = waiting.length > 0 && hasDependents ? 'Foreground' : node.finalizers.includes('orphan') ? 'Orphan' : node.finalizers.includes('foregroundDeletion') ? 'Foreground' : 'Background';
    await store.delete(node.namespace, node.name, { propagationPolicy: policy, preconditions: { uid: node.uid } }, ctx());
  }

  async function removeFinalizer(node: GraphNode, finalizer: string): Promise<void> {
    const store = storeOf(node);
    if (!store) return;
    await store.guaranteedUpdate(
      node.namespace,
      node.name,
      (cur) => ({ ...cur, metadata: { ...cur.metadata, finalizers: (cur.metadata.finalizers ?? []).filter((f) => f !== finalizer) } }),
      ctx(),
    );
  }

  async function orphan(owner: GraphNode): Promise<void> {
    for (const depUid of [...(dependents.get(owner.uid) ?? [])]) {
      const dep = nodes.get(depUid);
      const store = dep && storeOf(dep);
      if (!dep || !store) continue;
      await store.guaranteedUpdate(
        dep.namespace,
        dep.name,
        (cur) => ({ ...cur, metadata: { ...cur.metadata, ownerReferences: (cur.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.uid) } }),
        ctx(),
      );
    }
    await removeFinalizer(owner, 'orphan');
  }

  async function deleteDependents(owner: GraphNode): Promise<void> {
    const blocking = [...(dependents.get(owner.uid) ?? [])]
      .map((uid) => nodes.get(uid))
      .filter((d): d is GraphNode => !!d && d.owners.some((r) => r.uid === owner.uid && r.blockOwnerDeletion));
    if (blocking.length === 0) {
      await removeFinalizer(owner, 'foregroundDeletion');
      return;
    }
    for (const dep of blocking) if (!dep.deleting) enqueue('attemptToDelete', dep.uid);
  }

  async function drain(): Promise<void> {
    if (running) return;
    running = true;
    try {
      while (queue.length && !stopped) {
        const job = queue.shift()!;
        queued.delete(`${job.kind}/${job.uid}`);
        const node = nodes.get(job.uid);
        if (!node) continue;
        try {
          if (job.kind === 'attemptToDelete') await attemptToDelete(node);
          else if (job.kind === 'orphan') await orphan(node);
          else await deleteDependents(node);
        } catch (e) {
          // Gone meanwhile is settled; anything else (conflicts) is tried again.
          if ((e as { reason?: string }).reason !== 'NotFound') retry(job);
        }
      }
    } finally {
      running = false;
      if (queue.length === 0 && timers.size === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const w of waiters) w();
      }
    }
  }

  let watch: { stop(): void } | undefined;
  const storage = registry.storage;
  void storage.list('/registry/').then((listed) => {
    if (stopped) return;
    for (const item of listed.items) observe(item.object, item.key);
    watch = storage.watch('/registry/', listed.revision, (ev: StorageEvent) => {
      if (ev.type === 'DELETED') forget(ev.object);
      else observe(ev.object, ev.key);
    });
  });

  return {
    stop() {
      stopped = true;
      watch?.stop();
      for (const t of timers) clearTimeout(t);
    },
    /** Resolves once no work is queued (for tests). */
    idle() {
      if (!running && queue.length === 0 && timers.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
