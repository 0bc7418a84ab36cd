import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CustomColumnsPrinter, GoTemplatePrinter, JsonPathPrinter, NamePrinter, OmitManagedFieldsPrinter, PrinterError, TablePrinter, WatchEvent, checkShowLabels,
  listItems, noPrinterMessage, outputFormats, printerFor, toList,
} from '../../src/printers/index.ts';
import type { PrintOptions, ResourcePrinter } from '../../src/printers/index.ts';

const GET_ALLOWED = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
const render = (p: ResourcePrinter, obj: unknown) => {
  let out = '';
  p.printObj(obj, { write: (s: string) => (out += s) });
  return out;
};
const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', managedFields: [{ manager: 'm' }] }, data: { a: '1' } };
const fails = (format: string, options: PrintOptions, message: string | RegExp) =>
  assert.throws(() => printerFor(format, options), (e: unknown) => e instanceof PrinterError && (typeof message === 'string' ? e.message === message : message.test(e.message)));

test("get: kubectl get's formats, in its order of trying", () => {
  const get = { mode: 'get' as const };
  assert.ok(printerFor('', get) instanceof TablePrinter);
  assert.ok(printerFor('wide', get) instanceof TablePrinter);
  assert.ok(printerFor('name', get) instanceof NamePrinter);
  assert.ok(printerFor('NAME', get) instanceof NamePrinter);
  assert.ok(printerFor('custom-columns=A:.kind', get) instanceof CustomColumnsPrinter);
  assert.ok(printerFor('jsonpath={.kind}', get) instanceof JsonPathPrinter);
  assert.ok(printerFor('', { ...get, template: '{{.kind}}' }) instanceof GoTemplatePrinter);
  assert.ok(printerFor('custom-columns', { ...get, template: 'A:.kind' }) instanceof CustomColumnsPrinter);
  assert.ok(printerFor('json', get) instanceof OmitManagedFieldsPrinter);
  fails('bogus', get, `unable to match a printer suitable for the output format "bogus", allowed formats are: ${GET_ALLOWED}`);
  fails('WIDE', get, /output format "WIDE"/);
  fails('custom-columns', get, 'custom-columns format specified but no custom columns given');
  fails('custom-columns=x', get, 'unexpected custom-columns spec: x, expected <header>:<json-path-expr>');
  fails('jsonpath', get, 'template format specified but no template given');
});

test('generic: -o "" is the success message; --template implies go-template unless -o was given', () => {
  assert.equal(render(printerFor('', { operation: 'labeled' }), cm), 'configmap/c labeled\n');
  assert.equal(render(printerFor('name', { operation: 'labeled' }), cm), 'configmap/c\n');
  assert.equal(render(printerFor('', { template: '{{.kind}}' }), cm), 'ConfigMap');
  assert.equal(render(printerFor('yaml', { template: '{{.kind}}', outputChanged: true }), cm).split('\n')[0], 'apiVersion: v1');
  fails('wide', {}, /allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml$/);
  fails('bogus', { allowedFormats: ['json', 'yaml'] }, 'unable to match a printer suitable for the output format "bogus", allowed formats are: json,yaml');
  assert.equal(noPrinterMessage('x', ['b', 'a']), 'unable to match a printer suitable for the output format "x", allowed formats are: a,b');
});

test('json/yaml drop managedFields unless asked; watch events keep them', () => {
  assert.ok(!render(printerFor('json'), cm).includes('managedFields'));
  assert.ok(render(printerFor('json', { showManagedFields: true }), cm).includes('managedFields'));
  assert.equal(render(printerFor('json'), new WatchEvent('ADDED', cm)), '{"type":"ADDED","object":{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"managedFields":[{"manager":"m"}],"name":"c"}}}\n');
  const list = toList([cm, cm]);
  assert.ok(!render(printerFor('yaml'), list).includes('managedFields'));
});

test('yaml separates every object after the first with ---', () => {
  const p = printerFor('yaml');
  assert.equal(render(p, { apiVersion: 'v1', kind: 'A' }) + render(p, { apiVersion: 'v1', kind: 'B' }), 'apiVersion: v1\nkind: A\n---\napiVersion: v1\nkind: B\n');
});

test('template files are read through readFile; failures in Go words', () => {
  const files: Record<string, string> = { '/t': '{{.kind}}', '/p': '{.metadata.name}', '/c': 'NAME\n.metadata.name\n' };
  const readFile = (path: string) => {
    if (path in files) return files[path]!;
    throw Object.assign(new Error('nope'), { code: 'ENOENT' });
  };
  assert.equal(render(printerFor('go-template-file=/t', { readFile }), cm), 'ConfigMap');
  assert.equal(render(printerFor('templatefile=/t', { readFile }), cm), 'ConfigMap');
  assert.equal(render(printerFor('jsonpath-file=/p', { readFile }), cm), 'c');
  assert.equal(render(printerFor('custom-columns-file=/c', { readFile, mode: 'get' }), cm), 'NAME\nc\n');
  fails('jsonpath-file=/x', { readFile }, 'error reading --template /x, open /x: no such file or directory');
  fails('custom-columns-file=/x', { readFile, mode: 'get' }, 'error reading template /x, open /x: no such file or directory\n');
});

test('parse errors in kubectl words', () => {
  fails('go-template={{.a', {}, 'error parsing template {{.a, template: output:1: unclosed action');
  fails('jsonpath={.a[', {}, /^error parsing jsonpath \{\.a\[, /);
});

test('--show-labels goes with tables only', () => {
  checkShowLabels('', true);
  checkShowLabels('wide', true);
  checkShowLabels('json', false);
  assert.throws(() => checkShowLabels('json', true), { message: '--show-labels option cannot be used with json printer' });
});

test('lists: kubectl List wrapper and item kinds filled from the list', () => {
  assert.deepEqual(toList([]), { apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '' } });
  assert.deepEqual(listItems({ apiVersion: 'apps/v1', kind: 'DeploymentList', items: [{ metadata: { name: 'd' } }, { apiVersion: 'x/v1', kind: 'X' }] }), [
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } },
    { apiVersion: 'x/v1', kind: 'X' },
  ]);
  assert.deepEqual(outputFormats('get').slice(-3), ['custom-columns', 'custom-columns-file', 'wide']);
});
