import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JsonPathError, JsonPathPanic, parseJsonPath } from '../../../src/api/jsonpath/jsonpath.ts';

const nodes = {
  kind: 'List',
  items: [
    { metadata: { name: 'n1' }, status: { addresses: [{ type: 'InternalIP', address: '10.0.0.1' }], capacity: { cpu: '4' } } },
    { metadata: { name: 'n2' }, status: { addresses: [{ type: 'InternalIP', address: '10.0.0.2' }, { type: 'Hostname', address: 'n2' }] } },
  ],
};

test('templates print as kubectl -o jsonpath does', () => {
  const cases: [string, string][] = [
    ['{range .items[*]}{.metadata.name}, {end}{.kind}', 'n1, n2, List'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{end}', 'n1\tn2\t'],
    ['{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}', '10.0.0.1, 10.0.0.2, n2, '],
    ['{.items[*].status.addresses[?(@.type=="InternalIP")].address}', '10.0.0.1 10.0.0.2'],
    ['{.items[*].status.capacity}', '{"cpu":"4"}'],
    ['{.items[-1:].metadata.name}', 'n2'],
    ["{.items[*]['metadata.name', 'status.capacity']}", 'n1 n2 {"cpu":"4"}'],
  ];
  for (const [template, want] of cases) assert.equal(parseJsonPath(template).execute(nodes, { allowMissingKeys: true }), want, template);
});

test('missing keys: an error unless allowed', () => {
  const path = parseJsonPath('before-{.hello}after');
  assert.equal(path.execute(nodes, { allowMissingKeys: true }), 'before-after');
  assert.throws(() => path.execute(nodes), new JsonPathError('hello is not found'));
  // only when no input has the key
  assert.equal(parseJsonPath('{.items[*].status.capacity.cpu}').execute(nodes), '4');
});

test('findResults: one list per text or action, plain values', () => {
  const path = parseJsonPath('{.items[*].metadata.name}:{1.0}{range .x[*]}{@}{end}');
  assert.deepEqual(path.findResults({ items: nodes.items, x: [null, 2] }), [['n1', 'n2'], [':'], [1], [undefined], [2]]);
});

test('one parsed template serves many objects', () => {
  // client-go re-slices its parse tree during a range; evaluations here leave it alone
  const path = parseJsonPath('{range .items[*]}[{.metadata.name}]{end}{.kind}');
  assert.equal(path.execute(nodes), '[n1][n2]List');
  assert.equal(path.execute({ kind: 'X', items: [{ metadata: { name: 'a' } }] }), '[a]X');
  assert.equal(path.execute(nodes), '[n1][n2]List');
});

test('jsonpath-as-json prints each result list as an indented array', () => {
  assert.equal(
    parseJsonPath('{.items[*].metadata.name}{.kind}').execute(nodes, { outputJson: true }),
    '[\n    "n1",\n    "n2"\n]\n[\n    "List"\n]\n',
  );
});

test('where client-go panics, JsonPathPanic', () => {
  assert.throws(() => parseJsonPath('{range .a[*]}{[0]}{end}').execute({ a: [null] }), JsonPathPanic);
  assert.throws(() => parseJsonPath('{range .a[*]}{@}{end}').execute({ a: [null] }, { outputJson: true }), JsonPathPanic);
});

test('filter comparisons follow Go kinds', () => {
  const data = { l: [{ v: 1 }, { v: 2.5 }] };
  assert.equal(parseJsonPath('{.l[?(@.v==1)].v}').execute({ l: [{ v: 1 }, { v: 2 }] }), '1');
  assert.throws(() => parseJsonPath('{.l[?(@.v>1)].v}').execute(data), new JsonPathError('incompatible types for comparison'));
  assert.throws(() => parseJsonPath('{.l[?(@.v>1)].v}').execute({ l: [{ v: null }] }), new JsonPathError('invalid type for comparison'));
  assert.equal(parseJsonPath('{.l[?(@.v>1.0)].v}').execute({ l: [{ v: 0.5 }, { v: 2.5 }] }), '2.5');
  // an out-of-range index still "exists": client-go counts what the failing step returned
  assert.equal(parseJsonPath('{.l[?(@.a[5])].n}').execute({ l: [{ a: [1], n: 'x' }, { n: 'y' }] }, { allowMissingKeys: true }), 'x');
});
