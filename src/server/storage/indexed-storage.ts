// The Storage both backends share: reads from the MemoryIndex, writes through a pipeline that plans
// each write against the state left by the writes before it, hands the batch to the backend to make
// durable, and only then applies it to the index (so nobody ever sees a write that could be lost).
// With `groupCommit`, writes issued during one event-loop turn share one commit (one fsync).
import type { KubeObject } from '../../api/object.ts';
import { encode, plan } from './change.ts';
import type { Change, WriteOp } from './change.ts';
import type { MemoryIndex } from './memory-index.ts';
import type { ListOptions, ListResult, Preconditions, Storage, StorageEvent, StoredItem, Watch } from './storage.ts';

export interface Backend {
  /** Makes the changes durable, all or none; throws to reject the whole batch. */
  commit(changes: Change[], revision: number): void;
  close(): void;
}

interface Pending {
  op: WriteOp;
  resolve: (item: StoredItem) => void;
  reject: (err: unknown) => void;
}

export class StorageClosedError extends Error {
  constructor() {
    super('storage is closed');
  }
}

export function createIndexedStorage(index: MemoryIndex, backend: Backend, groupCommit: boolean): Storage {
  let queue: Pending[] = [];
  let scheduled = false;
  let closed = false;

  const check = () => {
    if (closed) throw new StorageClosedError();
  };

  function submit(op: () => WriteOp): Promise<StoredItem> {
    return new Promise((resolve, reject) => {
      check();
      // Encode now: the caller may reuse its object as soon as we return.
      queue.push({ op: op(), resolve, reject });
      if (!groupCommit) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
  }

  function flush(): void {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    // The batch's own writes shadow the index while planning (null = deleted in this batch).
    const overlay = new Map<string, StoredItem | null>();
    const current = (key: string) => {
      const o = overlay.get(key);
      return o === null ? undefined : (o ?? index.get(key));
    };
    const changes: Change[] = [];
    const done: Array<{ p: Pending; change: Change }> = [];
    const failed: Array<{ p: Pending; err: unknown }> = [];
    let revision = index.revision();
    for (const p of batch) {
      try {
        const change = plan(p.op, revision + 1, current(p.op.key));
        revision++;
        overlay.set(p.op.key, change.item ?? null);
        changes.push(change);
        done.push({ p, change });
      } catch (err) {
        failed.push({ p, err });
      }
    }
    try {
      if (changes.length > 0) backend.commit(changes, revision);
    } catch (err) {
      // Nothing of the batch happened, so the other failures were judged against a state that
      // never existed: report the commit error to everyone.
      for (const { p } of [...done, ...failed]) p.reject(err);
      return;
    }
    for (const { change } of done) index.apply(change);
    for (const { p, change } of done) p.resolve(change.item ?? { key: change.event.key, object: change.event.object, revision: change.event.revision });
    for (const { p, err } of failed) p.reject(err);
  }

  return {
    revision: () => index.revision(),
    compactedRevision: () => index.compactedRevision(),
    async get(key: string): Promise<StoredItem | undefined> {
      check();
      return index.get(key);
    },
    async list(prefix: string, options?: ListOptions): Promise<ListResult> {
      check();
      return index.list(prefix, options);
    },
    create: (key: string, object: KubeObject) => submit(() => ({ verb: 'create', key, json: encode(object) })),
    update: (key: string, object: KubeObject, preconditions?: Preconditions) =>
      submit(() => ({ verb: 'update', key, json: encode(object), preconditions })),
    delete: (key: string, preconditions?: Preconditions) => submit(() => ({ verb: 'delete', key, preconditions })),
    watch(prefix: string, fromRevision: number, listener: (event: StorageEvent) => void): Watch {
      check();
      return index.watch(prefix, fromRevision, listener);
    },
    async compact(revision: number): Promise<void> {
      check();
      index.compact(revision);
    },
    async close(): Promise<void> {
      if (closed) return;
      flush();  // acknowledge what was already accepted
      closed = true;
      index.close();
      backend.close();
    },
  };
}
