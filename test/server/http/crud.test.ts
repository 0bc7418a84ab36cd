// Create, read, update and delete over HTTP against a real server: server-owned metadata,
// optimistic concurrency and kube-apiserver's Status errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from '../../helpers/server.ts';

const cm = (name: string, data: Record<string, string> = { a: '1' }) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });

test('create fills uid, creationTimestamp and resourceVersion; get returns the same object', async (t) => {
  const srv = await startServer(t);
  const created = await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body: cm('one') });
  assert.equal(created.status, 201);
  const obj = created.json();
  assert.match(obj.metadata.uid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.match(obj.metadata.creationTimestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.match(obj.metadata.resourceVersion, /^\d+$/);
  assert.equal(obj.metadata.namespace, 'default');
  assert.equal(obj.metadata.generation, undefined, 'configmaps do not track generation');
  assert.deepEqual(Object.keys(obj).slice(0, 3), ['kind', 'apiVersion', 'metadata'], 'kube-apiserver key order');
  const got = await srv.request('GET', '/api/v1/namespaces/default/configmaps/one');
  assert.equal(got.status, 200);
  assert.deepEqual(got.json(), obj);
});

test('generateName makes a 5-character suffix from the upstream alphabet', async (t) => {
  const srv = await startServer(t);
  const r = await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { generateName: 'gen-' }, data: {} } });
  assert.equal(r.status, 201);
  assert.match(r.json().metadata.name, /^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
});

test('duplicate create is 409 AlreadyExists with upstream text', async (t) => {
  const srv = await startServer(t);
  await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body: cm('dup') });
  const r = await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body: cm('dup') });
  assert.equal(r.status, 409);
  assert.deepEqual(r.json(), {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'configmaps "dup" already exists',
    reason: 'AlreadyExists',
    details: { name: 'dup', kind: 'configmaps' },
    code: 409,
  });
});

test('get of a missing object is 404 NotFound naming the group', async (t) => {
  const srv = await startServer(t);
  const r = await srv.request('GET', '/apis/apps/v1/namespaces/default/deployments/nope');
  assert.equal(r.status, 404);
  assert.equal(r.json().message, 'deployments.apps "nope" not found');
  assert.deepEqual(r.json().details, { name: 'nope', group: 'apps', kind: 'deployments' });
});

test('update with a stale resourceVersion is 409 Conflict; without one it applies', async (t) => {
  const srv = await startServer(t);
  const first = (await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body: cm('c') })).json();
  const second = await srv.request('PUT', '/api/v1/namespaces/default/configmaps/c', { body: { ...first, data: { a: '2' } } });
  assert.equal(second.status, 200);
  assert.ok(Number(second.json().metadata.resourceVersion) > Number(first.metadata.resourceVersion));
  const stale = await srv.request('PUT', '/api/v1/namespaces/default/configmaps/c', { body: { ...first, data: { a: '3' } } });
  assert.equal(stale.status, 409);
  assert.equal(
    stale.json().message,
    'Operation cannot be fulfilled on configmaps "c": the object has been modified; please apply your changes to the latest version and try again',
  );
  const { resourceVersion: _rv, ...meta } = first.metadata;
  const unconditional = await srv.request('PUT', '/api/v1/namespaces/default/configmaps/c', { body: { ...first, metadata: meta, data: { a: '4' } } });
  assert.equal(unconditional.status, 200);
  assert.deepEqual(unconditional.json().data, { a: '4' });
});

test('an update that changes nothing keeps the resourceVersion', async (t) => {
  const srv = await startServer(t);
  const first = (await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body: cm('same') })).json();
  const again = (await srv.request('PUT', '/api/v1/namespaces/default/configmaps/same', { body: first })).json();
  assert.equal(again.metadata.resourceVersion, first.metadata.resourceVersion);
});

test('generation counts spec changes only, and status is kept on the main resource', async (t) => {
  const srv = await startServer(t);
  const dep = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd' },
    spec: { replicas: 1, selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } },
    status: { replicas: 7 },
  };
  const created = (await srv.request('POST', '/apis/apps/v1/namespaces/default/deployments', { body: dep })).json();
  assert.equal(created.metadata.generation, 1);
  assert.deepEqual(created.status, {}, 'status is not set by create');
  const labelled = (
    await srv.request('PUT', '/apis/apps/v1/namespaces/default/deployments/d', { body: { ...created, metadata: { ...created.metadata, labels: { x: 'y' } } } })
  ).json();
  assert.equal(labelled.metadata.generation, 1, 'metadata changes do not bump generation');
  const scaled = (await srv.request('PUT', '/apis/apps/v1/namespaces/default/deployments/d', { body: { ...labelled, spec: { ...labelled.spec, replicas: 3 }, status: { replicas: 9 } } })).json();
  assert.equal(scaled.metadata.generation, 2);
  assert.deepEqual(scaled.status, {}, 'status changes only through /status');
  const status = await srv.request('PUT', '/apis/apps/v1/namespaces/default/deployments/d/status', {
    body: { ...scaled, spec: { ...scaled.spec, replicas: 5 }, status: { replicas: 3, observedGeneration: 2 } },
  });
  assert.equal(status.status, 200);
  assert.equal(status.json().status.replicas, 3);
  assert.equal(status.json().spec.replicas, 3, 'spec changes are ignored on /status');
  assert.equal(status.json().metadata.generation, 2);
});

test('delete answers a Status for most kinds and the object for pods; then the object is gone', async (t) => {
  const srv = await startServer(t);
  const created = (await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body: cm('del') })).json();
  const r = await srv.request('DELETE', '/api/v1/namespaces/default/configmaps/del', { body: { propagationPolicy: 'Background' } });
  assert.equal(r.status, 200);
  assert.deepEqual(r.json(), {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: { name: 'del', kind: 'configmaps', uid: created.metadata.uid },
  });
  assert.equal((await srv.request('GET', '/api/v1/namespaces/default/configmaps/del')).status, 404);
  await srv.request('POST', '/api/v1/namespaces/default/pods', { body: { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }] } } });
  const pod = await srv.request('DELETE', '/api/v1/namespaces/default/pods/p');
  assert.equal(pod.status, 200);
  assert.equal(pod.json().kind, 'Pod');
});

test('finalizers keep a deleted object until they are removed', async (t) => {
  const srv = await startServer(t);
  await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body: { ...cm('fin'), metadata: { name: 'fin', finalizers: ['example.com/hold'] } } });
  const r = await srv.request('DELETE', '/api/v1/namespaces/default/configmaps/fin');
  assert.equal(r.status, 200, 'kube-apiserver answers 200 while the object lingers');
  const held = (await srv.request('GET', '/api/v1/namespaces/default/configmaps/fin')).json();
  assert.match(held.metadata.deletionTimestamp, /Z$/);
  const released = await srv.request('PUT', '/api/v1/namespaces/default/configmaps/fin', { body: { ...held, metadata: { ...held.metadata, finalizers: [] } } });
  assert.equal(released.status, 200);
  assert.equal((await srv.request('GET', '/api/v1/namespaces/default/configmaps/fin')).status, 404);
});

test('creating in a missing namespace is 404 for the namespace', async (t) => {
  const srv = await startServer(t);
  const r = await srv.request('POST', '/api/v1/namespaces/nowhere/configmaps', { body: cm('x') });
  assert.equal(r.status, 404);
  assert.equal(r.json().message, 'namespaces "nowhere" not found');
});

test('deleting a namespace removes its content, then the namespace', async (t) => {
  const srv = await startServer(t);
  await srv.request('POST', '/api/v1/namespaces', { body: { metadata: { name: 'tmp' } } });
  await srv.request('POST', '/api/v1/namespaces/tmp/configmaps', { body: cm('inside') });
  // A finalizer keeps content, and so the namespace, around until it is released.
  await srv.request('POST', '/api/v1/namespaces/tmp/configmaps', { body: { ...cm('held'), metadata: { name: 'held', finalizers: ['example.com/hold'] } } });
  const w = await srv.stream('/api/v1/namespaces?watch=true&fieldSelector=metadata.name%3Dtmp');
  assert.equal((await w.next()).type, 'ADDED');
  const r = await srv.request('DELETE', '/api/v1/namespaces/tmp');
  assert.equal(r.status, 200, 'kube-apiserver answers 200 while the object lingers');
  assert.equal(r.json().status.phase, 'Terminating');
  const refused = await srv.request('POST', '/api/v1/namespaces/tmp/configmaps', { body: cm('late') });
  assert.equal(refused.status, 403);
  assert.equal(refused.json().message, 'configmaps "late" is forbidden: unable to create new content in namespace tmp because it is being terminated');
  const held = (await srv.request('GET', '/api/v1/namespaces/tmp/configmaps/held')).json();
  assert.ok(held.metadata.deletionTimestamp, 'content is being deleted');
  await srv.request('PUT', '/api/v1/namespaces/tmp/configmaps/held', { body: { ...held, metadata: { ...held.metadata, finalizers: [] } } });
  for (;;) {
    const ev = await w.next(10_000);
    if (ev.type === 'DELETED') break;
  }
  assert.equal((await srv.request('GET', '/api/v1/namespaces/tmp/configmaps/inside')).status, 404);
});

test('the system namespaces and the kubernetes service exist', async (t) => {
  const srv = await startServer(t);
  const names = (await srv.request('GET', '/api/v1/namespaces')).json().items.map((n: any) => n.metadata.name);
  assert.deepEqual(names.sort(), ['default', 'kube-node-lease', 'kube-public', 'kube-system']);
  const svc = (await srv.request('GET', '/api/v1/namespaces/default/services/kubernetes')).json();
  assert.equal(svc.spec.clusterIP, '10.96.0.1');
  assert.equal(svc.spec.ports[0].targetPort, srv.server.port);
});

test('validation errors are 422 Invalid with causes', async (t) => {
  const srv = await startServer(t);
  const r = await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'Bad_Name' } } });
  assert.equal(r.status, 422);
  const status = r.json();
  assert.equal(status.reason, 'Invalid');
  assert.match(status.message, /^ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
  assert.equal(status.details.causes[0].field, 'metadata.name');
  assert.equal(status.details.causes[0].reason, 'FieldValueInvalid');
});

test('fieldValidation=Strict rejects unknown fields; Warn answers with a Warning header', async (t) => {
  const srv = await startServer(t);
  const body = { ...cm('strict'), spec: { x: 1 } };
  const strict = await srv.request('POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Strict', { body });
  assert.equal(strict.status, 400);
  assert.equal(strict.json().message, 'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "spec"');
  const warn = await srv.request('POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Warn', { body });
  assert.equal(warn.status, 201);
  assert.equal(warn.headers.warning, '299 - "unknown field \\"spec\\""');
  assert.equal(warn.json().spec, undefined, 'unknown fields are dropped');
});

test('dryRun=All validates and answers without storing', async (t) => {
  const srv = await startServer(t);
  const r = await srv.request('POST', '/api/v1/namespaces/default/configmaps?dryRun=All', { body: cm('dry') });
  assert.equal(r.status, 201);
  assert.equal(r.json().metadata.resourceVersion, undefined);
  assert.equal((await srv.request('GET', '/api/v1/namespaces/default/configmaps/dry')).status, 404);
});

test('managedFields record the writer of each field', async (t) => {
  const srv = await startServer(t);
  const created = (
    await srv.request('POST', '/api/v1/namespaces/default/configmaps?fieldManager=alice', { body: { metadata: { name: 'mf', labels: { a: 'b' } }, data: { k: 'v' } } })
  ).json();
  assert.deepEqual(created.metadata.managedFields.map((m: any) => [m.manager, m.operation, m.apiVersion]), [['alice', 'Update', 'v1']]);
  assert.deepEqual(created.metadata.managedFields[0].fieldsV1, { 'f:data': { '.': {}, 'f:k': {} }, 'f:metadata': { 'f:labels': { '.': {}, 'f:a': {} } } });
  const updated = (
    await srv.request('PUT', '/api/v1/namespaces/default/configmaps/mf?fieldManager=bob', { body: { ...created, data: { k: 'v2' } } })
  ).json();
  const byManager = Object.fromEntries(updated.metadata.managedFields.map((m: any) => [m.manager, m.fieldsV1]));
  assert.deepEqual(byManager.bob, { 'f:data': { 'f:k': {} } });
  assert.deepEqual(byManager.alice, { 'f:data': {}, 'f:metadata': { 'f:labels': { '.': {}, 'f:a': {} } } });
});

test('duplicate JSON keys: Strict refuses them, Warn warns, the last value wins', async (t) => {
  const srv = await startServer(t);
  const body = '{"metadata":{"name":"dup-keys"},"data":{"a":"1","a":"2"}}';
  const strict = await srv.request('POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Strict', { body });
  assert.equal(strict.status, 400);
  assert.equal(strict.json().message, 'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: duplicate field "data.a"');
  const warn = await srv.request('POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Warn', { body });
  assert.equal(warn.status, 201);
  assert.equal(warn.headers.warning, '299 - "duplicate field \\"data.a\\""');
  assert.deepEqual(warn.json().data, { a: '2' });
});
