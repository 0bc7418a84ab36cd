import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowLines, selectRows, type ApiResourcesOptions } from '../../src/cli/api-resources.ts';

const lists = [
  {
    groupVersion: 'v1',
    resources: [
      { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['get', 'list'], shortNames: ['po'], categories: ['all'] },
      { name: 'bindings', singularName: 'binding', namespaced: true, kind: 'Binding', verbs: ['create'] },
      { name: 'nothing', singularName: '', namespaced: false, kind: 'Nothing', verbs: [] },
    ],
  },
  { groupVersion: 'apps/v1', resources: [{ name: 'deployments', singularName: 'deployment', namespaced: true, kind: 'Deployment', verbs: ['get', 'list', 'watch'], categories: ['all'] }] },
  { groupVersion: 'a.io/v1', resources: [{ name: 'zebras', singularName: 'zebra', namespaced: false, kind: 'Apple', verbs: ['get'] }] },
];
const base: ApiResourcesOptions = { output: '', sortBy: '', noHeaders: false, cached: false, verbs: [], categories: [] };
const names = (o: Partial<ApiResourcesOptions>) => selectRows(lists, { ...base, ...o }).map((r) => r.resource.name);

test('sorted by group, then name; resources without verbs left out', () => {
  assert.deepEqual(names({}), ['bindings', 'pods', 'zebras', 'deployments']);
  assert.deepEqual(names({ sortBy: 'kind' }), ['zebras', 'bindings', 'deployments', 'pods']);
  assert.deepEqual(names({ sortBy: 'name' }), ['bindings', 'deployments', 'pods', 'zebras']);
});

test('filters: group, scope, all verbs, all categories', () => {
  assert.deepEqual(names({ apiGroup: '' }), ['bindings', 'pods']);
  assert.deepEqual(names({ namespaced: false }), ['zebras']);
  assert.deepEqual(names({ verbs: ['get', 'list'] }), ['pods', 'deployments']);
  assert.deepEqual(names({ categories: ['all'] }), ['pods', 'deployments']);
  assert.deepEqual(names({ categories: ['all', 'other'] }), []);
});

test('rows as table cells, wide adds verbs and categories, name is resource.group', () => {
  const rows = selectRows(lists, { ...base, apiGroup: 'apps' });
  assert.deepEqual(rowLines(rows, { output: '', noHeaders: false }), ['NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND', 'deployments\t\tapps/v1\ttrue\tDeployment']);
  assert.deepEqual(rowLines(rows, { output: 'wide', noHeaders: true }), ['deployments\t\tapps/v1\ttrue\tDeployment\tget,list,watch\tall']);
  assert.deepEqual(rowLines(rows, { output: 'name', noHeaders: false }), ['deployments.apps']);
});
