import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileCrdColumn, crdColumnCell } from '../../../src/api/jsonpath/crd-columns.ts';
import { JsonPathError } from '../../../src/api/jsonpath/jsonpath.ts';

const obj = {
  metadata: { name: 'x', creationTimestamp: '2024-01-02T03:04:05Z' },
  spec: { replicas: 3, ratio: 2.7, neg: -2.7, on: true, name: 'web', nothing: null, list: [{ n: 'a' }, { n: 'b' }], map: { k: 'v' } },
  status: { when: '2024-05-06T07:08:09.5+02:00', bad: 'yesterday', empty: '', zero: '0001-01-01T00:00:00Z' },
};
const cell = (jsonPath: string, type: string) => crdColumnCell(compileCrdColumn(jsonPath), type, obj);

test('a column path that does not parse', () => {
  assert.throws(() => compileCrdColumn('.spec['), new JsonPathError('unrecognized column definition ".spec["'));
});

test('string columns print the first result as -o jsonpath would', () => {
  assert.equal(cell('.spec.name', 'string'), 'web');
  assert.equal(cell('.spec.replicas', 'string'), '3');
  assert.equal(cell('.spec.map', 'string'), '{"k":"v"}');
  assert.equal(cell('.spec.list[*].n', 'string'), 'a');
  assert.equal(cell('.spec.nothing', 'string'), '<no value>');
  assert.equal(cell('.spec.missing', 'string'), null);
  assert.equal(cell('.spec.list[7]', 'string'), null); // evaluation errors leave the cell empty
});

test('typed columns convert or give up', () => {
  assert.equal(cell('.spec.replicas', 'integer'), 3);
  assert.equal(cell('.spec.ratio', 'integer'), 2);
  assert.equal(cell('.spec.neg', 'integer'), -2);
  assert.equal(cell('.spec.name', 'integer'), null);
  assert.equal(cell('.spec.replicas', 'number'), 3);
  assert.equal(cell('.spec.ratio', 'number'), 2.7);
  assert.equal(cell('.spec.on', 'boolean'), true);
  assert.equal(cell('.spec.name', 'boolean'), null);
  assert.equal(cell('.spec.nothing', 'integer'), null);
  assert.equal(cell('.spec.name', 'unknown-type'), null);
});

test('date columns: the time, for the server to show as an age', () => {
  assert.deepEqual(cell('.metadata.creationTimestamp', 'date'), { time: new Date('2024-01-02T03:04:05Z') });
  assert.deepEqual(cell('.status.when', 'date'), { time: new Date('2024-05-06T05:08:09.500Z') });
  assert.equal(cell('.status.bad', 'date'), '<invalid>');
  assert.deepEqual(cell('.status.empty', 'date'), { time: null });
  assert.deepEqual(cell('.status.zero', 'date'), { time: null });
  assert.equal(cell('.spec.replicas', 'date'), null);
});
