// The scale and finalize subresources.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from '../../helpers/server.ts';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } },
};

test('GET and PUT /scale read and write spec.replicas', async (t) => {
  const srv = await startServer(t);
  await srv.request('POST', '/apis/apps/v1/namespaces/default/deployments', { body: deployment });
  const scale = (await srv.request('GET', '/apis/apps/v1/namespaces/default/deployments/web/scale')).json();
  assert.equal(scale.kind, 'Scale');
  assert.equal(scale.apiVersion, 'autoscaling/v1');
  assert.deepEqual(scale.spec, { replicas: 1 });
  assert.deepEqual(scale.status, { replicas: 0, selector: 'app=web' });
  const put = await srv.request('PUT', '/apis/apps/v1/namespaces/default/deployments/web/scale', { body: { ...scale, spec: { replicas: 4 } } });
  assert.equal(put.status, 200, put.text);
  assert.equal(put.json().spec.replicas, 4);
  const dep = (await srv.request('GET', '/apis/apps/v1/namespaces/default/deployments/web')).json();
  assert.equal(dep.spec.replicas, 4);
  assert.equal(dep.metadata.generation, 2);
  const stale = await srv.request('PUT', '/apis/apps/v1/namespaces/default/deployments/web/scale', { body: { ...scale, spec: { replicas: 5 } } });
  assert.equal(stale.status, 409);
  const negative = await srv.request('PUT', '/apis/apps/v1/namespaces/default/deployments/web/scale', { body: { ...scale, metadata: { name: 'web' }, spec: { replicas: -1 } } });
  assert.equal(negative.status, 422);
  assert.equal(negative.json().message, 'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
});

test('replication controllers scale with a map selector', async (t) => {
  const srv = await startServer(t);
  await srv.request('POST', '/api/v1/namespaces/default/replicationcontrollers', {
    body: { metadata: { name: 'rc' }, spec: { replicas: 2, selector: { app: 'rc', tier: 'a' }, template: { metadata: { labels: { app: 'rc', tier: 'a' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } } },
  });
  const scale = (await srv.request('GET', '/api/v1/namespaces/default/replicationcontrollers/rc/scale')).json();
  assert.deepEqual(scale.status, { replicas: 0, selector: 'app=rc,tier=a' });
});

test('scale of a kind without it is 404', async (t) => {
  const srv = await startServer(t);
  assert.equal((await srv.request('GET', '/api/v1/namespaces/default/configmaps/x/scale')).status, 404);
});

test('a patch that adds unknown fields: Strict names the patch, Warn warns', async (t) => {
  const srv = await startServer(t);
  await srv.request('POST', '/apis/apps/v1/namespaces/default/deployments', { body: deployment });
  const patch = { spec: { replicass: 2 } };
  const strict = await srv.request('PATCH', '/apis/apps/v1/namespaces/default/deployments/web?fieldValidation=Strict', {
    body: patch,
    headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
  });
  assert.equal(strict.status, 422);
  assert.equal(strict.json().message, ' "" is invalid: patch: Invalid value: "map[spec:map[replicass:2]]": strict decoding error: unknown field "spec.replicass"');
  const warn = await srv.request('PATCH', '/apis/apps/v1/namespaces/default/deployments/web', {
    body: patch,
    headers: { 'Content-Type': 'application/merge-patch+json' },
  });
  assert.equal(warn.status, 200);
  assert.equal(warn.headers.warning, '299 - "unknown field \\"spec.replicass\\""');
});
