// The encodings create relies on: Go's compact JSON, the last-applied annotation of typed and
// unstructured objects, and the typed client's view of server answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LAST_APPLIED, applyLastApplied, goCompactJson } from '../../../src/cli/create/last-applied.ts';
import { objectMeta, withAnnotations } from '../../../src/cli/create/objects.ts';
import { asTyped } from '../../../src/cli/create/typed.ts';
import { buildNamespace } from '../../../src/cli/create/simple.ts';

test('Go compact JSON: HTML-safe escapes, key order kept or sorted, newline', () => {
  assert.equal(goCompactJson({ b: '<&>', a: [1, null, true] }, false), '{"b":"\\u003c\\u0026\\u003e","a":[1,null,true]}\n');
  assert.equal(goCompactJson({ b: 1, a: { d: 1, c: undefined } }, true), '{"a":{"d":1},"b":1}\n');
});

test('last-applied of a typed object: struct order, no empty annotation map', () => {
  const obj = applyLastApplied(buildNamespace('n'), true, false);
  const meta = obj.metadata as Record<string, unknown>;
  assert.deepEqual(Object.keys(meta).filter((k) => meta[k] !== undefined), ['name', 'creationTimestamp', 'annotations']);
  assert.equal(
    (meta.annotations as Record<string, string>)[LAST_APPLIED],
    '{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"n","creationTimestamp":null},"spec":{},"status":{}}\n',
  );
});

test('last-applied of an unstructured object: sorted keys, an empty annotation map stays', () => {
  const obj = applyLastApplied({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'c', namespace: 'default' }, data: { k: 'v' } }, true, true);
  assert.equal(
    (obj.metadata as { annotations: Record<string, string> }).annotations[LAST_APPLIED],
    '{"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"c","namespace":"default"}}\n',
  );
});

test('an existing annotation is recomputed even without --save-config; none is added otherwise', () => {
  const stale = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'c', annotations: { [LAST_APPLIED]: 'old', x: 'y' } } };
  const fresh = applyLastApplied(stale, false, true);
  assert.equal((fresh.metadata as { annotations: Record<string, string> }).annotations[LAST_APPLIED], '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{"x":"y"},"name":"c"}}\n');
  const plain = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'c' } };
  assert.equal(applyLastApplied(plain, false, true), plain);
});

test('metadata keeps ObjectMeta order when annotations are added', () => {
  const meta = withAnnotations(objectMeta({ name: 'a', labels: { x: 'y' } }), { k: 'v' });
  assert.deepEqual(Object.keys(meta).filter((k) => meta[k] !== undefined), ['name', 'creationTimestamp', 'labels', 'annotations']);
});

test('typed view of a server answer: struct order, sorted maps, fields Go always writes', () => {
  const answer = {
    status: {},
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ image: 'x', name: 'c' }] }, metadata: { labels: { z: '1', a: '2' } } } },
    metadata: { uid: 'u', name: 'j', labels: { b: '1', a: '2' } },
    apiVersion: 'batch/v1',
    kind: 'Job',
  };
  const typed = asTyped(answer);
  assert.deepEqual(Object.keys(typed), ['kind', 'apiVersion', 'metadata', 'spec', 'status']);
  const meta = typed.metadata as Record<string, unknown>;
  assert.deepEqual(Object.keys(meta), ['name', 'uid', 'creationTimestamp', 'labels']);
  assert.deepEqual(Object.keys(meta.labels as object), ['a', 'b']);
  const template = (typed.spec as { template: { metadata: Record<string, unknown>; spec: { containers: Record<string, unknown>[] } } }).template;
  assert.equal(template.metadata.creationTimestamp, null);
  assert.deepEqual(Object.keys(template.spec.containers[0]!), ['name', 'image', 'resources']);
  // ordering only: nothing added
  assert.deepEqual(Object.keys(asTyped({ kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'n' } }, false)), ['kind', 'apiVersion', 'metadata']);
  // kinds the table does not know stay as they are
  const custom = { kind: 'Widget', apiVersion: 'example.com/v1', b: 1, a: 2 };
  assert.equal(asTyped(custom), custom);
});
