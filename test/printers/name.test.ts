import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NamePrinter, PrinterError, WatchEvent, formatName } from '../../src/printers/index.ts';

const capture = (printer: NamePrinter, obj: unknown) => {
  let out = '';
  printer.printObj(obj, { write: (s: string) => (out += s) });
  return out;
};

test('kind lower-cased, group appended, operation after the name', () => {
  const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } };
  assert.equal(capture(new NamePrinter(), deploy), 'deployment.apps/web\n');
  assert.equal(capture(new NamePrinter('created'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }), 'configmap/c created\n');
  assert.equal(capture(new NamePrinter('created (dry run)'), deploy), 'deployment.apps/web created (dry run)\n');
  assert.equal(capture(new NamePrinter('deleted', true), deploy), 'deployment.apps/web\n');
  assert.equal(capture(new NamePrinter(), { apiVersion: 'foo.company.com/v1', kind: 'Test', metadata: { name: 't' } }), 'test.foo.company.com/t\n');
});

test('lists print each item; watch events their object', () => {
  const list = { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b' } }] };
  assert.equal(capture(new NamePrinter(), list), 'pod/a\npod/b\n');
  assert.equal(capture(new NamePrinter(), new WatchEvent('ADDED', list.items[0])), 'pod/a\n');
});

test('no name prints <unknown>; no apiVersion or kind is an error', () => {
  assert.equal(capture(new NamePrinter(), { apiVersion: 'v1', kind: 'Pod', metadata: {} }), 'pod/<unknown>\n');
  assert.equal(capture(new NamePrinter(), { apiVersion: 'v1', metadata: { name: 'x' } }), '<unknown>/x\n');
  assert.throws(() => capture(new NamePrinter(), { metadata: { name: 'x' } }), (e: unknown) => {
    return e instanceof PrinterError && e.message === 'missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type';
  });
  assert.equal(formatName({ group: '', kind: 'Namespace' }, 'n', 'labeled'), 'namespace/n labeled\n');
});
