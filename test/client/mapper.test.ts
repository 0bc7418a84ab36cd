// Resolution of resource names and kinds over the bundled server's discovery (and a CRD), as
// kubectl's RESTMapper stack does it; rediscovery when a type is unknown to a stale cache.
import assert from 'node:assert/strict';
import { before, describe, test, after } from 'node:test';
import { createClient } from '../../src/client/index.ts';
import { guessResource, type NoResourceMatchError } from '../../src/client/mapper.ts';
import type { RestMapper } from '../../src/client/types.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { cronTabCrd, establish } from '../server/crd/crd-helpers.ts';
import { legacyApiServer, scratch, testCtx } from './helpers.ts';

const id = (r: { group: string; version: string; resource: string }) => `${r.group}/${r.version}/${r.resource}`;

describe('over the bundled server', () => {
  const cleanups: (() => unknown)[] = [];
  const t = { after: (fn: () => unknown) => cleanups.push(fn) };
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });
  let srv: TestServer;
  let mapper: RestMapper;
  let warnings: () => string;
  before(async () => {
    srv = await startServer(t);
    const ctx = testCtx(['--kubeconfig', srv.kubeconfig, '--cache-dir', scratch(t)]);
    const client = await createClient(ctx);
    cleanups.push(() => client.close());
    mapper = await client.mapper();
    warnings = ctx.err;
  });

  test('plural, singular, short name, kind, any case for resources', async () => {
    for (const input of ['pods', 'pod', 'po', 'Pod', 'POD', 'Pods', 'pods.', 'pod.v1.'])
      assert.equal(id(await mapper.resourceFor(input)), '/v1/pods', input);
    const deploy = await mapper.resourceFor('deploy');
    assert.deepEqual(deploy, {
      group: 'apps', version: 'v1', resource: 'deployments', singular: 'deployment', kind: 'Deployment', namespaced: true,
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['deploy'], categories: ['all'], preferred: true,
    });
  });

  test('qualified names: resource.group, group prefix, resource.version.group, Kind.version.group', async () => {
    assert.equal(id(await mapper.resourceFor('deployments.apps')), 'apps/v1/deployments');
    assert.equal(id(await mapper.resourceFor('deploy.apps')), 'apps/v1/deployments');
    assert.equal(id(await mapper.resourceFor('deployments.v1.apps')), 'apps/v1/deployments');
    assert.equal(id(await mapper.resourceFor('Deployment.v1.apps')), 'apps/v1/deployments');
    assert.equal(id(await mapper.resourceFor('storageclass.storage')), 'storage.k8s.io/v1/storageclasses');
    assert.equal(id(await mapper.resourceFor('sc.storage')), 'storage.k8s.io/v1/storageclasses');
    assert.equal(id(await mapper.resourceFor('horizontalpodautoscalers.v1.autoscaling')), 'autoscaling/v1/horizontalpodautoscalers');
    assert.equal((await mapper.resourceFor('horizontalpodautoscalers.v1.autoscaling')).preferred, false);
  });

  test('priority: core first, then the preferred version', async () => {
    assert.equal(id(await mapper.resourceFor('events')), '/v1/events');
    assert.equal(id(await mapper.resourceFor('events.events.k8s.io')), 'events.k8s.io/v1/events');
    assert.equal(id(await mapper.resourceFor('hpa')), 'autoscaling/v2/horizontalpodautoscalers');
    assert.equal(id(await mapper.resourceFor('podlist')), '/v1/podlists', 'List kinds map like kubectl');
  });

  test('a short name shared by two groups warns about the lower priority one', async () => {
    const before = warnings().length;
    assert.equal(id(await mapper.resourceFor('ev')), '/v1/events');
    assert.equal(warnings().slice(before), 'Warning: short name "ev" could also match lower priority resource events.events.k8s.io\n');
  });

  test('unknown names: the server does not have a resource type', async () => {
    await assert.rejects(mapper.resourceFor('nosuch'), { message: `the server doesn't have a resource type "nosuch"` });
    await assert.rejects(mapper.resourceFor('foo.bar'), { message: `the server doesn't have a resource type "foo"` });
    await assert.rejects(mapper.resourceFor('deployment.apps.v1'), { message: `the server doesn't have a resource type "deployment"` });
  });

  test('the mapper\'s own ResourceFor (explain, create role)', async () => {
    assert.equal(id(await mapper.resourceForGVR({ resource: 'po' })), '/v1/pods');
    assert.equal(id(await mapper.resourceForGVR({ resource: 'Events' })), '/v1/events');
    assert.equal(id(await mapper.resourceForGVR({ group: 'autoscaling', resource: 'horizontalpodautoscalers' })), 'autoscaling/v2/horizontalpodautoscalers');
    // An exact short-name match drops the version, as kubectl's shortcut expander does (kubectl 1.32
    // lists hpa.v1.autoscaling from autoscaling/v2); a full name keeps it.
    assert.equal(id(await mapper.resourceForGVR({ group: 'autoscaling', version: 'v1', resource: 'hpa' })), 'autoscaling/v2/horizontalpodautoscalers');
    assert.equal(id(await mapper.resourceForGVR({ group: 'autoscaling', version: 'v1', resource: 'horizontalpodautoscalers' })), 'autoscaling/v1/horizontalpodautoscalers');
    const msg = (p: { group?: string; version?: string; resource: string }) => mapper.resourceForGVR(p).then(() => '', (e: NoResourceMatchError) => e.kubectlMessage());
    assert.equal(await msg({ resource: 'Foo' }), `the server doesn't have a resource type "foo"`);
    assert.equal(await msg({ group: 'apps', resource: 'foo' }), `the server doesn't have a resource type "foo" in group "apps"`);
    assert.equal(await msg({ version: 'v9', resource: 'pods' }), `the server doesn't have a resource type "pods" in version "v9"`);
    assert.equal(await msg({ group: 'apps', version: 'v9', resource: 'deployments' }), `the server doesn't have a resource type "deployments" in group "apps" and version "v9"`);
  });

  test('manifest kinds', async () => {
    assert.equal(id(await mapper.resourceForKind('apps/v1', 'Deployment')), 'apps/v1/deployments');
    assert.equal(id(await mapper.resourceForKind('v1', 'ConfigMap')), '/v1/configmaps');
    assert.equal(id(await mapper.resourceForKind('autoscaling/v1', 'HorizontalPodAutoscaler')), 'autoscaling/v1/horizontalpodautoscalers');
    await assert.rejects(mapper.resourceForKind('apps/v9', 'Deployment'), { message: 'no matches for kind "Deployment" in version "apps/v9"' });
    await assert.rejects(mapper.resourceForKind('v1', 'Nope'), { message: 'no matches for kind "Nope" in version "v1"' });
  });

  test('categories', async () => {
    assert.equal(await mapper.categoryMembers('pods'), undefined);
    assert.equal(await mapper.category('nosuch'), undefined);
    const members = await mapper.categoryMembers('all');
    assert.deepEqual(members!.slice(0, 3), ['pods', 'replicationcontrollers', 'services']);
    assert.equal(members!.filter((m) => m === 'horizontalpodautoscalers.autoscaling').length, 2, 'one per version');
    const all = (await mapper.category('all'))!.map(id);
    assert.deepEqual(all, [
      '/v1/pods', '/v1/replicationcontrollers', '/v1/services', 'apps/v1/daemonsets', 'apps/v1/deployments', 'apps/v1/replicasets', 'apps/v1/statefulsets',
      'autoscaling/v2/horizontalpodautoscalers', 'batch/v1/cronjobs', 'batch/v1/jobs',
    ]);
  });

  test('every resource, no subresources', async () => {
    const everything = await mapper.all();
    assert.ok(everything.some((r) => id(r) === 'autoscaling/v1/horizontalpodautoscalers' && !r.preferred));
    assert.ok(everything.every((r) => !r.resource.includes('/')));
  });
});

test('a CRD created after the cache was written is found by rediscovering once', async (t) => {
  const srv = await startServer(t);
  const cache = scratch(t);
  const warm = await createClient(testCtx(['--kubeconfig', srv.kubeconfig, '--cache-dir', cache]));
  await (await warm.mapper()).resourceFor('pods');
  warm.close();
  await establish(srv, cronTabCrd());
  const client = await createClient(testCtx(['--kubeconfig', srv.kubeconfig, '--cache-dir', cache]));
  const mapper = await client.mapper();
  const ct = await mapper.resourceFor('ct');
  assert.deepEqual([ct.group, ct.version, ct.resource, ct.kind], ['stable.example.com', 'v1', 'crontabs', 'CronTab']);
  assert.equal(id(await mapper.resourceFor('crontabs.v1beta1.stable.example.com')), 'stable.example.com/v1beta1/crontabs');
  assert.equal(id(await mapper.resourceForKind('stable.example.com/v1', 'CronTab')), 'stable.example.com/v1/crontabs');
  assert.ok((await mapper.category('all'))!.some((r) => r.resource === 'crontabs'));
  client.close();
});

test('a cache that knows the type is used without asking the server', async (t) => {
  const srv = await legacyApiServer(t, { healthy: true });
  const cache = scratch(t);
  const first = await createClient(testCtx(['-s', srv.url, '--cache-dir', cache]));
  await (await first.mapper()).resourceFor('pods');
  const count = srv.requests.length;
  const second = await createClient(testCtx(['-s', srv.url, '--cache-dir', cache]));
  const mapper = await second.mapper();
  assert.equal(id(await mapper.resourceFor('deploy')), 'apps/v1/deployments');
  assert.equal(id(await mapper.resourceFor('oldies')), 'example.com/v1/oldies');
  assert.equal(srv.requests.length, count, 'all from the cache');
  await assert.rejects(mapper.resourceFor('nosuch'), /doesn't have a resource type/);
  assert.deepEqual(srv.requests.slice(count).map((r) => r.url).sort(), [
    '/api/v1?timeout=32s', '/api?timeout=32s', '/apis/apps/v1?timeout=32s', '/apis/example.com/v1?timeout=32s', '/apis/example.com/v2?timeout=32s', '/apis?timeout=32s',
  ], 'an unknown type: discovery once more, then the answer');
});

test('a group missing from the cache makes kubectl discover everything again', async (t) => {
  const srv = await legacyApiServer(t);
  const cache = scratch(t);
  await (await (await createClient(testCtx(['-s', srv.url, '--cache-dir', cache]))).mapper()).resourceFor('pods');
  const count = srv.requests.length;
  await (await (await createClient(testCtx(['-s', srv.url, '--cache-dir', cache]))).mapper()).resourceFor('pods');
  assert.ok(srv.requests.slice(count).some((r) => r.url === '/api?timeout=32s'));
});

test('UnsafeGuessKindToResource', () => {
  assert.deepEqual(guessResource('Endpoints'), { plural: 'endpoints', singular: 'endpoints' });
  assert.deepEqual(guessResource('Ingress'), { plural: 'ingresses', singular: 'ingress' });
  assert.deepEqual(guessResource('NetworkPolicy'), { plural: 'networkpolicies', singular: 'networkpolicy' });
  assert.deepEqual(guessResource('Pod'), { plural: 'pods', singular: 'pod' });
});
