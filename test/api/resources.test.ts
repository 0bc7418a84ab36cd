import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinGroups, builtinResources, findBuiltin } from '../../src/api/resources.ts';
import { SKIP, V3_DOCS, readJson } from './upstream-data.ts';

const SERVED = [
  '/v1', 'apps/v1', 'batch/v1', 'autoscaling/v1', 'autoscaling/v2', 'networking.k8s.io/v1', 'policy/v1',
  'rbac.authorization.k8s.io/v1', 'storage.k8s.io/v1', 'coordination.k8s.io/v1', 'discovery.k8s.io/v1', 'events.k8s.io/v1',
  'scheduling.k8s.io/v1', 'node.k8s.io/v1', 'certificates.k8s.io/v1', 'apiextensions.k8s.io/v1',
  'admissionregistration.k8s.io/v1', 'authentication.k8s.io/v1', 'authorization.k8s.io/v1',
];

test('exactly the served group/versions, core first, preferred version first', () => {
  const gvs = [...new Set(builtinResources.map((r) => `${r.group}/${r.version}`))];
  assert.deepEqual([...gvs].sort(), [...SERVED].sort());
  assert.equal(builtinGroups()[0]!.name, '');
  assert.deepEqual(builtinGroups().find((g) => g.name === 'autoscaling')!.versions, ['v2', 'v1']);
});

test('groups and resources in upstream discovery order', { skip: SKIP }, () => {
  const aggregated = readJson('discovery/aggregated_v2.json');
  const upstreamOrder = aggregated.items.map((g: any) => g.metadata.name).filter((g: string) => builtinGroups().some((x) => x.name === g));
  assert.deepEqual(builtinGroups().slice(1).map((g) => g.name), upstreamOrder);
  const core = readJson('discovery/api__v1.json').resources.filter((r: any) => !r.name.includes('/')).map((r: any) => r.name);
  assert.deepEqual(builtinResources.filter((r) => r.group === '').map((r) => r.resource), core);
});

test('facts match the aggregated discovery document', { skip: SKIP }, () => {
  let compared = 0;
  for (const g of readJson('discovery/aggregated_v2.json').items) {
    for (const v of g.versions) {
      for (const r of v.resources) {
        const ours = findBuiltin(g.metadata.name, v.version, r.resource);
        if (!SERVED.includes(`${g.metadata.name}/${v.version}`)) {
          assert.equal(ours, undefined, `${r.resource}.${g.metadata.name}/${v.version} is not served`);
          continue;
        }
        assert.ok(ours, r.resource);
        assert.equal(ours.kind, r.responseKind.kind);
        assert.equal(ours.singular, r.singularResource);
        assert.equal(ours.namespaced, r.scope === 'Namespaced');
        assert.deepEqual(ours.verbs, r.verbs);
        assert.deepEqual(ours.shortNames ?? [], r.shortNames ?? []);
        assert.deepEqual(ours.categories ?? [], r.categories ?? []);
        assert.deepEqual(
          (ours.subresources ?? []).map((s) => [s.name, s.kind, s.group ?? '', s.version ?? '', s.verbs]),
          (r.subresources ?? []).map((s: any) => {
            const k = s.responseKind;
            const other = k.group !== '' && (k.group !== g.metadata.name || k.version !== v.version);
            return [s.subresource, k.kind, other ? k.group : '', other ? k.version : '', s.verbs];
          }),
        );
        compared++;
      }
    }
  }
  assert.ok(compared > 35, `${compared} resources compared`);
});

test('core facts and subresource kinds match the legacy discovery lists', { skip: SKIP }, () => {
  for (const [file, group] of [['discovery/api__v1.json', ''], ['discovery/apis__apps__v1.json', 'apps']] as const) {
    for (const r of readJson(file).resources) {
      const [resource, sub] = r.name.split('/');
      const ours = findBuiltin(group, 'v1', resource)!;
      if (!sub) {
        assert.equal(ours.kind, r.kind);
        assert.equal(ours.namespaced, r.namespaced);
        assert.deepEqual(ours.verbs, r.verbs);
        assert.deepEqual(ours.shortNames ?? [], r.shortNames ?? []);
        continue;
      }
      const s = ours.subresources!.find((x) => x.name === sub)!;
      assert.equal(s.kind, r.kind, r.name);
      assert.deepEqual(s.verbs, r.verbs, r.name);
      // deployments/scale → autoscaling/v1 Scale, pods/eviction → policy/v1 Eviction, serviceaccounts/token → TokenRequest.
      assert.equal(s.group ?? group, r.group ?? group, r.name);
      assert.equal(s.version ?? 'v1', r.version ?? 'v1', r.name);
    }
  }
  // v1.33 serves pods/resize, which the legacy snapshot predates.
  const resize = findBuiltin('', 'v1', 'pods')!.subresources!.find((s) => s.name === 'resize');
  assert.deepEqual(resize, { name: 'resize', kind: 'Pod', verbs: ['get', 'patch', 'update'] });
});

test('deleteReturnsObject matches the DELETE response kind of the upstream documents', { skip: SKIP }, () => {
  let compared = 0;
  for (const d of V3_DOCS) {
    const doc = readJson(`openapi-v3/${d.file}.json`);
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      const op = item.delete;
      if (op?.['x-kubernetes-action'] !== 'delete') continue;
      const resource = path.split('/').at(-2)!;
      const ours = findBuiltin(d.group, d.version, resource)!;
      const kind = op.responses['200'].content['application/json'].schema.$ref.split('.').at(-1);
      assert.equal(Boolean(ours.deleteReturnsObject), kind !== 'Status', path);
      compared++;
    }
  }
  assert.ok(compared > 15);
});
