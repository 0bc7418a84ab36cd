import assert from 'node:assert/strict';
import test from 'node:test';
import {
  fieldElement,
  fromFieldsV1,
  goJson,
  keyElement,
  pathKey,
  pathString,
  sortedPaths,
  toFieldsV1,
  valueElement,
} from '../../../src/server/fieldmanager/path-set.ts';

const p = (...els: string[]) => pathKey(els);

test('FieldsV1 nests paths, "." marks a member that has children, elements sorted fields < keys < values', () => {
  const list = fieldElement('ports');
  const k80 = keyElement({ protocol: 'TCP', containerPort: 80 });
  const set = new Set([
    p('f:spec', 'f:replicas'),
    p('f:spec', list, k80),
    p('f:spec', list, k80, 'f:containerPort'),
    p('f:metadata', 'f:labels', 'f:app'),
    p('f:spec', 'f:set', valueElement('b')),
    p('f:spec', 'f:set', valueElement('a')),
  ]);
  const encoded = toFieldsV1(set);
  assert.equal(
    JSON.stringify(encoded),
    JSON.stringify({
      'f:metadata': { 'f:labels': { 'f:app': {} } },
      'f:spec': {
        'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
        'f:replicas': {},
        'f:set': { 'v:"a"': {}, 'v:"b"': {} },
      },
    }),
  );
  assert.deepEqual(fromFieldsV1(encoded), set);
});

test('keys and values order by value, numbers numerically (value.Compare)', () => {
  const set = new Set([9, 10, 100].map((port) => p('f:ports', keyElement({ port }))));
  assert.deepEqual(Object.keys(toFieldsV1(set)['f:ports'] as object), ['k:{"port":9}', 'k:{"port":10}', 'k:{"port":100}']);
  const mixed = new Set([p('f:s', valueElement('x')), p('f:s', valueElement(2)), p('f:s', valueElement(true))]);
  assert.deepEqual(Object.keys(toFieldsV1(mixed)['f:s'] as object), ['v:2', 'v:"x"', 'v:true']);
});

test('fromFieldsV1 canonicalises keys written differently', () => {
  const a = fromFieldsV1({ 'f:ports': { 'k:{"protocol": "TCP", "port": 80}': {} } });
  const b = fromFieldsV1({ 'f:ports': { 'k:{"port":80,"protocol":"TCP"}': {} } });
  assert.deepEqual(a, b);
});

test('paths print as fieldpath.Path.String', () => {
  assert.equal(pathString(p('f:spec', 'f:containers', keyElement({ name: 'app' }), 'f:image')), '.spec.containers[name="app"].image');
  assert.equal(pathString(p('f:ports', keyElement({ protocol: 'TCP', containerPort: 80 }))), '.ports[containerPort=80,protocol="TCP"]');
  assert.equal(pathString(p('f:finalizers', valueElement('a/b'))), '.finalizers[="a/b"]');
  assert.equal(pathString(p('f:items', 'i:3')), '.items[3]');
});

test('iteration order: members of a level before the paths below it', () => {
  const set = new Set([p('f:spec', 'f:template', 'f:x'), p('f:spec', 'f:replicas'), p('f:metadata', 'f:labels', 'f:a'), p('f:apiVersion')]);
  assert.deepEqual(sortedPaths(set).map(pathString), ['.apiVersion', '.metadata.labels.a', '.spec.replicas', '.spec.template.x']);
});

test('goJson writes as Go: sorted keys, HTML characters escaped', () => {
  assert.equal(goJson({ b: 1, a: { d: '<&>', c: [true] } }), '{"a":{"c":[true],"d":"\\u003c\\u0026\\u003e"},"b":1}');
});
