import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  NamePrinter, OmitManagedFieldsPrinter, PrinterError, TablePrinter, WatchEvent, checkShowLabels,
  listItems, noPrinterMessage, outputFormats, printerFor, toList,
} from '../../src/printers/index.ts';
import { CustomColumnsPrinter } from '../../src/printers/custom-columns.ts';
import { JsonPathPrinter } from '../../src/printers/jsonpath-printer.ts';
import { GoTemplatePrinter } from '../../src/printers/template.ts';
import type { PrintOptions, ResourcePrinter } from '../../src/printers/index.ts';

const GET_ALLOWED = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
const render = (p: ResourcePrinter, obj: unknown) => {
  let out = '';
  p.printObj(obj, { write: (s: string) => (out += s) });
  return out;
};
const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', managedFields: [{ manager: 'm' }] }, data: { a: '1' } };
const fails = (format: string, options: PrintOptions, message: string | RegExp) =>
  assert.rejects(printerFor(format, options), (e: unknown) => e instanceof PrinterError && (typeof message === 'string' ? e.message === message : message.test(e.message)));

test("get: kubectl get's formats, in its order of trying", async () => {
  const get = { mode: 'get' as const };
  assert.ok((await printerFor('', get)) instanceof TablePrinter);
  assert.ok((await printerFor('wide', get)) instanceof TablePrinter);
  assert.ok((await printerFor('name', get)) instanceof NamePrinter);
  assert.ok((await printerFor('NAME', get)) instanceof NamePrinter);
  assert.ok((await printerFor('custom-columns=A:.kind', get)) instanceof CustomColumnsPrinter);
  assert.ok((await printerFor('jsonpath={.kind}', get)) instanceof JsonPathPrinter);
  assert.ok((await printerFor('', { ...get, template: '{{.kind}}' })) instanceof GoTemplatePrinter);
  assert.ok((await printerFor('custom-columns', { ...get, template: 'A:.kind' })) instanceof CustomColumnsPrinter);
  assert.ok((await printerFor('json', get)) instanceof OmitManagedFieldsPrinter);
  await fails('bogus', get, `unable to match a printer suitable for the output format "bogus", allowed formats are: ${GET_ALLOWED}`);
  await fails('WIDE', get, /output format "WIDE"/);
  await fails('custom-columns', get, 'custom-columns format specified but no custom columns given');
  await fails('custom-columns=x', get, 'unexpected custom-columns spec: x, expected <header>:<json-path-expr>');
  await fails('jsonpath', get, 'template format specified but no template given');
});

test('generic: -o "" is the success message; --template implies go-template unless -o was given', async () => {
  assert.equal(render(await printerFor('', { operation: 'labeled' }), cm), 'configmap/c labeled\n');
  assert.equal(render(await printerFor('name', { operation: 'labeled' }), cm), 'configmap/c\n');
  assert.equal(render(await printerFor('', { template: '{{.kind}}' }), cm), 'ConfigMap');
  assert.equal(render(await printerFor('yaml', { template: '{{.kind}}', outputChanged: true }), cm).split('\n')[0], 'apiVersion: v1');
  await fails('wide', {}, /allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml$/);
  await fails('bogus', { allowedFormats: ['json', 'yaml'] }, 'unable to match a printer suitable for the output format "bogus", allowed formats are: json,yaml');
  assert.equal(noPrinterMessage('x', ['b', 'a']), 'unable to match a printer suitable for the output format "x", allowed formats are: a,b');
});

test('json/yaml drop managedFields unless asked; watch events keep them', async () => {
  assert.ok(!render(await printerFor('json'), cm).includes('managedFields'));
  assert.ok(render(await printerFor('json', { showManagedFields: true }), cm).includes('managedFields'));
  assert.equal(render(await printerFor('json'), new WatchEvent('ADDED', cm)), '{"type":"ADDED","object":{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"managedFields":[{"manager":"m"}],"name":"c"}}}\n');
  const list = toList([cm, cm]);
  assert.ok(!render(await printerFor('yaml'), list).includes('managedFields'));
});

test('yaml separates every object after the first with ---', async () => {
  const p = await printerFor('yaml');
  assert.equal(render(p, { apiVersion: 'v1', kind: 'A' }) + render(p, { apiVersion: 'v1', kind: 'B' }), 'apiVersion: v1\nkind: A\n---\napiVersion: v1\nkind: B\n');
});

test('template files are read through readFile; failures in Go words', async () => {
  const files: Record<string, string> = { '/t': '{{.kind}}', '/p': '{.metadata.name}', '/c': 'NAME\n.metadata.name\n' };
  const readFile = (path: string) => {
    if (path in files) return files[path]!;
    throw Object.assign(new Error('nope'), { code: 'ENOENT' });
  };
  assert.equal(render(await printerFor('go-template-file=/t', { readFile }), cm), 'ConfigMap');
  assert.equal(render(await printerFor('templatefile=/t', { readFile }), cm), 'ConfigMap');
  assert.equal(render(await printerFor('jsonpath-file=/p', { readFile }), cm), 'c');
  assert.equal(render(await printerFor('custom-columns-file=/c', { readFile, mode: 'get' }), cm), 'NAME\nc\n');
  await fails('jsonpath-file=/x', { readFile }, 'error reading --template /x, open /x: no such file or directory');
  await fails('custom-columns-file=/x', { readFile, mode: 'get' }, 'error reading template /x, open /x: no such file or directory\n');
});

test('parse errors in kubectl words', async () => {
  await fails('go-template={{.a', {}, 'error parsing template {{.a, template: output:1: unclosed action');
  await fails('jsonpath={.a[', {}, /^error parsing jsonpath \{\.a\[, /);
});

test('--show-labels goes with tables only', async () => {
  checkShowLabels('', true);
  checkShowLabels('wide', true);
  checkShowLabels('json', false);
  assert.throws(() => checkShowLabels('json', true), { message: '--show-labels option cannot be used with json printer' });
});

test('lists: kubectl List wrapper and item kinds filled from the list', async () => {
  assert.deepEqual(toList([]), { apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '' } });
  assert.deepEqual(listItems({ apiVersion: 'apps/v1', kind: 'DeploymentList', items: [{ metadata: { name: 'd' } }, { apiVersion: 'x/v1', kind: 'X' }] }), [
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } },
    { apiVersion: 'x/v1', kind: 'X' },
  ]);
  assert.deepEqual(outputFormats('get').slice(-3), ['custom-columns', 'custom-columns-file', 'wide']);
});
