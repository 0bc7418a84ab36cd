import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GetTableOutput, TabWriter, WatchEvent } from '../../src/printers/index.ts';
import type { Table } from '../../src/printers/index.ts';
import { TablePrinter, labelHeader } from '../../src/printers/table.ts';
import type { TablePrintOptions } from '../../src/printers/table.ts';

const meta = (name: string, namespace?: string, labels?: Record<string, string>) => ({
  kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name, namespace, labels },
});

function podTable(): Table {
  return {
    kind: 'Table', apiVersion: 'meta.k8s.io/v1',
    columnDefinitions: [
      { name: 'Name', type: 'string', format: 'name' },
      { name: 'Ready', type: 'string' },
      { name: 'Restarts', type: 'integer' },
      { name: 'IP', type: 'string', priority: 1 },
    ],
    rows: [
      { cells: ['web-1', '1/1', 0, '10.0.0.1'], object: meta('web-1', 'default', { app: 'web', 'app.kubernetes.io/name': 'shop' }) },
      { cells: ['db', '0/1', 12, null], object: meta('db', 'data') },
    ],
  };
}

function print(obj: unknown, options: TablePrintOptions = {}): string {
  let out = '';
  new TablePrinter(options).printObj(obj, { write: (s: string) => (out += s) });
  return out;
}

test('headers upper-cased; priority columns only in wide mode', () => {
  assert.equal(print(podTable()), 'NAME    READY   RESTARTS\nweb-1   1/1     0\ndb      0/1     12\n');
  assert.equal(print(podTable(), { wide: true }), 'NAME    READY   RESTARTS   IP\nweb-1   1/1     0          10.0.0.1\ndb      0/1     12         \n');
  assert.equal(print(podTable(), { noHeaders: true }), 'web-1   1/1   0\ndb      0/1   12\n');
});

test('no rows: nothing at all, not even headers', () => {
  assert.equal(print({ ...podTable(), rows: [] }), '');
});

test('-A, --show-kind, -L and --show-labels decorate the table', () => {
  const out = print(podTable(), {
    withNamespace: true, withKind: true, kind: { group: 'apps', kind: 'Pod' }, columnLabels: ['app', 'app.kubernetes.io/name'], showLabels: true,
  });
  assert.equal(
    out,
    'NAMESPACE   NAME             READY   RESTARTS   APP   NAME   LABELS\n' +
      'default     pod.apps/web-1   1/1     0          web   shop   app.kubernetes.io/name=shop,app=web\n' +
      'data        pod.apps/db      0/1     12                      <none>\n',
  );
});

test('cells: strings cut at a line break, escapes made visible, other values as Go prints them', () => {
  const table: Table = {
    kind: 'Table', apiVersion: 'meta.k8s.io/v1',
    columnDefinitions: [{ name: 'A', type: 'string' }, { name: 'B', type: 'string' }],
    rows: [
      { cells: ['line1\nline2', 1.5] },
      { cells: ['\x1b[1mbold', { k: 'v' }] },
      { cells: [true, ['x', 2]] },
    ],
  };
  assert.equal(print(table), 'A           B\nline1...    1.5\n^[[1mbold   map[k:v]\ntrue        [x 2]\n');
});

test('rows without an object: the namespace cell is empty', () => {
  const table = podTable();
  table.rows = table.rows!.map((r) => ({ cells: r.cells }));
  assert.equal(print(table, { withNamespace: true }), 'NAMESPACE   NAME    READY   RESTARTS\n            web-1   1/1     0\n            db      0/1     12\n');
});

test('watch: headers once, widths remembered, EVENT column padded to eight', () => {
  let out = '';
  const w = new TabWriter({ write: (s: string) => (out += s) });
  const printer = new TablePrinter({});
  printer.printObj(new WatchEvent('ADDED', podTable()), w);
  w.flush();
  // later events carry no column definitions
  const row = { cells: ['a-much-longer-pod-name', '1/1', 3, ''], object: meta('x', 'default') };
  printer.printObj(new WatchEvent('MODIFIED', { kind: 'Table', apiVersion: 'meta.k8s.io/v1', columnDefinitions: null, rows: [row] }), w);
  w.flush();
  printer.printObj(new WatchEvent('DELETED', { kind: 'Table', apiVersion: 'meta.k8s.io/v1', rows: [row] }), w);
  w.flush();
  assert.equal(
    out,
    'EVENT      NAME    READY   RESTARTS\n' +
      'ADDED      web-1   1/1     0\n' +
      'ADDED      db      0/1     12\n' +
      'MODIFIED   a-much-longer-pod-name   1/1     3\n' +
      'DELETED    a-much-longer-pod-name   1/1     3\n',
  );
});

test('new column definitions print a new header', () => {
  let out = '';
  const w = new TabWriter({ write: (s: string) => (out += s) });
  const printer = new TablePrinter({ noHeaders: false });
  printer.printObj(podTable(), w);
  printer.printObj(podTable(), w);
  printer.printObj({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', columnDefinitions: [{ name: 'X', type: 'string' }], rows: [{ cells: ['y'] }] }, w);
  w.flush();
  assert.equal(out, 'NAME    READY   RESTARTS\nweb-1   1/1     0\ndb      0/1     12\nweb-1   1/1     0\ndb      0/1     12\nX\ny\n');
});

test('anything but a Table: NAME and AGE computed here', () => {
  const now = new Date('2024-05-01T12:00:00Z');
  const list = {
    kind: 'List', apiVersion: 'v1',
    items: [
      { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'a', namespace: 'x', creationTimestamp: '2024-05-01T11:58:00Z', labels: { k: 'v' } } },
      { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'bbbbbb', namespace: 'y', creationTimestamp: '2024-04-29T12:00:00Z' } },
    ],
  };
  assert.equal(print(list, { now: () => now }), 'NAME     AGE\na        2m\nbbbbbb   2d\n');
  assert.equal(
    print(list, { now: () => now, withNamespace: true, withKind: true, kind: { group: '', kind: 'ConfigMap' }, showLabels: true, columnLabels: ['k'] }),
    'NAMESPACE   NAME               AGE   K     LABELS\nx           configmap/a        2m    v     k=v\ny           configmap/bbbbbb   2d          <none>\n',
  );
});

test('a Status prints STATUS, REASON and MESSAGE, after a blank line when the handler changes', () => {
  let out = '';
  const w = { write: (s: string) => (out += s) };
  const printer = new TablePrinter({ now: () => new Date('2024-01-01T00:00:10Z') });
  printer.printObj({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'a', creationTimestamp: '2024-01-01T00:00:00Z' } }, w);
  printer.printObj({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', message: 'gone' }, w);
  assert.equal(out, 'NAME   AGE\na      10s\n\nSTATUS    REASON     MESSAGE\nFailure   NotFound   gone\n');
});

test('labelHeader', () => {
  assert.equal(labelHeader('app.kubernetes.io/name'), 'NAME');
  assert.equal(labelHeader('tier'), 'TIER');
});

test('GetTableOutput: a table per resource type, a blank line between, widths reset, sort errors dropped', async () => {
  let out = '';
  const output = await GetTableOutput.create({ write: (s: string) => (out += s) }, { multipleKinds: true, sortBy: '.metadata.name' });
  const pods = { resource: 'pods', group: '', kind: 'Pod', namespaced: true };
  const cms = { resource: 'configmaps', group: '', kind: 'ConfigMap', namespaced: true };
  const cmTable = (...names: string[]): Table => ({
    kind: 'Table', apiVersion: 'meta.k8s.io/v1', columnDefinitions: [{ name: 'Name', type: 'string', format: 'name' }],
    rows: names.map((n) => ({ cells: [n], object: meta(n) })),
  });
  output.print(podTable(), pods);
  output.print(cmTable('z', 'a'), cms);
  output.print({ ...cmTable('q', 'p'), rows: cmTable('q', 'p').rows!.map((r) => ({ cells: r.cells, object: {} })) }, { ...cms, resource: 'secrets', kind: 'Secret' });
  output.flush();
  assert.equal(out, 'NAME        READY   RESTARTS\npod/db      0/1     12\npod/web-1   1/1     0\n\nNAME\nconfigmap/a\nconfigmap/z\n');
  assert.equal(output.written, out.length - 1);
});
