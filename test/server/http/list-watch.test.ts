// Secrets, because no system object of that kind exists in a namespace.
// Lists (selectors, paging, resourceVersion) and watches (events, resume, expiry, bookmarks,
// initial events, timeouts, WebSocket) against a real server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import WebSocket from 'ws';
import { startServer, type TestServer } from '../../helpers/server.ts';

async function makeSecrets(srv: TestServer, n: number, labels: (i: number) => Record<string, string> = () => ({})) {
  for (let i = 0; i < n; i++)
    await srv.request('POST', '/api/v1/namespaces/default/secrets', { body: { metadata: { name: `s-${String(i).padStart(3, '0')}`, labels: labels(i) } } });
}

test('list pages with limit/continue and counts what remains', async (t) => {
  const srv = await startServer(t);
  await makeSecrets(srv, 7);
  const seen: string[] = [];
  let token = '';
  let first: any;
  for (;;) {
    const page = (await srv.request('GET', `/api/v1/namespaces/default/secrets?limit=3${token ? `&continue=${token}` : ''}`)).json();
    first ??= page;
    seen.push(...page.items.map((i: any) => i.metadata.name));
    if (!page.metadata.continue) break;
    token = encodeURIComponent(page.metadata.continue);
  }
  assert.deepEqual(seen, ['s-000', 's-001', 's-002', 's-003', 's-004', 's-005', 's-006']);
  assert.equal(first.kind, 'SecretList');
  assert.equal(first.metadata.remainingItemCount, 4);
  assert.equal(first.items[0].kind, undefined, 'typed list items carry no kind');
});

test('a continue token reads a consistent snapshot', async (t) => {
  const srv = await startServer(t);
  await makeSecrets(srv, 4);
  const page = (await srv.request('GET', '/api/v1/namespaces/default/secrets?limit=2')).json();
  await srv.request('DELETE', '/api/v1/namespaces/default/secrets/s-003');
  const rest = (await srv.request('GET', `/api/v1/namespaces/default/secrets?limit=2&continue=${encodeURIComponent(page.metadata.continue)}`)).json();
  assert.deepEqual(rest.items.map((i: any) => i.metadata.name), ['s-002', 's-003']);
  assert.equal(rest.metadata.resourceVersion, page.metadata.resourceVersion);
});

test('label and field selectors filter; bad ones are 400 with upstream text', async (t) => {
  const srv = await startServer(t);
  await makeSecrets(srv, 4, (i) => ({ tier: i % 2 ? 'back' : 'front' }));
  const names = async (q: string) => (await srv.request('GET', `/api/v1/namespaces/default/secrets?${q}`)).json().items.map((i: any) => i.metadata.name);
  assert.deepEqual(await names('labelSelector=tier%3Dback'), ['s-001', 's-003']);
  assert.deepEqual(await names('labelSelector=tier%20notin%20(back)'), ['s-000', 's-002']);
  assert.deepEqual(await names('fieldSelector=metadata.name%3Ds-002'), ['s-002']);
  const bad = await srv.request('GET', '/api/v1/namespaces/default/secrets?fieldSelector=spec.foo%3Dx');
  assert.equal(bad.status, 400);
  assert.equal(bad.json().message, 'field label not supported: spec.foo');
  const badLabel = await srv.request('GET', '/api/v1/namespaces/default/secrets?labelSelector=a%20in');
  assert.equal(badLabel.status, 400);
  assert.equal(badLabel.json().reason, 'BadRequest');
});

test('the list across namespaces and a too-new resourceVersion', async (t) => {
  const srv = await startServer(t);
  const all = (await srv.request('GET', '/api/v1/services')).json();
  assert.deepEqual(all.items.map((s: any) => `${s.metadata.namespace}/${s.metadata.name}`), ['default/kubernetes']);
  const future = await srv.request('GET', `/api/v1/services?resourceVersion=${Number(all.metadata.resourceVersion) + 1000}`);
  assert.equal(future.status, 504);
  assert.equal(future.json().reason, 'Timeout');
});

test('watch streams initial ADDED events, then changes; DELETED carries the delete revision', async (t) => {
  const srv = await startServer(t);
  await makeSecrets(srv, 1);
  const w = await srv.stream('/api/v1/namespaces/default/secrets?watch=true');
  assert.equal(w.status, 200);
  assert.equal(w.headers['content-type'], 'application/json');
  const added = await w.next();
  assert.equal(added.type, 'ADDED');
  assert.equal(added.object.kind, 'Secret');
  assert.equal(added.object.metadata.name, 's-000');
  await srv.request('POST', '/api/v1/namespaces/default/secrets', { body: { metadata: { name: 'later' } } });
  const ev = await w.next();
  assert.deepEqual([ev.type, ev.object.metadata.name], ['ADDED', 'later']);
  const del = await srv.request('DELETE', '/api/v1/namespaces/default/secrets/later');
  assert.equal(del.status, 200);
  const gone = await w.next();
  assert.equal(gone.type, 'DELETED');
  assert.ok(Number(gone.object.metadata.resourceVersion) > Number(ev.object.metadata.resourceVersion));
});

test('watch from a resourceVersion resumes after it; a compacted one gets an ERROR 410 event', async (t) => {
  const srv = await startServer(t);
  const list = (await srv.request('GET', '/api/v1/namespaces/default/secrets')).json();
  await makeSecrets(srv, 2);
  const w = await srv.stream(`/api/v1/namespaces/default/secrets?watch=1&resourceVersion=${list.metadata.resourceVersion}`);
  assert.deepEqual([(await w.next()).object.metadata.name, (await w.next()).object.metadata.name], ['s-000', 's-001']);
  await srv.server.registry.storage.compact(srv.server.registry.storage.revision());
  const old = await srv.stream(`/api/v1/namespaces/default/secrets?watch=1&resourceVersion=${list.metadata.resourceVersion}`);
  const err = await old.next();
  assert.equal(err.type, 'ERROR');
  assert.equal(err.object.code, 410);
  assert.equal(err.object.reason, 'Expired');
  assert.match(err.object.message, /^too old resource version: \d+ \(\d+\)$/);
  await old.ended;
});

test('label selector watches turn objects leaving the selection into DELETED', async (t) => {
  const srv = await startServer(t);
  const w = await srv.stream('/api/v1/namespaces/default/secrets?watch=1&labelSelector=keep%3Dyes');
  const created = (await srv.request('POST', '/api/v1/namespaces/default/secrets', { body: { metadata: { name: 'x', labels: { keep: 'yes' } } } })).json();
  assert.equal((await w.next()).type, 'ADDED');
  await srv.request('PUT', '/api/v1/namespaces/default/secrets/x', { body: { ...created, metadata: { ...created.metadata, labels: { keep: 'no' } } } });
  const ev = await w.next();
  assert.equal(ev.type, 'DELETED');
});

test('bookmarks, timeoutSeconds and sendInitialEvents', async (t) => {
  const srv = await startServer(t, { bookmarkIntervalMs: 100 });
  await makeSecrets(srv, 1);
  const w = await srv.stream('/api/v1/namespaces/default/secrets?watch=1&allowWatchBookmarks=true&timeoutSeconds=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan');
  assert.equal((await w.next()).type, 'ADDED');
  const end = await w.next();
  assert.equal(end.type, 'BOOKMARK');
  assert.deepEqual(end.object.metadata.annotations, { 'k8s.io/initial-events-end': 'true' });
  assert.equal(end.object.kind, 'Secret');
  const bookmark = await w.next();
  assert.equal(bookmark.type, 'BOOKMARK');
  await w.ended;
  const invalid = await srv.request('GET', '/api/v1/namespaces/default/secrets?watch=1&sendInitialEvents=true');
  assert.equal(invalid.status, 400);
});

test('a watch asking for a Table gets one-row tables, column definitions only first', async (t) => {
  const srv = await startServer(t);
  await makeSecrets(srv, 2);
  const w = await srv.stream('/api/v1/namespaces/default/secrets?watch=1', { headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' } });
  const first = await w.next();
  assert.equal(first.object.kind, 'Table');
  assert.deepEqual(first.object.columnDefinitions.map((c: any) => c.name), ['Name', 'Type', 'Data', 'Age']);
  assert.equal(first.object.rows.length, 1);
  const second = await w.next();
  assert.equal(second.object.columnDefinitions, null);
});

test('watch over WebSocket sends one event per message', async (t) => {
  const srv = await startServer(t);
  await makeSecrets(srv, 1);
  const ws = new WebSocket(`${srv.url.replace('https', 'wss')}/api/v1/namespaces/default/secrets?watch=true`, {
    ca: srv.server.pki.ca.certPem,
    cert: srv.server.pki.admin.certPem,
    key: srv.server.pki.admin.keyPem,
  });
  t.after(() => ws.close());
  const message = await new Promise<string>((resolve, reject) => {
    ws.once('message', (data) => resolve(String(data)));
    ws.once('error', reject);
  });
  const ev = JSON.parse(message);
  assert.deepEqual([ev.type, ev.object.metadata.name], ['ADDED', 's-000']);
});
