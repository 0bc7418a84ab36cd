// Deletion propagation through ownerReferences: background, orphan and foreground, plus graceful
// pod deletion and the pod GC's orphan rule.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer, type TestServer } from '../../helpers/server.ts';

async function makeOwnerWithPods(srv: TestServer, name: string, pods: number) {
  const rs = (
    await srv.request('POST', '/apis/apps/v1/namespaces/default/replicasets', {
      body: {
        metadata: { name },
        spec: { replicas: pods, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'x' }] } } },
      },
    })
  ).json();
  assert.ok(rs.metadata?.uid, JSON.stringify(rs));
  const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true };
  for (let i = 0; i < pods; i++) {
    const r = await srv.request('POST', '/api/v1/namespaces/default/pods', {
      body: { metadata: { name: `${name}-${i}`, labels: { app: name }, ownerReferences: [ref] }, spec: { containers: [{ name: 'c', image: 'x' }] } },
    });
    assert.equal(r.status, 201, r.text);
  }
  return rs;
}

async function podNames(srv: TestServer, app: string): Promise<string[]> {
  return (await srv.request('GET', `/api/v1/namespaces/default/pods?labelSelector=app%3D${app}`)).json().items.map((p: any) => p.metadata.name);
}

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('background deletion removes dependents after the owner', async (t) => {
  const srv = await startServer(t);
  await makeOwnerWithPods(srv, 'bg', 3);
  const r = await srv.request('DELETE', '/apis/apps/v1/namespaces/default/replicasets/bg', { body: { propagationPolicy: 'Background' } });
  assert.equal(r.status, 200);
  await eventually(async () => (await podNames(srv, 'bg')).length === 0, 'pods deleted');
});

test('orphan deletion keeps dependents and strips their owner references', async (t) => {
  const srv = await startServer(t);
  await makeOwnerWithPods(srv, 'or', 2);
  const r = await srv.request('DELETE', '/apis/apps/v1/namespaces/default/replicasets/or', { body: { propagationPolicy: 'Orphan' } });
  assert.equal(r.status, 200, 'kube-apiserver answers 200 while the object lingers');
  assert.deepEqual(r.json().metadata.finalizers, ['orphan']);
  await eventually(async () => (await srv.request('GET', '/apis/apps/v1/namespaces/default/replicasets/or')).status === 404, 'owner gone');
  const pods = (await srv.request('GET', '/api/v1/namespaces/default/pods?labelSelector=app%3Dor')).json().items;
  assert.equal(pods.length, 2);
  for (const p of pods) assert.equal(p.metadata.ownerReferences, undefined);
});

test('foreground deletion keeps the owner until its blocking dependents are gone', async (t) => {
  const srv = await startServer(t);
  await makeOwnerWithPods(srv, 'fg', 2);
  const w = await srv.stream('/apis/apps/v1/namespaces/default/replicasets?watch=1&fieldSelector=metadata.name%3Dfg');
  assert.equal((await w.next()).type, 'ADDED');
  const r = await srv.request('DELETE', '/apis/apps/v1/namespaces/default/replicasets/fg', { body: { propagationPolicy: 'Foreground' } });
  assert.equal(r.status, 200, 'kube-apiserver answers 200 while the object lingers');
  assert.deepEqual(r.json().metadata.finalizers, ['foregroundDeletion']);
  for (;;) {
    const ev = await w.next(10_000);
    if (ev.type === 'DELETED') break;
  }
  assert.deepEqual(await podNames(srv, 'fg'), [], 'dependents went first');
});

test('an object created with a missing owner is collected', async (t) => {
  const srv = await startServer(t);
  const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'ghost', uid: '00000000-0000-4000-8000-000000000000' };
  await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'dangling', ownerReferences: [ref] } } });
  await eventually(async () => (await srv.request('GET', '/api/v1/namespaces/default/configmaps/dangling')).status === 404, 'dangling dependent deleted');
});

test('a dependent with another live owner only loses the reference to the deleted one', async (t) => {
  const srv = await startServer(t);
  const a = (await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'owner-a' } } })).json();
  const b = (await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'owner-b' } } })).json();
  const refs = [a, b].map((o) => ({ apiVersion: 'v1', kind: 'ConfigMap', name: o.metadata.name, uid: o.metadata.uid }));
  await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'shared', ownerReferences: refs } } });
  await srv.request('DELETE', '/api/v1/namespaces/default/configmaps/owner-a');
  await eventually(
    async () => (await srv.request('GET', '/api/v1/namespaces/default/configmaps/shared')).json().metadata.ownerReferences?.length === 1,
    'reference to the deleted owner removed',
  );
});

test('graceful pod deletion: terminating until grace 0; pods of missing nodes are collected', async (t) => {
  const srv = await startServer(t);
  await srv.request('POST', '/api/v1/nodes', { body: { metadata: { name: 'node-1' } } });
  const pod = { metadata: { name: 'bound' }, spec: { nodeName: 'node-1', terminationGracePeriodSeconds: 30, containers: [{ name: 'c', image: 'x' }] } };
  await srv.request('POST', '/api/v1/namespaces/default/pods', { body: pod });
  const r = await srv.request('DELETE', '/api/v1/namespaces/default/pods/bound');
  assert.equal(r.status, 200, 'kube-apiserver answers 200 while the object lingers');
  assert.equal(r.json().metadata.deletionGracePeriodSeconds, 30);
  const later = Date.parse(r.json().metadata.deletionTimestamp) - Date.now();
  assert.ok(later > 25_000 && later <= 31_000, 'deletionTimestamp is now + grace');
  const again = await srv.request('DELETE', '/api/v1/namespaces/default/pods/bound', { body: { gracePeriodSeconds: 0 } });
  assert.equal(again.status, 200);
  assert.equal((await srv.request('GET', '/api/v1/namespaces/default/pods/bound')).status, 404);

  await srv.request('POST', '/api/v1/namespaces/default/pods', { body: { ...pod, metadata: { name: 'nowhere' }, spec: { ...pod.spec, nodeName: 'no-such-node' } } });
  assert.equal((await srv.request('DELETE', '/api/v1/namespaces/default/pods/nowhere')).status, 200);
  await eventually(async () => (await srv.request('GET', '/api/v1/namespaces/default/pods/nowhere')).status === 404, 'orphaned terminating pod collected');
});
