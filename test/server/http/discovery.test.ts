// Discovery as kubectl and client-go read it: legacy documents and aggregated v2/v2beta1 with the
// exact Content-Type echo and ETags.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from '../../helpers/server.ts';

const V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';

test('legacy discovery: /api, /apis, /apis/<g>, resource lists with subresources', async (t) => {
  const srv = await startServer(t);
  const api = (await srv.request('GET', '/api')).json();
  assert.equal(api.kind, 'APIVersions');
  assert.deepEqual(api.versions, ['v1']);
  const apis = (await srv.request('GET', '/apis')).json();
  assert.equal(apis.kind, 'APIGroupList');
  const apps = apis.groups.find((g: any) => g.name === 'apps');
  assert.deepEqual(apps.preferredVersion, { groupVersion: 'apps/v1', version: 'v1' });
  const autoscaling = apis.groups.find((g: any) => g.name === 'autoscaling');
  assert.deepEqual(autoscaling.versions.map((v: any) => v.version), ['v2', 'v1']);
  assert.equal((await srv.request('GET', '/apis/apps')).json().kind, 'APIGroup');
  const v1 = (await srv.request('GET', '/api/v1')).json();
  const pods = v1.resources.find((r: any) => r.name === 'pods');
  assert.deepEqual(pods.shortNames, ['po']);
  assert.deepEqual(pods.categories, ['all']);
  assert.equal(pods.namespaced, true);
  const appsV1 = (await srv.request('GET', '/apis/apps/v1')).json();
  assert.deepEqual(
    appsV1.resources.find((r: any) => r.name === 'deployments/scale'),
    { name: 'deployments/scale', singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] },
  );
  assert.equal((await srv.request('GET', '/apis/nope.example.com/v1')).status, 404);
});

test('aggregated discovery answers v2 and v2beta1 with the negotiated Content-Type', async (t) => {
  const srv = await startServer(t);
  for (const [accept, version] of [
    [`${V2},${V2BETA1},application/json`, 'v2'],
    [`${V2BETA1},application/json`, 'v2beta1'],
    ['application/json;as=APIGroupDiscoveryList;v=v2;g=apidiscovery.k8s.io', 'v2'],
  ] as const) {
    const r = await srv.request('GET', '/apis', { headers: { Accept: accept } });
    assert.equal(r.headers['content-type'], version === 'v2' ? V2 : V2BETA1);
    const doc = r.json();
    assert.equal(doc.apiVersion, `apidiscovery.k8s.io/${version}`);
    const apps = doc.items.find((g: any) => g.metadata.name === 'apps');
    const deployments = apps.versions[0].resources.find((r: any) => r.resource === 'deployments');
    assert.deepEqual(deployments.responseKind, { group: 'apps', version: 'v1', kind: 'Deployment' });
    assert.equal(deployments.scope, 'Namespaced');
    assert.deepEqual(
      deployments.subresources.find((s: any) => s.subresource === 'scale').responseKind,
      { group: 'autoscaling', version: 'v1', kind: 'Scale' },
    );
  }
  const core = (await srv.request('GET', '/api', { headers: { Accept: V2 } })).json();
  assert.deepEqual(core.items.map((g: any) => g.metadata.name), ['']);
});

test('an unchanged discovery document answers 304 to If-None-Match', async (t) => {
  const srv = await startServer(t);
  const r = await srv.request('GET', '/apis', { headers: { Accept: V2 } });
  const etag = r.headers.etag as string;
  assert.ok(etag);
  const again = await srv.request('GET', '/apis', { headers: { Accept: V2, 'If-None-Match': etag } });
  assert.equal(again.status, 304);
});

test('version and health endpoints, including for anonymous users', async (t) => {
  const srv = await startServer(t);
  const v = (await srv.request('GET', '/version', { anonymous: true })).json();
  assert.equal(v.major, '1');
  assert.match(v.gitVersion, /^v1\.\d+\.\d+/);
  for (const p of ['/healthz', '/livez', '/readyz']) {
    const r = await srv.request('GET', p, { anonymous: true });
    assert.equal(r.status, 200);
    assert.equal(r.text, 'ok');
  }
  const verbose = await srv.request('GET', '/readyz?verbose');
  assert.match(verbose.text, /^\[\+\]ping ok\n/);
  assert.match(verbose.text, /readyz check passed\n$/);
  assert.equal((await srv.request('GET', '/readyz/ping')).text, 'ok');
  assert.equal((await srv.request('GET', '/readyz/nope')).status, 404);
});
