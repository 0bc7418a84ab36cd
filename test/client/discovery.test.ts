// Discovery: aggregated (v2, v2beta1) and legacy documents, kubectl's disk cache (files, TTL,
// invalidation, freshness), failures retried and logged.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Discovery, discoveryCacheDir, DISCOVERY_ACCEPT, groupDiscoveryFailedText } from '../../src/client/discovery.ts';
import { encodeGroupList, encodeResourceList, splitAggregated } from '../../src/client/discovery-types.ts';
import { createClient } from '../../src/client/index.ts';
import { StatusError } from '../../src/client/errors.ts';
import { startServer } from '../helpers/server.ts';
import { httpServer, legacyApiServer, scratch, testCtx } from './helpers.ts';

test('cache directory names: scheme dropped, odd characters as _', () => {
  assert.equal(discoveryCacheDir('/c', 'https://127.0.0.1:6443'), '/c/discovery/127.0.0.1_6443');
  assert.equal(discoveryCacheDir('/c', 'http://[::1]:8080/prefix'), '/c/discovery/___1__8080/prefix');
  assert.equal(discoveryCacheDir('/c', 'api.example.com'), '/c/discovery/api.example.com');
});

test('aggregated discovery of the bundled server: groups, resources, subresources, cache files', async (t) => {
  const srv = await startServer(t);
  const cache = scratch(t);
  const ctx = testCtx(['--kubeconfig', srv.kubeconfig, '--cache-dir', cache]);
  const client = await createClient(ctx);
  const d = await client.discovery();
  const groups = await d.serverGroups();
  assert.equal(groups[0]!.name, '', 'core first');
  assert.deepEqual(groups[0]!.preferredVersion, { groupVersion: 'v1', version: 'v1' });
  const apps = await d.serverResourcesForGroupVersion('apps/v1');
  const scale = apps.resources!.find((r) => r.name === 'deployments/scale')!;
  assert.deepEqual([scale.group, scale.version, scale.kind, scale.singularName], ['autoscaling', 'v1', 'Scale', 'deployment']);
  const dir = discoveryCacheDir(cache, client.server);
  assert.ok(existsSync(join(dir, 'servergroups.json')));
  assert.equal(readFileSync(join(dir, 'apps/v1/serverresources.json'), 'utf8'), encodeResourceList(apps));
  assert.equal(statSync(join(dir, 'apps/v1/serverresources.json')).mode & 0o777, 0o660);
  assert.equal(statSync(join(dir, 'apps')).mode & 0o777, 0o750);
  assert.equal(d.fresh, true);
  const all = await d.serverGroupsAndResources();
  assert.equal(all.failed.size, 0);
  assert.ok(all.lists.some((l) => l.groupVersion === 'v1' && l.resources!.some((r) => r.name === 'pods/log')));
  const preferred = await d.serverPreferredResources();
  assert.ok(preferred.lists.every((l) => l.resources!.every((r) => !r.name.includes('/'))));
  assert.equal(preferred.lists.filter((l) => l.resources!.some((r) => r.name === 'horizontalpodautoscalers')).length, 1);
  client.close();
});

test('a second client reads the cache: no longer fresh; invalidate refetches and rewrites', async (t) => {
  const srv = await startServer(t);
  const cache = scratch(t);
  const first = await createClient(testCtx(['--kubeconfig', srv.kubeconfig, '--cache-dir', cache]));
  await (await first.discovery()).serverGroupsAndResources();
  const file = join(discoveryCacheDir(cache, first.server), 'servergroups.json');
  const old = new Date(Date.now() - 60_000);
  utimesSync(file, old, old);
  const second = await createClient(testCtx(['--kubeconfig', srv.kubeconfig, '--cache-dir', cache]));
  const d = await second.discovery();
  await d.serverGroups();
  assert.equal(d.fresh, false, 'read a file this process did not write');
  assert.equal(Math.round(statSync(file).mtimeMs), old.getTime(), 'cache hit: not rewritten');
  d.invalidate();
  assert.equal(d.fresh, true);
  await d.serverGroups();
  assert.ok(statSync(file).mtimeMs > old.getTime(), 'rewritten');
  assert.equal(d.fresh, true);
});

test('entries older than 6 hours are fetched again', async (t) => {
  const srv = await startServer(t);
  const cache = scratch(t);
  const client = await createClient(testCtx(['--kubeconfig', srv.kubeconfig, '--cache-dir', cache]));
  await (await client.discovery()).serverGroups();
  const file = join(discoveryCacheDir(cache, client.server), 'servergroups.json');
  const expired = new Date(Date.now() - 6 * 3600_000 - 1000);
  utimesSync(file, expired, expired);
  const d = await (await createClient(testCtx(['--kubeconfig', srv.kubeconfig, '--cache-dir', cache]))).discovery();
  await d.serverGroups();
  assert.equal(d.fresh, true);
  assert.ok(statSync(file).mtimeMs > expired.getTime());
});

test('legacy discovery: APIVersions, APIGroupList, one request per group version; failures logged and retried', async (t) => {
  const srv = await legacyApiServer(t);
  const cache = scratch(t);
  const ctx = testCtx(['-s', srv.url, '--cache-dir', cache]);
  const client = await createClient(ctx);
  const d = await client.discovery();
  const all = await d.serverGroupsAndResources();
  assert.deepEqual(all.groups.map((g) => g.name), ['', 'apps', 'example.com', 'metrics.k8s.io']);
  assert.deepEqual(all.groups[0], { name: '', versions: [{ groupVersion: 'v1', version: 'v1' }], preferredVersion: { groupVersion: 'v1', version: 'v1' } });
  assert.deepEqual(all.lists.map((l) => l.groupVersion), ['v1', 'apps/v1', 'example.com/v2', 'example.com/v1']);
  assert.ok(all.failed.get('metrics.k8s.io/v1beta1') instanceof StatusError);
  assert.equal(groupDiscoveryFailedText(all.failed), 'unable to retrieve the complete list of server APIs: metrics.k8s.io/v1beta1: the server is currently unable to handle the request');
  const logged = ctx.err().split('\n').filter(Boolean);
  assert.equal(logged.length, 2, 'once while discovering, once more when asked again');
  assert.match(logged[0]!, /^E\d{4} [\d:.]+ +\d+ memcache\.go:287\] "Unhandled Error" err="couldn't get resource list for metrics\.k8s\.io\/v1beta1: the server is currently unable to handle the request"$/);
  assert.match(logged[1]!, /memcache\.go:121\]/);
  const requests = srv.requests.map((r) => r.url);
  assert.deepEqual(requests.slice(0, 2), ['/api?timeout=32s', '/apis?timeout=32s']);
  assert.equal(srv.requests[0]!.headers.accept, DISCOVERY_ACCEPT);
  const dir = discoveryCacheDir(cache, client.server);
  assert.equal(readFileSync(join(dir, 'v1/serverresources.json'), 'utf8'), encodeResourceList({ groupVersion: 'v1', resources: all.lists[0]!.resources }));
  assert.ok(!existsSync(join(dir, 'metrics.k8s.io')), 'failures are not cached');
  assert.equal(readFileSync(join(dir, 'servergroups.json'), 'utf8'), encodeGroupList(all.groups));
  // the group list keeps what the server said, the core group only its versions
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'servergroups.json'), 'utf8')).groups[0], { name: '', versions: [{ groupVersion: 'v1', version: 'v1' }], preferredVersion: { groupVersion: 'v1', version: 'v1' } });
  client.close();
});

test('a failing discovery is not cached: logged and retried on every call', async (t) => {
  const srv = await httpServer(t, (_req, res) => {
    res.writeHead(500);
    res.end('down');
  });
  const ctx = testCtx(['-s', srv.url, '--cache-dir', scratch(t)]);
  const d = await (await createClient(ctx)).discovery();
  await assert.rejects(d.serverGroups(), (e: StatusError) => e.code === 500);
  await assert.rejects(d.serverGroups(), StatusError);
  const lines = ctx.err().trim().split('\n');
  assert.equal(lines.length, 2);
  assert.match(lines[0]!, /memcache\.go:265\] "Unhandled Error" err="couldn't get current server API group list: an error on the server \(\\"down\\"\) has prevented the request from succeeding"$/);
});

test('v2beta1 aggregated documents are read like v2; stale versions are left out', async (t) => {
  const doc = (group: string) => ({
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2beta1',
    items: [
      {
        metadata: { name: group },
        versions: [
          {
            version: 'v1',
            resources: [
              { resource: 'things', responseKind: { group, version: 'v1', kind: 'Thing' }, scope: 'Cluster', singularResource: 'thing', verbs: ['get'], subresources: [{ subresource: 'status', responseKind: { group, version: 'v1', kind: 'Thing' }, verbs: ['get'] }] },
              { resource: 'nokind', scope: 'Cluster', singularResource: 'nokind', verbs: ['get'] },
            ],
          },
          { version: 'v0', freshness: 'Stale', resources: [] },
        ],
      },
    ],
  });
  const srv = await httpServer(t, (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList' });
    res.end(JSON.stringify(doc(req.url!.startsWith('/apis') ? 'x.io' : '')));
  });
  const d = await (await createClient(testCtx(['-s', srv.url, '--cache-dir', scratch(t)]))).discovery();
  const all = await d.serverGroupsAndResources();
  assert.deepEqual(all.groups.map((g) => [g.name, g.versions?.map((v) => v.version)]), [['', ['v1']], ['x.io', ['v1']]]);
  assert.deepEqual(all.lists.find((l) => l.groupVersion === 'x.io/v1')!.resources!.map((r) => r.name), ['things', 'things/status']);
  // A stale version is left out of the group, so kubectl's cached discovery never asks for it.
  assert.equal(all.failed.size, 0);
  assert.equal(srv.requests.length, 2, 'no per-version requests with aggregated discovery');
});

test('splitAggregated keeps metav1 field order for the cache', () => {
  const split = splitAggregated({
    items: [{ metadata: { name: 'g' }, versions: [{ version: 'v1', resources: [{ resource: 'rs', responseKind: { group: 'g', version: 'v1', kind: 'R' }, scope: 'Namespaced', singularResource: 'r', verbs: ['get'], shortNames: ['r1'], categories: ['all'] }] }] }],
  });
  assert.equal(
    encodeResourceList(split.resources.get('g/v1')!),
    '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"g/v1","resources":[{"name":"rs","singularName":"r","namespaced":true,"group":"g","version":"v1","kind":"R","verbs":["get"],"shortNames":["r1"],"categories":["all"]}]}\n',
  );
});

test('discovery without a cache directory still works (memory only)', async (t) => {
  const srv = await legacyApiServer(t);
  const d = new Discovery({
    fetch: async (path) => {
      const res = await fetch(srv.url + path);
      return { contentType: res.headers.get('content-type') ?? '', body: Buffer.from(await res.arrayBuffer()) };
    },
    logError: () => {},
  });
  assert.equal((await d.serverResourcesForGroupVersion('apps/v1')).resources![0]!.name, 'deployments');
  const before = srv.requests.length;
  await d.serverResourcesForGroupVersion('apps/v1');
  assert.equal(srv.requests.length, before, 'kept in memory');
});
