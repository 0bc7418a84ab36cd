import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../src/api/object.ts';
import { isApiError } from '../../../src/server/status.ts';
import {
  buildTable, createTableRegistry, defaultTable, partialObjectMetadata, tableColumns, tableEntry, toTable,
} from '../../../src/server/tables/index.ts';
import type { TableEntry } from '../../../src/server/tables/index.ts';
import { NOW, ago, MINUTE, DAY } from './helpers.ts';

const pod = (name: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '42', creationTimestamp: ago(5 * MINUTE), ...extra },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
  status: { phase: 'Running' },
});

test('a list: metadata from the list, columns with priorities, rows with PartialObjectMetadata', () => {
  const t = toTable('', 'pods', [pod('a'), pod('b')], {
    now: NOW,
    listMeta: { resourceVersion: '100', continue: 'token', remainingItemCount: 0 },
  });
  assert.equal(t.kind, 'Table');
  assert.equal(t.apiVersion, 'meta.k8s.io/v1');
  assert.deepEqual(t.metadata, { resourceVersion: '100', continue: 'token', remainingItemCount: 0 });
  assert.deepEqual(
    t.columnDefinitions!.map((c) => [c.name, c.type, c.format, c.priority]),
    [
      ['Name', 'string', 'name', 0], ['Ready', 'string', '', 0], ['Status', 'string', '', 0], ['Restarts', 'string', '', 0],
      ['Age', 'string', '', 0], ['IP', 'string', '', 1], ['Node', 'string', '', 1], ['Nominated Node', 'string', '', 1],
      ['Readiness Gates', 'string', '', 1],
    ],
  );
  for (const c of t.columnDefinitions!) assert.equal(typeof c.description, 'string');
  assert.equal(t.rows!.length, 2);
  assert.deepEqual(t.rows![0]!.object, {
    kind: 'PartialObjectMetadata',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { name: 'a', namespace: 'default', uid: 'uid-a', resourceVersion: '42', creationTimestamp: ago(5 * MINUTE) },
  });
});

test('a single object: the table carries the object\'s resourceVersion', () => {
  const t = toTable('', 'pods', [pod('a')], { now: NOW });
  assert.deepEqual(t.metadata, { resourceVersion: '42' });
});

test('PartialObjectMetadata keeps all of ObjectMeta, managedFields included, in Go\'s shape', () => {
  const managedFields = [{ manager: 'kubectl', operation: 'Apply' as const, apiVersion: 'v1', time: ago(DAY), fieldsType: 'FieldsV1' as const, fieldsV1: {} }];
  const p = pod('a', { labels: { app: 'web' }, annotations: {}, finalizers: [], managedFields, generation: 0, deletionGracePeriodSeconds: 0 });
  const meta = partialObjectMetadata(p).metadata;
  assert.deepEqual(meta.managedFields, managedFields);
  assert.deepEqual(meta.labels, { app: 'web' });
  assert.equal('annotations' in meta, false);
  assert.equal('finalizers' in meta, false);
  assert.equal('generation' in meta, false);
  assert.equal(meta.deletionGracePeriodSeconds, 0);
  assert.deepEqual(Object.keys(meta), ['name', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp', 'deletionGracePeriodSeconds', 'labels', 'managedFields']);
  // an unset creationTimestamp is serialised as null, as Go's metav1.Time
  assert.deepEqual(partialObjectMetadata({ metadata: { name: 'x' } }).metadata, { name: 'x', creationTimestamp: null });
});

test('includeObject=Object puts the whole object; None leaves object null', () => {
  const p = pod('a');
  assert.deepEqual(toTable('', 'pods', [p], { now: NOW, includeObject: 'Object' }).rows![0]!.object, p);
  const none = toTable('', 'pods', [p], { now: NOW, includeObject: 'None' });
  assert.equal(none.rows![0]!.object, null);
  assert.match(JSON.stringify(none.rows![0]), /"object":null}$/);
});

test('an unknown includeObject is a BadRequest', () => {
  assert.throws(
    () => toTable('', 'pods', [pod('a')], { now: NOW, includeObject: 'Everything' }),
    (e: unknown) => isApiError(e) && e.code === 400 && e.status.message === 'unrecognized includeObject value: "Everything"',
  );
});

test('noHeaders leaves columnDefinitions null (watch events after the first)', () => {
  const t = toTable('', 'pods', [pod('a')], { now: NOW, noHeaders: true });
  assert.equal(t.columnDefinitions, null);
  assert.match(JSON.stringify(t), /"columnDefinitions":null/);
  assert.equal(t.rows!.length, 1);
});

test('the meta.k8s.io/v1beta1 Table names its PartialObjectMetadata v1beta1 too', () => {
  const t = toTable('', 'pods', [pod('a')], { now: NOW, apiVersion: 'meta.k8s.io/v1beta1' });
  assert.equal(t.apiVersion, 'meta.k8s.io/v1beta1');
  assert.equal((t.rows![0]!.object as KubeObject).apiVersion, 'meta.k8s.io/v1beta1');
});

test('empty lists: printers send rows [], the default convertor rows null', () => {
  assert.deepEqual(toTable('', 'pods', [], { now: NOW, listMeta: { resourceVersion: '1' } }).rows, []);
  assert.equal(toTable('', 'limitranges', [], { now: NOW, listMeta: { resourceVersion: '1' } }).rows, null);
});

test('kinds without a printer get Name and Created At (RFC3339)', () => {
  const lr: KubeObject = { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'limits', creationTimestamp: '2024-04-01T10:00:00Z' } };
  const t = toTable('', 'limitranges', [lr], { now: NOW });
  assert.deepEqual(t.columnDefinitions!.map((c) => [c.name, c.type, c.format]), [['Name', 'string', 'name'], ['Created At', 'date', '']]);
  assert.deepEqual(t.rows![0]!.cells, ['limits', '2024-04-01T10:00:00Z']);
  for (const [group, resource] of [
    ['rbac.authorization.k8s.io', 'roles'], ['rbac.authorization.k8s.io', 'clusterroles'],
    ['storage.k8s.io', 'csistoragecapacities'], ['apiextensions.k8s.io', 'customresourcedefinitions'],
    ['example.com', 'widgets'],
  ] as const) {
    assert.equal(tableEntry(group, resource), defaultTable, `${group}/${resource}`);
  }
});

test('subresources: /status shares the parent\'s table, /scale is the Scale table', () => {
  assert.equal(tableEntry('', 'pods/status'), tableEntry('', 'pods'));
  assert.deepEqual(tableColumns('apps', 'deployments/scale').map((c) => [c.name, c.type, c.format]), [
    ['Name', 'string', ''], ['Desired', 'integer', ''], ['Available', 'integer', ''], ['Age', 'string', ''],
  ]);
  const scale: KubeObject = { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web', creationTimestamp: ago(DAY) }, spec: { replicas: 3 }, status: { replicas: 2 } };
  assert.deepEqual(toTable('apps', 'deployments/scale', [scale], { now: NOW }).rows![0]!.cells, ['web', 3, 2, '24h']);
});

test('tableColumns returns copies, so callers cannot change the built-in set', () => {
  const cols = tableColumns('', 'pods');
  cols[0]!.name = 'changed';
  assert.equal(tableColumns('', 'pods')[0]!.name, 'Name');
});

test('a registry serves custom entries (a CRD\'s printer columns) before built-ins', () => {
  const widgets: TableEntry = {
    columns: [{ name: 'Name', type: 'string', format: 'name', description: '', priority: 0 }, { name: 'Size', type: 'integer', format: '', description: '', priority: 0 }],
    row: (o) => [o.metadata.name ?? '', (o.spec as { size: number }).size],
  };
  const registry = createTableRegistry();
  registry.register('example.com', 'widgets', widgets);
  const w: KubeObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w1' }, spec: { size: 3 } };
  assert.deepEqual(registry.toTable('example.com', 'widgets', [w], { now: NOW }).rows![0]!.cells, ['w1', 3]);
  assert.equal(registry.entryFor('example.com', 'widgets/status'), widgets);
  assert.deepEqual(registry.columns('example.com', 'widgets/scale').map((c) => c.name), ['Name', 'Desired', 'Available', 'Age']);
  assert.equal(registry.entryFor('', 'pods'), tableEntry('', 'pods'));
  registry.unregister('example.com', 'widgets');
  assert.equal(registry.entryFor('example.com', 'widgets'), defaultTable);
  // a second registry starts empty: no shared state
  assert.equal(createTableRegistry().entryFor('example.com', 'widgets'), defaultTable);
});

test('buildTable honours an entry\'s list order and row conditions', () => {
  const entry: TableEntry = {
    columns: [{ name: 'Name', type: 'string', format: 'name', description: '', priority: 0 }],
    row: (o) => [o.metadata.name ?? ''],
    conditions: (o) => (o.metadata.name === 'b' ? [{ type: 'Completed', status: 'True' }] : undefined),
    order: (list) => [...list].reverse(),
  };
  const t = buildTable(entry, [pod('a'), pod('b')], { now: NOW, includeObject: 'None', listMeta: {} });
  assert.deepEqual(t.rows, [
    { cells: ['b'], conditions: [{ type: 'Completed', status: 'True' }], object: null },
    { cells: ['a'], object: null },
  ]);
});
