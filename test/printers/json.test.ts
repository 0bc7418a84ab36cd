import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { goJsonString, toJson } from '../../src/printers/json.ts';
import { findKubectl, kubectlRender, NO_KUBECTL } from './kubectl-oracle.ts';
import { caseObject, printerCases } from './printer-cases.ts';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/kubectl-printers.json', import.meta.url), 'utf8')) as {
  kubectl: string;
  json: Record<string, string>;
};

test('toJson: four-space indent, sorted keys, compact empties', () => {
  assert.equal(
    toJson({ b: [1, { d: null, c: true }], a: {}, e: [] }),
    '{\n    "a": {},\n    "b": [\n        1,\n        {\n            "c": true,\n            "d": null\n        }\n    ],\n    "e": []\n}\n',
  );
  assert.equal(toJson({ b: 1, a: 2 }, { sortKeys: false }), '{\n    "b": 1,\n    "a": 2\n}\n');
  assert.equal(toJson([]), '[]\n');
});

test('goJsonString escapes like encoding/json', () => {
  assert.equal(goJsonString('<a href="x">&</a>'), '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"');
  assert.equal(goJsonString('\b\f\n\r\t\u0001\u001f\u007f'), '"\\b\\f\\n\\r\\t\\u0001\\u001f\u007f"');
  assert.equal(goJsonString('\u2028\u2029é😀'), '"\\u2028\\u2029é😀"');
  assert.equal(goJsonString('a\ud800b'), '"a\ufffdb"');
});

test('toJson: key order is by code point, as Go sorts UTF-8 bytes', () => {
  const out = toJson({ '\uff01': 1, '😀': 2, a: 3 });
  assert.ok(out.indexOf('"a"') < out.indexOf('"\uff01"') && out.indexOf('"\uff01"') < out.indexOf('"😀"'), out);
});

test('toJson matches recorded kubectl output for every case', () => {
  const cases = printerCases();
  assert.deepEqual(Object.keys(fixture.json).sort(), cases.map(([n]) => n).sort(), 'fixture out of date: run test/printers/gen-fixtures.ts');
  for (const [name, value] of cases) {
    assert.equal(toJson(caseObject(name, value)), fixture.json[name], `case ${name} (recorded with kubectl ${fixture.kubectl})`);
  }
});

test('toJson matches live kubectl -o json', (t) => {
  const bin = findKubectl();
  if (!bin) return t.skip(NO_KUBECTL);
  const cases = printerCases();
  const objects = cases.map(([name, value]) => caseObject(name, value));
  const docs = kubectlRender(bin, objects, 'json');
  cases.forEach(([name], i) => assert.equal(toJson(objects[i]), docs[i], `case ${name}`));
});
