// The embedded default keeps its data: a restart on the same data dir brings back every object and
// resourceVersion, and a SIGKILL during writes loses no acknowledged write.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startServerProcess } from '../helpers/ktl-process.ts';

test('a restart keeps every object and resourceVersion; revisions continue', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-restart-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const first = await startServerProcess(dir);
  const created = [];
  for (let i = 0; i < 5; i++) created.push((await first.call('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: `keep-${i}` }, data: { i: String(i) } })).json);
  await first.call('DELETE', '/api/v1/namespaces/default/configmaps/keep-4');
  const before = (await first.call('GET', '/api/v1/namespaces/default/configmaps')).json;
  first.child.kill('SIGTERM');
  assert.equal(await first.exited, 0, 'SIGTERM stops the server cleanly');
  first.agent.destroy();
  assert.equal(statSync(join(dir, 'ca.key')).mode & 0o777, 0o600);

  const second = await startServerProcess(dir);
  t.after(() => {
    second.child.kill('SIGKILL');
    second.agent.destroy();
  });
  const after = (await second.call('GET', '/api/v1/namespaces/default/configmaps')).json;
  assert.deepEqual(after.items, before.items, 'same objects with the same resourceVersions');
  // The new port is written into the kubernetes Service and its endpoints at start-up.
  assert.ok(Number(after.metadata.resourceVersion) >= Number(before.metadata.resourceVersion));
  const next = (await second.call('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'later' } })).json;
  assert.ok(Number(next.metadata.resourceVersion) > Number(before.metadata.resourceVersion), 'revisions never go back');
  assert.equal(created.length, 5);
});

test('SIGKILL during writes loses no acknowledged write', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-kill-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const server = await startServerProcess(dir);
  const acknowledged = new Map<string, string>();
  let stop = false;
  let failures = 0;
  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const name = `w${w}-${i}`;
      try {
        const r = await server.call('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name }, data: { w: String(w), i: String(i) } });
        if (r.status === 201) acknowledged.set(name, r.json.metadata.resourceVersion);
      } catch {
        failures++; // the connection died with the server: not acknowledged
        return;
      }
    }
  };
  const writers = Array.from({ length: 16 }, (_, w) => writer(w));
  while (acknowledged.size < 400) await new Promise((r) => setTimeout(r, 5));
  server.child.kill('SIGKILL');
  stop = true;
  await Promise.all(writers);
  await server.exited;
  server.agent.destroy();

  const restarted = await startServerProcess(dir);
  t.after(() => {
    restarted.child.kill('SIGKILL');
    restarted.agent.destroy();
  });
  const stored = new Map<string, string>(
    (await restarted.call('GET', '/api/v1/namespaces/default/configmaps')).json.items.map((i: any) => [i.metadata.name, i.metadata.resourceVersion]),
  );
  for (const [name, rv] of acknowledged) assert.equal(stored.get(name), rv, `acknowledged write ${name}@${rv} survived`);
  assert.ok(acknowledged.size >= 400);
  assert.ok(failures <= 16, 'each writer loses at most its one request in flight');
});
