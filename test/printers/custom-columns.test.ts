import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PrinterError, WatchEvent } from '../../src/printers/index.ts';
import { CustomColumnsPrinter, parseCustomColumnsSpec, parseCustomColumnsTemplate } from '../../src/printers/custom-columns.ts';

const pod = (name: string, images: string[], labels?: Record<string, string>) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: images.map((image) => ({ image })) },
});

const print = (printer: CustomColumnsPrinter, ...objs: unknown[]) => {
  let out = '';
  for (const o of objs) printer.printObj(o, { write: (s: string) => (out += s) });
  return out;
};

test('spec parsing relaxes paths and keeps headers as written', () => {
  assert.deepEqual(parseCustomColumnsSpec('NAME:metadata.name,Img:{.spec.containers[*].image},X:.a.b'), [
    { header: 'NAME', fieldSpec: '{.metadata.name}' },
    { header: 'Img', fieldSpec: '{.spec.containers[*].image}' },
    { header: 'X', fieldSpec: '{.a.b}' },
  ]);
  assert.deepEqual(parseCustomColumnsSpec('A:b:c'), [{ header: 'A', fieldSpec: '{.b:c}' }]);
  assert.throws(() => parseCustomColumnsSpec('bad'), { message: 'unexpected custom-columns spec: bad, expected <header>:<json-path-expr>' });
  assert.throws(() => parseCustomColumnsSpec(''), { message: 'custom-columns format specified but no custom columns given' });
  assert.throws(() => parseCustomColumnsSpec('A:{.x'), PrinterError);
});

test('template files: a header line and a spec line', () => {
  assert.deepEqual(parseCustomColumnsTemplate('NAME  IMAGE\r\nmetadata.name   {.spec.containers[0].image}\n\nignored\n'), [
    { header: 'NAME', fieldSpec: '{.metadata.name}' },
    { header: 'IMAGE', fieldSpec: '{.spec.containers[0].image}' },
  ]);
  assert.throws(() => parseCustomColumnsTemplate(''), { message: /^invalid template, missing header line\./ });
  assert.throws(() => parseCustomColumnsTemplate('A B\n'), { message: /^invalid template, missing spec line\./ });
  assert.throws(() => parseCustomColumnsTemplate('A B\n.x\n'), { message: "number of headers (2) and field specifications (1) don't match" });
});

test('cells: <none>, comma-joined results, Go formatting of maps', () => {
  const printer = new CustomColumnsPrinter(parseCustomColumnsSpec('NAME:.metadata.name,IMAGES:.spec.containers[*].image,LABELS:.metadata.labels'));
  const list = { apiVersion: 'v1', kind: 'List', items: [pod('a', ['nginx', 'busybox'], { app: 'web', b: 'c' }), pod('bb', [])] };
  assert.equal(print(printer, list), 'NAME   IMAGES          LABELS\na      nginx,busybox   map[app:web b:c]\nbb     <none>          <none>\n');
});

test('headers print again only when the shape of what is printed changes', () => {
  const printer = new CustomColumnsPrinter(parseCustomColumnsSpec('N:.metadata.name'));
  assert.equal(print(printer, pod('a', []), pod('b', []), new WatchEvent('ADDED', pod('c', []))), 'N\na\nb\nN\n<none>\n');
  assert.equal(print(new CustomColumnsPrinter(parseCustomColumnsSpec('T:.type,N:.object.metadata.name')), new WatchEvent('DELETED', pod('c', []))), 'T         N\nDELETED   c\n');
  assert.equal(print(new CustomColumnsPrinter(parseCustomColumnsSpec('N:.metadata.name'), true), pod('a', [])), 'a\n');
});
