// The parts of `get` that need no server: option rules, error shapes, how fetched things are
// printed (tables across types, generic formats) and what a watch starts from.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiResource } from '../../../src/client/types.ts';
import type { Invocation } from '../../../src/cli/command.ts';
import { createCtx, type Ctx } from '../../../src/cli/ctx.ts';
import { CliError } from '../../../src/cli/errors.ts';
import { FlagSet, Flags } from '../../../src/cli/flags.ts';
import { GLOBAL_FLAGS, globalOptions } from '../../../src/cli/global-flags.ts';
import { MultipleErrors, unsortable } from '../../../src/cli/get/errors.ts';
import type { Info } from '../../../src/cli/get/fetch.ts';
import { FLAGS, checkRawPath, readOptions, validate, type GetOptions } from '../../../src/cli/get/flags.ts';
import { multipleKinds, printGeneric, printTables } from '../../../src/cli/get/print.ts';
import { resultObject } from '../../../src/cli/get/watch.ts';

function options(argv: string[]): GetOptions {
  const parsed = new FlagSet([...GLOBAL_FLAGS, ...FLAGS]).parse(argv);
  const inv: Invocation = { args: parsed.args, flags: new Flags(parsed), argsLenAtDash: -1, path: ['get'] };
  return readOptions(inv);
}

function testCtx(): Ctx & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const io = { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } };
  const ctx = createCtx(io, {}, 'kubectl', (home) => globalOptions(new Flags(new FlagSet(GLOBAL_FLAGS).parse([])), {}, home));
  const now = new Date('2026-01-01T00:10:00Z');
  return Object.assign(ctx, { now: () => now, out: () => out, err: () => err });
}

const resource = (kind: string, plural: string, namespaced: boolean, group = ''): ApiResource => ({
  group, version: 'v1', resource: plural, singular: kind.toLowerCase(), kind, namespaced, verbs: ['get', 'list'], shortNames: [], categories: [], preferred: true,
});
const CM = resource('ConfigMap', 'configmaps', true);
const NODE = resource('Node', 'nodes', false);

const row = (name: string, namespace: string, cells: unknown[]) => ({
  cells: [name, ...cells],
  object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name, namespace, creationTimestamp: '2026-01-01T00:00:00Z' } },
});
const table = (columns: string[], rows: ReturnType<typeof row>[]) => ({
  apiVersion: 'meta.k8s.io/v1', kind: 'Table', metadata: { resourceVersion: '7' },
  columnDefinitions: columns.map((name, i) => ({ name, type: 'string', format: i === 0 ? 'name' : '' })),
  rows,
});
const cm = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, ...extra });

test('server-side tables are asked for only for table output', () => {
  assert.equal(options(['cm']).humanReadable, true);
  assert.equal(options(['cm', '-o', 'wide']).humanReadable, true);
  assert.equal(options(['cm', '--template', '{{.x}}']).humanReadable, false);
  assert.equal(options(['cm', '-o', 'yaml']).serverPrint, false);
  assert.equal(options(['cm', '-o', 'jsonpath={.x}']).serverPrint, false);
  assert.equal(options(['cm', '-o', 'custom-columns-file=x']).serverPrint, false);
  assert.equal(options(['cm', '-o', 'name']).serverPrint, true);
});

test('validation follows kubectl\'s order and texts', () => {
  assert.throws(() => validate(options(['--raw', '/x', '-w'])), /--raw may not be specified with other flags/);
  assert.throws(() => validate(options(['--raw', '/x', '-o', 'json'])), /--raw and --output are mutually exclusive/);
  assert.throws(() => validate(options(['--raw', 'x'])), { message: '--raw must be a valid URL path: parse "x": invalid URI for request' });
  assert.throws(() => validate(options(['cm', '--show-labels', '-o', 'name'])), { message: '--show-labels option cannot be used with name printer' });
  assert.throws(() => validate(options(['cm', '--output-watch-events'])), /can only be used with --watch or --watch-only/);
  assert.doesNotThrow(() => validate(options(['cm', '--show-labels', '-o', 'wide', '-w', '--output-watch-events'])));
  assert.doesNotThrow(() => checkRawPath('https://host/x'));
});

test('several errors print one per line without a prefix; an unsortable field dies like klog', () => {
  const e = new MultipleErrors([new Error('one'), new Error('two')]);
  assert.equal(e.kubectlMessage(), 'one\ntwo');
  let err = '';
  const thrown = unsortable('Field {.data} in [][][]reflect.Value is an unsortable type: interface, err: x', { write: (s: string) => (err += s) });
  assert.ok(thrown instanceof CliError && thrown.message === '' && thrown.exitCode === 1);
  assert.match(err, /^F\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ sorter\.go:375\] Field \{\.data\}/);
  err = '';
  unsortable('Field {.data} in *unstructured.Unstructured is an unsortable type', { write: (s: string) => (err += s) });
  assert.match(err, /sorter\.go:329\]/);
});

test('names carry their kind only when kinds differ', () => {
  const infos = (...rs: ApiResource[]): Info[] => rs.map((r) => ({ resource: r, object: {} as Info['object'] }));
  assert.equal(multipleKinds(infos(CM, CM)), false);
  assert.equal(multipleKinds(infos(CM, NODE)), true);
  assert.equal(multipleKinds(infos(CM)), false);
});

test('tables: a blank line between types, NAMESPACE sticks once shown, errors after the output', async () => {
  const ctx = testCtx();
  const o = options(['cm,nodes', '-A']);
  const infos: Info[] = [
    { resource: CM, object: table(['Name', 'Data'], [row('a', 'default', [1]), row('b', 'team', [2])]) },
    { resource: NODE, object: table(['Name', 'Status'], [row('n1', '', ['Ready'])]) },
  ];
  await assert.rejects(printTables(ctx, o, 'default', infos, [new Error('boom')]), (e: unknown) => e instanceof MultipleErrors && e.kubectlMessage() === 'boom');
  assert.equal(
    ctx.out(),
    'NAMESPACE   NAME          DATA\ndefault     configmap/a   1\nteam        configmap/b   2\n\nNAMESPACE   NAME      STATUS\n            node/n1   Ready\n',
  );
});

test('tables: nothing printed means "No resources found", in the namespace when all types are namespaced', async () => {
  const empty = table(['Name'], []);
  let ctx = testCtx();
  await printTables(ctx, options(['cm']), 'team', [{ resource: CM, object: empty }], []);
  assert.equal(ctx.err(), 'No resources found in team namespace.\n');
  ctx = testCtx();
  await printTables(ctx, options(['cm,nodes']), 'team', [{ resource: CM, object: empty }, { resource: NODE, object: empty }], []);
  assert.equal(ctx.err(), 'No resources found\n');
  ctx = testCtx();
  await printTables(ctx, options(['cm', '--ignore-not-found']), 'team', [{ resource: CM, object: empty }], []);
  assert.equal(ctx.err(), '');
});

test('tables: several fetched objects are sorted as whole objects first', async () => {
  const ctx = testCtx();
  const infos: Info[] = [
    { resource: CM, object: { ...table(['Name'], [row('b', 'default', [])]), metadata: { resourceVersion: '9' } } },
    { resource: CM, object: { ...table(['Name'], [row('a', 'default', [])]), metadata: { resourceVersion: '10' } } },
  ];
  await printTables(ctx, options(['cm', 'b', 'a', '--sort-by=.metadata.resourceVersion']), 'default', infos, []);
  assert.equal(ctx.out(), 'NAME\nb\na\n');
  await assert.rejects(printTables(testCtx(), options(['cm', 'b', 'a', '--sort-by=.nope']), 'default', infos, []), {
    message: 'couldn\'t find any field with path "{.nope}" in the list of objects',
  });
});

test('generic output: one named object as itself, anything else as a List, sorted when asked', async () => {
  let ctx = testCtx();
  await printGeneric(ctx, options(['cm', 'a', '-o', 'name']), [{ resource: CM, object: cm('a') }], [], true);
  assert.equal(ctx.out(), 'configmap/a\n');
  ctx = testCtx();
  await printGeneric(ctx, options(['cm', '-o', 'jsonpath={.kind} {.items[*].metadata.name}', '--sort-by=.metadata.name']), [
    { resource: CM, object: cm('b') },
    { resource: CM, object: cm('a') },
  ], [], false);
  assert.equal(ctx.out(), 'List a b');
  // a named object that failed: only its error
  ctx = testCtx();
  await assert.rejects(printGeneric(ctx, options(['cm', 'x', '-o', 'json']), [], [new Error('gone')], true), { message: 'gone' });
  assert.equal(ctx.out(), '');
  // a list that partly failed: the List, then the error
  ctx = testCtx();
  await assert.rejects(printGeneric(ctx, options(['cm', 'a', 'x', '-o', 'name']), [{ resource: CM, object: cm('a') }], [new Error('gone')], false), { message: 'gone' });
  assert.equal(ctx.out(), 'configmap/a\n');
});

test('a watch starts from the list\'s resourceVersion, or from 0 for one named object', () => {
  const list = { apiVersion: 'v1', kind: 'ConfigMapList', metadata: { resourceVersion: '42' }, items: [] };
  assert.deepEqual(resultObject([{ resource: CM, object: list }], false), { isList: true, items: [], resourceVersion: '42', list });
  const t = table(['Name'], []);
  assert.deepEqual(resultObject([{ resource: CM, object: t }], false), { isList: true, items: [t], resourceVersion: '7' });
  assert.deepEqual(resultObject([{ resource: CM, object: cm('a') }], true), { isList: false, items: [cm('a')], resourceVersion: '0' });
  const other = { ...t, metadata: { resourceVersion: '8' } };
  assert.equal(resultObject([{ resource: CM, object: t }, { resource: CM, object: other }], false).resourceVersion, '');
});
