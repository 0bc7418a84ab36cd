// The client's request/get/watch surface against the bundled server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeList, KubeObject } from '../../src/api/object.ts';
import { createClient, StatusError } from '../../src/client/index.ts';
import { startServer } from '../helpers/server.ts';
import { httpServer, scratch, testCtx } from './helpers.ts';

test('requests: create, get, list, errors with kubectl text', async (t) => {
  const srv = await startServer(t);
  const client = await createClient(testCtx(['--kubeconfig', srv.kubeconfig, '--cache-dir', scratch(t)]));
  assert.equal(client.namespace, 'default');
  assert.equal(client.namespaceExplicit, false);
  assert.equal(client.server, srv.url);
  const created = await client.request('POST', '/api/v1/namespaces/default/configmaps', { body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { a: 'b' } } });
  assert.equal(created.status, 201);
  const cm = await client.get('/api/v1/namespaces/default/configmaps/cm');
  assert.equal(cm.metadata.name, 'cm');
  const list = await client.get<KubeList>('/api/v1/namespaces/default/configmaps', { query: { fieldSelector: 'metadata.name=cm' } });
  assert.deepEqual(list.items.map((i) => i.metadata.name), ['cm']);
  const missing = await client.get('/api/v1/namespaces/default/configmaps/nope').catch((e: StatusError) => e);
  assert.ok(missing instanceof StatusError);
  assert.equal(missing.code, 404);
  assert.equal(missing.kubectlMessage(), 'Error from server (NotFound): configmaps "nope" not found');
  const dup = await client.request('POST', '/api/v1/namespaces/default/configmaps', { body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } } }).catch((e: StatusError) => e);
  assert.equal((dup as StatusError).kubectlMessage(), 'Error from server (AlreadyExists): configmaps "cm" already exists');
  const version = await client.serverVersion();
  assert.equal(version.major, '1');
  client.close();
});

test('watch: events as they happen, then close()', async (t) => {
  const srv = await startServer(t);
  const client = await createClient(testCtx(['--kubeconfig', srv.kubeconfig, '-n', 'default']));
  assert.equal(client.namespaceExplicit, true);
  const list = await client.get<KubeList>('/api/v1/namespaces/default/configmaps');
  const w = await client.watch('/api/v1/namespaces/default/configmaps', { query: { resourceVersion: list.metadata.resourceVersion } });
  await client.request('POST', '/api/v1/namespaces/default/configmaps', { body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w1' } } });
  await client.request('DELETE', '/api/v1/namespaces/default/configmaps/w1');
  const seen: string[] = [];
  for await (const ev of w) {
    seen.push(`${ev.type} ${(ev.object as KubeObject).metadata.name}`);
    if (seen.length === 2) w.close();
  }
  assert.deepEqual(seen, ['ADDED w1', 'DELETED w1']);
  const refused = await client.watch('/api/v1/namespaces/default/nothings').catch((e: StatusError) => e);
  assert.ok(refused instanceof StatusError);
  assert.equal(refused.code, 404);
  client.close();
});

test('watch: the server ending the stream ends the iteration; a bad line is an error', async (t) => {
  const srv = await httpServer(t, (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"type":"ADDED","object":{"metadata":{"name":"a"}}}\n{"type":"MODI');
    res.end(req.url!.includes('bad') ? 'FIED"\nnot json\n' : 'FIED","object":{"metadata":{"name":"a"}}}');
  });
  const client = await createClient(testCtx(['-s', srv.url]));
  const types: string[] = [];
  for await (const ev of await client.watch('/good')) types.push(ev.type);
  assert.deepEqual(types, ['ADDED', 'MODIFIED']);
  assert.match(srv.requests[0]!.url, /^\/good\?watch=true$/);
  const bad = await client.watch('/bad');
  await assert.rejects(async () => {
    for await (const _ of bad) {
      // drain
    }
  }, /unable to decode an event from the watch stream/);
});

test('a request that cannot connect is a ConnectionError with Go text', async () => {
  const client = await createClient(testCtx(['-s', 'http://127.0.0.1:1']));
  const err = await client.get('/version').catch((e: Error & { kubectlMessage(): string }) => e);
  assert.equal((err as Error).message, 'Get "http://127.0.0.1:1/version": dial tcp 127.0.0.1:1: connect: connection refused');
  assert.equal((err as Error & { kubectlMessage(): string }).kubectlMessage(), 'The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?');
});
