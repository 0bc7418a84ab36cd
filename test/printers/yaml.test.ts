import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { toYaml } from '../../src/printers/yaml.ts';
import { compareYamlKeys, sortYamlKeys } from '../../src/printers/yaml-key-order.ts';
import { formatYamlNumber, isYamlTimestamp, needsQuotes } from '../../src/printers/yaml-scalar.ts';
import { findKubectl, kubectlRender, NO_KUBECTL } from './kubectl-oracle.ts';
import { caseObject, printerCases } from './printer-cases.ts';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/kubectl-printers.json', import.meta.url), 'utf8')) as {
  kubectl: string;
  yaml: Record<string, string>;
};

test('toYaml: layout of maps, lists and scalars', () => {
  const doc = {
    spec: { containers: [{ name: 'web', args: ['a', 'b'], env: [] }], replicas: 3 },
    metadata: { name: 'x', labels: {} },
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    status: null,
  };
  assert.equal(
    toYaml(doc),
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  labels: {}',
      '  name: x',
      'spec:',
      '  containers:',
      '  - args:',
      '    - a',
      '    - b',
      '    env: []',
      '    name: web',
      '  replicas: 3',
      'status: null',
      '',
    ].join('\n'),
  );
});

test('toYaml: quoting and block styles', () => {
  const y = (v: unknown) => toYaml({ v });
  assert.equal(y('true'), 'v: "true"\n');
  assert.equal(y('y'), 'v: "y"\n');
  assert.equal(y(''), 'v: ""\n');
  assert.equal(y('0x1F'), 'v: "0x1F"\n');
  assert.equal(y('2024-01-02T03:04:05Z'), 'v: "2024-01-02T03:04:05Z"\n');
  assert.equal(y('a: b'), "v: 'a: b'\n");
  assert.equal(y("it's #1 "), "v: 'it''s #1 '\n");
  assert.equal(y('a\tb'), 'v: "a\\tb"\n');
  assert.equal(y('😀'), 'v: "\\U0001F600"\n');
  assert.equal(y('a\nb'), 'v: |-\n  a\n  b\n');
  assert.equal(y('a\nb\n'), 'v: |\n  a\n  b\n');
  assert.equal(y('a\n\n'), 'v: |+\n  a\n\n');
  assert.equal(y(' a\nb'), 'v: |2-\n   a\n  b\n');
  assert.equal(y('a \nb'), 'v: "a \\nb"\n');  // a space before a break rules out a block
  assert.equal(toYaml({ 'a\nb': 1 }), '? |-\n  a\n  b\n: 1\n');
  assert.equal(toYaml('x'), 'x\n');
  assert.equal(toYaml([]), '[]\n');
  assert.equal(toYaml([[1, 2], { a: 1, b: 2 }]), '- - 1\n  - 2\n- a: 1\n  b: 2\n');
});

test('toYaml: folds plain text after the word that crosses column 80', () => {
  const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
  assert.equal(
    toYaml({ description: words }),
    'description: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n' +
      '  word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23\n' +
      '  word24 word25 word26 word27 word28 word29\n',
  );
  // No fold inside a key, nor where a run of spaces would be lost.
  assert.equal(toYaml({ k: `${'x'.repeat(90)}  y` }), `k: ${'x'.repeat(90)}  y\n`);
});

test('needsQuotes follows go-yaml resolution', () => {
  for (const s of ['true', 'No', 'off', '~', 'null', '', '12', '-1', '+1', '012', '08', '0o7', '0b1', '1_000', '1e3', '.5', '1.',
    '.inf', '-.Inf', '1:30', '2024-02-29', '2024-1-2 3:4:5', '9223372036854775808', '0b-1']) {
    assert.equal(needsQuotes(s), true, s);
  }
  for (const s of ['yess', 'nUll', 'a', '1.2.3', '0x', '0xG', '_1', '1e999', '.iNf', 'inf', '1:60', '2024-02-30', '2023-02-29',
    '2024-01-02T03:04:05', '0xFFFFFFFFFFFFFFFFFFFF', '-0xFFFFFFFFFFFFFFFFFFFF', '<<x', '=']) {
    assert.equal(needsQuotes(s), false, s);
  }
  assert.equal(isYamlTimestamp('2024-01-02t03:04:05.1+05:30'), true);
  assert.equal(isYamlTimestamp('2024-01-02T03:04:05+25:00'), false);
});

test('formatYamlNumber matches Go', () => {
  assert.equal(formatYamlNumber(0), '0');
  assert.equal(formatYamlNumber(-7), '-7');
  assert.equal(formatYamlNumber(0.5), '0.5');
  assert.equal(formatYamlNumber(123456.5), '123456.5');
  assert.equal(formatYamlNumber(1234567.5), '1.2345675e+06');
  assert.equal(formatYamlNumber(0.0001), '0.0001');
  assert.equal(formatYamlNumber(0.00001), '1e-05');
  assert.equal(formatYamlNumber(2 ** 63), '9223372036854776000');
  assert.equal(formatYamlNumber(2 ** 64), '1.8446744073709552e+19');
  assert.equal(formatYamlNumber(1e21), '1e+21');
});

test('key order: digit runs compare as numbers, non-letters before letters', () => {
  assert.deepEqual(sortYamlKeys(['a10', 'a2', 'B', 'a', '-x', '1', '10', '9']), ['-x', '1', '9', '10', 'B', 'a', 'a2', 'a10']);
  assert.ok(compareYamlKeys('x9y', 'x10y') < 0);
  assert.ok(compareYamlKeys('a100', 'a19') > 0);
  assert.equal(compareYamlKeys('k', 'k'), 0);
});

test('toYaml matches recorded kubectl output for every case', () => {
  const cases = printerCases();
  assert.deepEqual(Object.keys(fixture.yaml).sort(), cases.map(([n]) => n).sort(), 'fixture out of date: run test/printers/gen-fixtures.ts');
  for (const [name, value] of cases) {
    assert.equal(toYaml(caseObject(name, value)), fixture.yaml[name], `case ${name} (recorded with kubectl ${fixture.kubectl})`);
  }
});

test('toYaml matches live kubectl -o yaml', (t) => {
  const bin = findKubectl();
  if (!bin) return t.skip(NO_KUBECTL);
  const cases = printerCases();
  const objects = cases.map(([name, value]) => caseObject(name, value));
  const docs = kubectlRender(bin, objects, 'yaml');
  cases.forEach(([name], i) => assert.equal(toYaml(objects[i]), docs[i], `case ${name}`));
});
