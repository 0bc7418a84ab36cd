import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PrinterError } from '../../src/printers/index.ts';
import { UnsortableFieldError, sortObjects, sortTable } from '../../src/printers/sort.ts';

const obj = (name: string, value?: unknown) => ({ metadata: { name }, spec: value === undefined ? {} : { v: value } });
const names = (objs: { metadata: { name: string } }[]) => objs.map((o) => o.metadata.name);

test('numbers numerically, strings as quantities when both are, else byte-wise', () => {
  assert.deepEqual(names(sortObjects([obj('a', 10), obj('b', 9), obj('c', -1)], '.spec.v')), ['c', 'b', 'a']);
  assert.deepEqual(names(sortObjects([obj('a', '1Gi'), obj('b', '500Mi'), obj('c', '2')], '{.spec.v}')), ['c', 'b', 'a']);
  assert.deepEqual(names(sortObjects([obj('a', '10'), obj('b', '9')], 'spec.v')), ['b', 'a']);
  assert.deepEqual(names(sortObjects([obj('a', 'web-10'), obj('b', 'web-9'), obj('c', 'Web')], '.spec.v')), ['c', 'a', 'b']);
});

test('a missing or null field sorts first', () => {
  assert.deepEqual(names(sortObjects([obj('a', 'x'), obj('b'), obj('c', null)], '.spec.v')), ['b', 'c', 'a']);
});

test("kubectl's errors", () => {
  assert.throws(() => sortObjects([obj('a'), obj('b')], '.spec.v'), { message: 'couldn\'t find any field with path "{.spec.v}" in the list of objects' });
  assert.throws(() => sortObjects([obj('a', 1), obj('b', 'x')], '.spec.v'), UnsortableFieldError);
  assert.throws(() => sortObjects([obj('a', true), obj('b', false)], '.spec.v'), { message: 'Field {.spec.v} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: bool' });
  assert.throws(() => sortObjects([obj('a', 1)], '{.a'), PrinterError);
  assert.deepEqual(sortObjects([], '.x'), []);
});

test('Tables sort their rows by the rows\' objects', () => {
  const table = {
    kind: 'Table' as const, apiVersion: 'meta.k8s.io/v1',
    columnDefinitions: [{ name: 'Name', type: 'string' }],
    rows: ['b', 'c', 'a'].map((n) => ({ cells: [n], object: obj(n) })),
  };
  assert.deepEqual(sortTable(table, '.metadata.name').rows!.map((r) => r.cells[0]), ['a', 'b', 'c']);
  assert.throws(() => sortTable(table, '.nope'), { message: 'couldn\'t find any field with path "{.nope}" in the list of objects' });
  assert.throws(() => sortTable(table, '{.a['), { message: /^sorting error: / });
});
