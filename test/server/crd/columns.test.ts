// Printer columns of custom resources: JSONPath cells typed by column, dates as ages, the default
// Age column.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { customResourceTable } from '../../../src/server/crd/columns.ts';

const now = new Date('2024-01-01T01:00:00Z');
const obj = {
  apiVersion: 'stable.example.com/v1',
  kind: 'CronTab',
  metadata: { name: 'c1', creationTimestamp: '2024-01-01T00:00:00Z' },
  spec: { cronSpec: '* * * * *', replicas: 3, ratio: 1.5, on: true, tags: ['a', 'b'], nested: { x: 1 } },
  status: {
    conditions: [
      { type: 'Ready', status: 'False' },
      { type: 'Synced', status: 'True' },
    ],
  },
};

test('columns: Name first, then the declared ones with their types and priorities', () => {
  const t = customResourceTable([
    { name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec', description: 'When' },
    { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
    { name: 'Ratio', type: 'number', jsonPath: '.spec.ratio', priority: 1 },
    { name: 'On', type: 'boolean', jsonPath: '.spec.on' },
    { name: 'Tags', type: 'string', jsonPath: '.spec.tags' },
    { name: 'Nested', type: 'string', jsonPath: '.spec.nested' },
    { name: 'Synced', type: 'string', jsonPath: '.status.conditions[?(@.type=="Synced")].status' },
    { name: 'Missing', type: 'string', jsonPath: '.spec.nothing' },
    { name: 'Wrong', type: 'integer', jsonPath: '.spec.cronSpec' },
    { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
  ]);
  assert.deepEqual(
    t.columns.map((c) => [c.name, c.type, c.format, c.priority]),
    [
      ['Name', 'string', 'name', 0],
      ['Spec', 'string', '', 0],
      ['Replicas', 'integer', '', 0],
      ['Ratio', 'number', '', 1],
      ['On', 'boolean', '', 0],
      ['Tags', 'string', '', 0],
      ['Nested', 'string', '', 0],
      ['Synced', 'string', '', 0],
      ['Missing', 'string', '', 0],
      ['Wrong', 'integer', '', 0],
      ['Age', 'date', '', 0],
    ],
  );
  assert.equal(t.columns[1]!.description, 'When');
  assert.equal(t.columns[2]!.description, 'Custom resource definition column (in JSONPath format): .spec.replicas');
  assert.deepEqual(t.row(obj, now), ['c1', '* * * * *', 3, 1.5, true, '["a","b"]', '{"x":1}', 'True', null, null, '60m']);
});

test('no printer columns: Name and Age', () => {
  const t = customResourceTable(undefined);
  assert.deepEqual(t.columns.map((c) => [c.name, c.type]), [['Name', 'string'], ['Age', 'date']]);
  assert.deepEqual(t.row(obj, now), ['c1', '60m']);
  assert.deepEqual(customResourceTable([{ name: 'When', type: 'date', jsonPath: '.spec.cronSpec' }]).row(obj, now), ['c1', '<invalid>']);
});
