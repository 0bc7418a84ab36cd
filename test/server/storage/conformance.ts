// The behaviour every Storage backend must have; each backend's test file runs it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import type { StorageOptions } from '../../../src/server/storage/memory-index.ts';
import { StorageError } from '../../../src/server/storage/storage.ts';
import type { ListResult, Storage, StorageErrorCode, StoredItem } from '../../../src/server/storage/storage.ts';
import { collect, nextTurn, pod, podKey, random, summary } from './helpers.ts';

/** Opens a fresh, empty storage that is closed when the test ends. */
export type OpenStorage = (t: TestContext, options?: StorageOptions) => Promise<Storage>;

const storageError = (code: StorageErrorCode) => (err: unknown) => {
  assert.ok(err instanceof StorageError, `expected StorageError ${code}, got ${String(err)}`);
  assert.equal(err.code, code);
  return true;
};

/** Everything under prefix at the storage's current or given revision, following pages. */
async function listAll(s: Storage, prefix: string, revision?: number, limit = 0): Promise<StoredItem[]> {
  const items: StoredItem[] = [];
  let after: string | undefined;
  for (;;) {
    const page: ListResult = await s.list(prefix, { revision, after, limit });
    items.push(...page.items);
    if (page.remaining === 0) return items;
    after = page.items.at(-1)!.key;
  }
}

export function conformance(name: string, open: OpenStorage): void {
  const opts = { freezeObjects: true };
  describe(`${name}: conformance`, { timeout: 20_000 }, () => {
    test('create, get, update, delete stamp one global revision', async (t) => {
      const s = await open(t, opts);
      assert.equal(s.revision(), 0);
      const a = await s.create(podKey('a'), pod('a'));
      assert.equal(a.revision, 1);
      assert.equal(a.key, podKey('a'));
      assert.equal(a.object.metadata.resourceVersion, '1');
      assert.equal(a.object.metadata.name, 'a');
      assert.deepEqual(await s.get(podKey('a')), a);
      const b = await s.create(podKey('b', 'other'), pod('b', 'other'));
      assert.equal(b.revision, 2);
      const a2 = await s.update(podKey('a'), { ...pod('a'), status: { phase: 'Running' } });
      assert.equal(a2.revision, 3);
      assert.equal(a2.object.metadata.resourceVersion, '3');
      assert.deepEqual(a2.object.status, { phase: 'Running' });
      const gone = await s.delete(podKey('b', 'other'));
      assert.equal(gone.revision, 4);
      // Like kube-apiserver's Delete: the last state, stamped with the deletion's revision.
      assert.equal(gone.object.metadata.resourceVersion, '4');
      assert.equal(gone.object.metadata.name, 'b');
      assert.equal(await s.get(podKey('b', 'other')), undefined);
      assert.equal(s.revision(), 4);
    });

    test('storage owns its copy; handed-out objects are immutable', async (t) => {
      const s = await open(t, opts);
      const mine = pod('a');
      mine.metadata.resourceVersion = '999';
      const stored = await s.create(podKey('a'), mine);
      assert.equal(mine.metadata.resourceVersion, '999', 'the caller’s object is not stamped');
      mine.metadata.labels = { changed: 'yes' };
      assert.equal((await s.get(podKey('a')))!.object.metadata.labels, undefined);
      assert.equal(stored.object.metadata.resourceVersion, '1');
      assert.throws(() => {
        stored.object.metadata.name = 'x';
      }, TypeError);
      const got = await s.get(podKey('a'));
      assert.equal(got!.object, stored.object, 'reads share one value, not a clone per read');
    });

    test('create of an existing key fails KeyExists; update/delete of a missing key KeyNotFound', async (t) => {
      const s = await open(t, opts);
      await s.create(podKey('a'), pod('a'));
      await assert.rejects(s.create(podKey('a'), pod('a')), storageError('KeyExists'));
      await assert.rejects(s.update(podKey('zz'), pod('zz')), storageError('KeyNotFound'));
      await assert.rejects(s.delete(podKey('zz')), storageError('KeyNotFound'));
      assert.equal(s.revision(), 1, 'failed writes use no revision');
      await s.delete(podKey('a'));
      await assert.rejects(s.update(podKey('a'), pod('a')), storageError('KeyNotFound'));
      const again = await s.create(podKey('a'), pod('a'));
      assert.equal(again.revision, 3);
    });

    test('preconditions on revision and uid', async (t) => {
      const s = await open(t, opts);
      const a = await s.create(podKey('a'), pod('a'));
      await assert.rejects(s.update(podKey('a'), pod('a'), { revision: a.revision + 7 }), storageError('Conflict'));
      await assert.rejects(s.update(podKey('a'), pod('a'), { uid: 'someone-else' }), storageError('Conflict'));
      await assert.rejects(s.delete(podKey('a'), { revision: 0 }), storageError('Conflict'));
      await assert.rejects(s.delete(podKey('a'), { uid: 'someone-else' }), storageError('Conflict'));
      assert.equal(s.revision(), 1);
      const a2 = await s.update(podKey('a'), pod('a'), { revision: a.revision, uid: 'uid-default-a' });
      assert.equal(a2.revision, 2);
      // The old revision no longer matches: a lost update race.
      await assert.rejects(s.update(podKey('a'), pod('a'), { revision: a.revision }), storageError('Conflict'));
      const d = await s.delete(podKey('a'), { revision: a2.revision, uid: 'uid-default-a' });
      assert.equal(d.revision, 3);
    });

    test('writes issued together are serialised in call order, each seeing the ones before', async (t) => {
      const s = await open(t, opts);
      const results = await Promise.allSettled([
        s.create(podKey('a'), pod('a')),
        s.create(podKey('a'), pod('a')),
        s.update(podKey('a'), pod('a', 'default', { status: { n: 1 } }), { revision: 1 }),
        s.update(podKey('a'), pod('a', 'default', { status: { n: 2 } }), { revision: 1 }),
        s.delete(podKey('a'), { revision: 2 }),
        s.create(podKey('a'), pod('a', 'default', { status: { n: 3 } })),
        s.create(podKey('b'), pod('b')),
      ]);
      const outcome = results.map((r) => (r.status === 'fulfilled' ? r.value.revision : (r.reason as StorageError).code));
      assert.deepEqual(outcome, [1, 'KeyExists', 2, 'Conflict', 3, 4, 5]);
      assert.deepEqual((await s.get(podKey('a')))!.object.status, { n: 3 });
      assert.equal(s.revision(), 5);
    });

    test('list returns keys under the prefix in order, with pagination', async (t) => {
      const s = await open(t, opts);
      const rnd = random(7);
      const names = Array.from({ length: 40 }, (_, i) => `p${String(i).padStart(2, '0')}`).sort(() => rnd() - 0.5);
      for (const [i, n] of names.entries()) await s.create(podKey(n, i % 2 ? 'ns-b' : 'ns-a'), pod(n, i % 2 ? 'ns-b' : 'ns-a'));
      await s.create('/registry/pods-x/a', pod('x'));  // shares the string prefix without the slash
      await s.create('/registry/apps/deployments/ns-a/d', pod('d'));
      const all = await s.list('/registry/pods/');
      assert.equal(all.items.length, 40);
      assert.equal(all.remaining, 0);
      assert.equal(all.revision, 42);
      const keys = all.items.map((i) => i.key);
      assert.deepEqual(keys, [...keys].sort());
      assert.ok(keys.every((k) => k.startsWith('/registry/pods/')));
      const nsA = await s.list('/registry/pods/ns-a/');
      assert.equal(nsA.items.length, 20);
      assert.ok(nsA.items.every((i) => i.object.metadata.namespace === 'ns-a'));

      const page1 = await s.list('/registry/pods/', { limit: 15 });
      assert.deepEqual(page1.items.map((i) => i.key), keys.slice(0, 15));
      assert.equal(page1.remaining, 25);
      const page2 = await s.list('/registry/pods/', { limit: 15, after: page1.items.at(-1)!.key });
      assert.deepEqual(page2.items.map((i) => i.key), keys.slice(15, 30));
      assert.equal(page2.remaining, 10);
      const page3 = await s.list('/registry/pods/', { limit: 15, after: page2.items.at(-1)!.key });
      assert.deepEqual(page3.items.map((i) => i.key), keys.slice(30));
      assert.equal(page3.remaining, 0);
      const exact = await s.list('/registry/pods/', { limit: 40 });
      assert.equal(exact.remaining, 0);
      assert.deepEqual((await s.list('/registry/pods/', { after: keys[38] })).items.map((i) => i.key), [keys[39]]);
      // A continue key before the prefix starts at the prefix.
      assert.equal((await s.list('/registry/pods/', { after: '/registry/' })).items.length, 40);
      assert.deepEqual((await s.list('/registry/nothing/')).items, []);
    });

    test('list at an older revision rebuilds that snapshot, pages included', async (t) => {
      const s = await open(t, opts);
      const rnd = random(42);
      const snapshots = new Map<number, string[]>();
      const names = Array.from({ length: 12 }, (_, i) => `n${i}`);
      for (let step = 0; step < 150; step++) {
        const name = names[Math.floor(rnd() * names.length)]!;
        const ns = rnd() < 0.5 ? 'a' : 'b';
        const key = podKey(name, ns);
        const existing = await s.get(key);
        if (!existing) await s.create(key, pod(name, ns));
        else if (rnd() < 0.6) await s.update(key, pod(name, ns, { status: { step } }));
        else await s.delete(key);
        snapshots.set(s.revision(), summary((await s.list('/registry/pods/')).items));
        if (step === 100) await s.create('/registry/other/x', pod('x'));  // a write outside the prefix
      }
      for (const [revision, expected] of snapshots) {
        assert.deepEqual(summary(await listAll(s, '/registry/pods/', revision)), expected, `at ${revision}`);
        assert.deepEqual(summary(await listAll(s, '/registry/pods/', revision, 4)), expected, `paged at ${revision}`);
        const nsA = expected.filter((k) => k.startsWith('/registry/pods/a/'));
        assert.deepEqual(summary(await listAll(s, '/registry/pods/a/', revision, 3)), nsA, `ns a at ${revision}`);
      }
      const old = await s.list('/registry/pods/', { revision: 10, limit: 1 });
      assert.equal(old.revision, 10);
      assert.equal(old.remaining, snapshots.get(10)!.length - 1);
      // Revision 0 is the empty store.
      assert.deepEqual((await s.list('/registry/pods/', { revision: 0 })).items, []);
    });

    test('list rejects future and compacted revisions', async (t) => {
      const s = await open(t, opts);
      for (let i = 0; i < 5; i++) await s.create(podKey(`p${i}`), pod(`p${i}`));
      await assert.rejects(s.list('/registry/pods/', { revision: 6 }), storageError('FutureRevision'));
      await s.compact(3);
      assert.equal(s.compactedRevision(), 3);
      await assert.rejects(s.list('/registry/pods/', { revision: 2 }), (err: unknown) => {
        storageError('Compacted')(err);
        assert.equal((err as StorageError).compactedRevision, 3);
        return true;
      });
      assert.equal((await s.list('/registry/pods/', { revision: 3 })).items.length, 3);
      await assert.rejects(s.compact(9), storageError('FutureRevision'));
      await s.compact(1);  // older than already compacted: nothing to do
      assert.equal(s.compactedRevision(), 3);
      await s.compact(5);
      assert.equal((await s.list('/registry/pods/', { revision: 5 })).items.length, 5);
      await assert.rejects(s.list('/registry/pods/', { revision: 4 }), storageError('Compacted'));
    });

    test('watch from now: every change under the prefix, in order', async (t) => {
      const s = await open(t, opts);
      await s.create(podKey('before'), pod('before'));
      const w = collect(s, '/registry/pods/default/', s.revision());
      await s.create(podKey('a'), pod('a'));
      await s.create(podKey('a', 'kube-system'), pod('a', 'kube-system'));  // other namespace
      await s.create('/registry/pods/default-x/a', pod('a', 'default-x'));  // only a string prefix
      await s.update(podKey('a'), pod('a', 'default', { status: { phase: 'Running' } }));
      await s.delete(podKey('a'));
      await s.delete(podKey('before'));
      const events = await w.until(4);
      assert.deepEqual(
        events.map((e) => [e.type, e.key, e.revision]),
        [
          ['ADDED', podKey('a'), 2],
          ['MODIFIED', podKey('a'), 5],
          ['DELETED', podKey('a'), 6],
          ['DELETED', podKey('before'), 7],
        ],
      );
      const [added, modified, deleted] = events;
      assert.equal(added!.previous, undefined);
      assert.equal(added!.object.metadata.resourceVersion, '2');
      assert.equal(modified!.previous, added!.object);
      assert.deepEqual(modified!.object.status, { phase: 'Running' });
      assert.equal(deleted!.previous, modified!.object);
      // kube-apiserver: the DELETED object carries the deletion's resourceVersion.
      assert.equal(deleted!.object.metadata.resourceVersion, '6');
      assert.deepEqual(deleted!.object.status, { phase: 'Running' });
      assert.equal(events[3]!.object.metadata.resourceVersion, '7');
      assert.equal(events[3]!.previous!.metadata.resourceVersion, '1');
    });

    test('watch from an older revision replays history, then continues live', async (t) => {
      const s = await open(t, opts);
      for (let i = 0; i < 6; i++) await s.create(podKey(`p${i}`, i % 2 ? 'odd' : 'even'), pod(`p${i}`));
      await s.update(podKey('p2', 'even'), pod('p2'));
      const w = collect(s, '/registry/pods/even/', 2);
      const all = collect(s, '/', 0);
      await s.delete(podKey('p4', 'even'));
      const events = await w.until(4);
      assert.deepEqual(
        events.map((e) => [e.type, e.revision]),
        [
          ['ADDED', 3],
          ['ADDED', 5],
          ['MODIFIED', 7],
          ['DELETED', 8],
        ],
      );
      const everything = await all.until(8);
      assert.deepEqual(everything.map((e) => e.revision), [1, 2, 3, 4, 5, 6, 7, 8]);
    });

    test('watch from a future revision skips events up to it', async (t) => {
      const s = await open(t, opts);
      const w = collect(s, '/registry/', 2);
      for (let i = 0; i < 4; i++) await s.create(podKey(`p${i}`), pod(`p${i}`));
      assert.deepEqual((await w.until(2)).map((e) => e.revision), [3, 4]);
    });

    test('watch below the compacted revision throws Compacted', async (t) => {
      const s = await open(t, opts);
      for (let i = 0; i < 5; i++) await s.create(podKey(`p${i}`), pod(`p${i}`));
      await s.compact(4);
      assert.throws(() => s.watch('/registry/', 3, () => {}), (err: unknown) => {
        storageError('Compacted')(err);
        assert.equal((err as StorageError).compactedRevision, 4);
        return true;
      });
      const w = collect(s, '/registry/', 4);
      assert.deepEqual((await w.until(1)).map((e) => e.revision), [5]);
    });

    test('delivery is asynchronous, never inside watch() or a write', async (t) => {
      const s = await open(t, opts);
      await s.create(podKey('a'), pod('a'));
      let calls = 0;
      const w = s.watch('/registry/', 0, () => calls++);
      assert.equal(calls, 0, 'history is not replayed synchronously');
      const write = s.update(podKey('a'), pod('a'));
      assert.equal(calls, 0);
      await write;
      await nextTurn();
      assert.equal(calls, 2);
      w.stop();
    });

    test('stop() ends delivery at once, even for events already queued', async (t) => {
      const s = await open(t, opts);
      let stoppedCalls = 0;
      const stopped = s.watch('/registry/', 0, () => stoppedCalls++);
      const selfStopping: number[] = [];
      const self = s.watch('/registry/', 0, (e) => {
        selfStopping.push(e.revision);
        self.stop();
      });
      const control = collect(s, '/registry/', 0);
      const writes = [s.create(podKey('a'), pod('a')), s.create(podKey('b'), pod('b'))];
      stopped.stop();
      await Promise.all(writes);
      await control.until(2);
      await nextTurn();
      assert.equal(stoppedCalls, 0);
      assert.deepEqual(selfStopping, [1]);
      stopped.stop();  // idempotent
    });

    test('a throwing listener ends only its own watch; writers and other watchers go on', async (t) => {
      const errors: unknown[] = [];
      const s = await open(t, { ...opts, onListenerError: (err) => errors.push(err) });
      let bad = 0;
      s.watch('/registry/', 0, () => {
        bad++;
        throw new Error('listener bug');
      });
      const good = collect(s, '/registry/', 0);
      for (let i = 0; i < 3; i++) await s.create(podKey(`p${i}`), pod(`p${i}`));
      assert.deepEqual((await good.until(3)).map((e) => e.revision), [1, 2, 3]);
      await nextTurn();
      assert.equal(bad, 1);
      assert.equal(errors.length, 1);
      assert.match(String(errors[0]), /listener bug/);
    });

    test('a listener may write; its events follow in order', async (t) => {
      const s = await open(t, opts);
      const seen: number[] = [];
      const done = new Promise<void>((resolve) => {
        s.watch('/registry/', 0, (e) => {
          seen.push(e.revision);
          if (e.type === 'ADDED' && e.key.endsWith('/a')) void s.update(e.key, pod('a'));
          if (e.type === 'MODIFIED') resolve();
        });
      });
      await Promise.all([s.create(podKey('a'), pod('a')), s.create(podKey('b'), pod('b'))]);
      await done;
      assert.deepEqual(seen, [1, 2, 3]);
    });

    test('history is retained by count or age, whichever keeps more', async (t) => {
      let now = 0;
      const s = await open(t, { ...opts, now: () => now, history: { minEvents: 3, windowMs: 1000, maxEvents: 8 } });
      for (let i = 0; i < 6; i++) await s.create(podKey(`p${i}`), pod(`p${i}`));
      assert.equal(s.compactedRevision(), 0, 'all six are younger than the window');
      now = 5000;
      await s.create(podKey('p6'), pod('p6'));
      assert.equal(s.compactedRevision(), 4, 'old events beyond the minimum count are dropped');
      assert.deepEqual((await collect(s, '/registry/', 4).until(3)).map((e) => e.revision), [5, 6, 7]);
      for (let i = 7; i < 17; i++) await s.create(podKey(`p${i}`), pod(`p${i}`));
      assert.equal(s.compactedRevision(), 9, 'young events beyond the hard cap are dropped');
      assert.equal((await s.list('/registry/pods/', { revision: 9 })).items.length, 9);
      await assert.rejects(s.list('/registry/pods/', { revision: 8 }), storageError('Compacted'));
    });

    test('close: later calls fail clearly, watches end, accepted writes are acknowledged', async (t) => {
      const s = await open(t, opts);
      let delivered = 0;
      s.watch('/registry/', 0, () => delivered++);
      const pending = s.create(podKey('a'), pod('a'));
      await s.close();
      assert.equal((await pending).revision, 1);
      await nextTurn();
      assert.equal(delivered, 0, 'watches stop at close');
      await assert.rejects(s.get(podKey('a')), /storage is closed/);
      await assert.rejects(s.list('/registry/'), /storage is closed/);
      await assert.rejects(s.create(podKey('b'), pod('b')), /storage is closed/);
      await assert.rejects(s.update(podKey('a'), pod('a')), /storage is closed/);
      await assert.rejects(s.delete(podKey('a')), /storage is closed/);
      await assert.rejects(s.compact(1), /storage is closed/);
      assert.throws(() => s.watch('/registry/', 0, () => {}), /storage is closed/);
      await s.close();  // idempotent
    });
  });
}
