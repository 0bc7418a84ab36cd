import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import Database from 'libsql';
import { StorageOpenError, openSqliteStorage } from '../../../src/server/storage/sqlite.ts';
import type { SqliteStorageOptions } from '../../../src/server/storage/sqlite.ts';
import { StorageError } from '../../../src/server/storage/storage.ts';
import type { Storage } from '../../../src/server/storage/storage.ts';
import { conformance } from './conformance.ts';
import { collect, pod, podKey } from './helpers.ts';

async function tempDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ktl-storage-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function openIn(t: TestContext, path: string, options?: SqliteStorageOptions): Promise<Storage> {
  const s = await openSqliteStorage(path, options);
  t.after(() => s.close());
  return s;
}

conformance('sqlite', async (t, options) => openIn(t, join(await tempDir(t), 'ktl.db'), options));
conformance('sqlite without group commit', async (t, options) =>
  openIn(t, join(await tempDir(t), 'ktl.db'), { ...options, groupCommit: false }),
);

const openError = (pattern: RegExp) => (err: unknown) => {
  assert.ok(err instanceof StorageOpenError, `expected StorageOpenError, got ${String(err)}`);
  assert.match(err.message, pattern);
  return true;
};

describe('sqlite storage', { timeout: 60_000 }, () => {
  test('reopening keeps objects, resourceVersions and the revision counter', async (t) => {
    const path = join(await tempDir(t), 'nested', 'dir', 'ktl.db');
    const first = await openSqliteStorage(path);
    await first.create(podKey('a'), pod('a'));
    await first.create(podKey('b'), pod('b'));
    await first.create('/registry/namespaces/default', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    await first.update(podKey('b'), pod('b', 'default', { status: { phase: 'Running' } }));
    await first.create(podKey('c'), pod('c'));
    await first.delete(podKey('c'));  // the last revision is a delete: no row carries it
    const before = await first.list('/registry/');
    await first.close();

    const s = await openIn(t, path);
    assert.equal(s.revision(), 6);
    const after = await s.list('/registry/');
    assert.deepEqual(after, before);
    assert.equal((await s.get(podKey('b')))!.object.metadata.resourceVersion, '4');
    assert.deepEqual((await s.get(podKey('b')))!.object.status, { phase: 'Running' });
    assert.equal(await s.get(podKey('c')), undefined);
    // History is not persisted: the restart is a compaction point.
    assert.equal(s.compactedRevision(), 6);
    assert.throws(() => s.watch('/registry/', 5, () => {}), (err: unknown) => err instanceof StorageError && err.code === 'Compacted');
    const w = collect(s, '/registry/', 6);
    const next = await s.create(podKey('c'), pod('c'));
    assert.equal(next.revision, 7, 'revisions are never reused');
    assert.deepEqual((await w.until(1)).map((e) => [e.type, e.revision]), [['ADDED', 7]]);
  });

  test('a second server on the same file is refused', async (t) => {
    const path = join(await tempDir(t), 'ktl.db');
    const s = await openIn(t, path);
    await s.create(podKey('a'), pod('a'));
    await assert.rejects(openSqliteStorage(path), openError(/locked/));
    assert.equal((await s.get(podKey('a')))!.revision, 1, 'the first one is unaffected');
  });

  test('a garbage file is refused with a clear error and left as it was', async (t) => {
    const path = join(await tempDir(t), 'ktl.db');
    const garbage = Buffer.from('this is not a database\n'.repeat(400));
    await writeFile(path, garbage);
    for (let attempt = 0; attempt < 2; attempt++) await assert.rejects(openSqliteStorage(path), openError(/ktl\.db: file is not a database/));
    assert.deepEqual(await readFile(path), garbage);
  });

  test('a SQLite database of another application is refused', async (t) => {
    const path = join(await tempDir(t), 'other.db');
    const db = new Database(path);
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    db.close();
    const bytes = await readFile(path);
    await assert.rejects(openSqliteStorage(path), openError(/not a ktl database/));
    assert.deepEqual(await readFile(path), bytes, 'left untouched');
  });

  test('a corrupt stored value is reported with its key', async (t) => {
    const path = join(await tempDir(t), 'ktl.db');
    const s = await openSqliteStorage(path);
    await s.create(podKey('a'), pod('a'));
    await s.close();
    const db = new Database(path);
    db.prepare('UPDATE objects SET value = ? WHERE key = ?').run('{"metadata": {', podKey('a'));
    db.close();
    await assert.rejects(openSqliteStorage(path), openError(/corrupt value at \/registry\/pods\/default\/a/));
  });

  test('a truncated file is refused', async (t) => {
    const path = join(await tempDir(t), 'ktl.db');
    const s = await openSqliteStorage(path);
    await Promise.all(Array.from({ length: 500 }, (_, i) => s.create(podKey(`p${i}`), pod(`p${i}`, 'default', { data: 'x'.repeat(1000) }))));
    await s.close();
    const size = (await readFile(path)).length;
    await truncate(path, Math.floor(size / 2));
    await assert.rejects(openSqliteStorage(path), openError(/corrupt|malformed/));
  });

  test('kill -9: every acknowledged write survives', async (t) => {
    const path = join(await tempDir(t), 'ktl.db');
    const script = new URL('./kill-writer.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', 'tsx', script, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    t.after(() => child.kill('SIGKILL'));
    let out = '';
    let lines = 0;
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    const enough = new Promise<void>((resolve) => {
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        lines += chunk.split('\n').length - 1;
        if (lines >= 600) resolve();
      });
    });
    await Promise.race([enough, exited.then(() => assert.fail(`writer exited after ${lines} acknowledgements`))]);
    child.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL');

    // Acknowledged (step, revision) per key; a partial last line was never acknowledged in full.
    const acked = new Map<string, Array<{ step: number; revision: number }>>();
    const revisions = out.split('\n').slice(0, -1).map((line) => {
      const [key, step, revision] = line.split(' ');
      acked.set(key!, [...(acked.get(key!) ?? []), { step: Number(step), revision: Number(revision) }]);
      return Number(revision);
    });
    assert.ok(revisions.length >= 600);
    assert.equal(new Set(revisions).size, revisions.length, 'no revision acknowledged twice');

    const s = await openIn(t, path);
    assert.ok(s.revision() >= Math.max(...revisions));
    for (const [key, steps] of acked) {
      const last = steps.at(-1)!;
      const item = await s.get(key);
      // The stored state may be later than the last acknowledged one (committed, not yet reported),
      // never earlier; if it is the acknowledged one, its revision matches.
      const observed = item === undefined ? 2 : item.object.status ? 1 : 0;
      assert.ok(observed >= last.step, `${key}: acknowledged step ${last.step}, found step ${observed}`);
      if (observed === 2) assert.equal(Number(key.slice(key.lastIndexOf('p') + 1)) % 2, 0, `${key} is never deleted`);
      if (observed === last.step && item) assert.equal(item.revision, last.revision, key);
    }
    assert.ok((await s.create(podKey('new'), pod('new'))).revision > Math.max(...revisions));
  });
});
