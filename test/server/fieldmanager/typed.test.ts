import assert from 'node:assert/strict';
import test from 'node:test';
import { builtinTypes } from '../../../src/api/types.ts';
import { pathString, sortedPaths, toFieldsV1 } from '../../../src/server/fieldmanager/path-set.ts';
import { Schema } from '../../../src/server/fieldmanager/typed.ts';
import { validateApplied } from '../../../src/server/fieldmanager/validate.ts';
import { THINGS } from './fixture.ts';

const things = new Schema(THINGS);
const THING = Schema.rootShape('test.Thing');
const fieldSet = (value: unknown) => sortedPaths(things.toFieldSet(THING, value)).map(pathString);

// Cases of structured-merge-diff's typed/toset_test.go, on an equivalent type.
test('ToFieldSet: leaves, set values, keyed items with their fields, atomic values whole', () => {
  assert.deepEqual(fieldSet({ numeric: 1, string: 'aoeu', bool: false }), ['.bool', '.numeric', '.string']);
  assert.deepEqual(fieldSet({ set: ['a', 'b', 'c', 'a', 'c'] }), ['.set[="a"]', '.set[="b"]', '.set[="c"]']);
  assert.deepEqual(fieldSet({ list: [{ name: 'a', value: 1 }, { name: 'b' }] }), [
    '.list[name="a"]',
    '.list[name="b"]',
    '.list[name="a"].name',
    '.list[name="a"].value',
    '.list[name="b"].name',
  ]);
  assert.deepEqual(fieldSet({ atomicList: ['a', 'a'] }), ['.atomicList']);
  assert.deepEqual(fieldSet({ atomicStruct: { numeric: 1 } }), ['.atomicStruct']);
  assert.deepEqual(fieldSet({ atomicMap: null }), ['.atomicMap']);
  assert.deepEqual(fieldSet({ list: [] }), []);
});

test('ToFieldSet: map entries are members; declared struct fields only when null or empty', () => {
  assert.deepEqual(fieldSet({ map: { a: 'x' }, struct: { numeric: 1 } }), ['.map.a', '.struct.numeric']);
  assert.deepEqual(fieldSet({ struct: {}, map: null }), ['.map', '.struct']);
});

test('ToFieldSet: a missing key field takes its schema default', () => {
  assert.deepEqual(fieldSet({ ports: [{ port: 80 }] }), ['.ports[port=80,protocol="TCP"]', '.ports[port=80,protocol="TCP"].port']);
});

test('schemaless objects: metadata typed, everything else deduced (every map entry a member)', () => {
  const s = new Schema(builtinTypes());
  const set = s.toFieldSet(Schema.rootShape(undefined), { apiVersion: 'x/v1', kind: 'X', metadata: { labels: { a: 'b' } }, spec: { foo: { bar: 1 }, list: [1] } });
  assert.deepEqual(toFieldsV1(set), {
    'f:apiVersion': {},
    'f:kind': {},
    'f:metadata': { 'f:labels': { 'f:a': {} } },
    'f:spec': { '.': {}, 'f:foo': { '.': {}, 'f:bar': {} }, 'f:list': {} },
  });
});

test('built-in schema: Deployment selector and nodeSelector atomic, container ports keyed with protocol', () => {
  const types = builtinTypes();
  const s = new Schema(types);
  const deployment = Schema.rootShape(types.typeNameForKind('apps', 'v1', 'Deployment'));
  const set = s.toFieldSet(deployment, {
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'app', ports: [{ containerPort: 80 }] }] } },
    },
  });
  assert.deepEqual(sortedPaths(set).map(pathString), [
    '.spec.selector',
    '.spec.template.spec.nodeSelector',
    '.spec.template.spec.containers[name="app"]',
    '.spec.template.spec.containers[name="app"].name',
    '.spec.template.spec.containers[name="app"].ports[containerPort=80,protocol="TCP"]',
    '.spec.template.spec.containers[name="app"].ports[containerPort=80,protocol="TCP"].containerPort',
  ]);
  const meta = s.toFieldSet(deployment, { metadata: { finalizers: ['a'], ownerReferences: [{ uid: 'u', name: 'o' }] } });
  // OwnerReference is an atomic struct: the item is owned whole.
  assert.deepEqual(sortedPaths(meta).map(pathString), ['.metadata.finalizers[="a"]', '.metadata.ownerReferences[uid="u"]']);
});

test('validation of an applied configuration: SMD messages and paths', () => {
  const v = (value: unknown) => validateApplied(things, THING, value);
  assert.equal(v({ apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 'x' }, list: [{ name: 'a' }] }), '');
  assert.equal(v({ nope: 1 }), '.nope: field not declared in schema');
  assert.equal(v({ struct: { numeric: 'one' } }), '.struct.numeric: expected numeric (int or float), got string');
  assert.equal(v({ string: 1 }), '.string: expected string, got &value.valueUnstructured{Value:1}');
  assert.equal(v({ bool: 'yes' }), '.bool: expected boolean, got &{yes}');
  assert.equal(v({ list: [{ name: 'a' }, { name: 'a' }] }), '.list: duplicate entries for key [name="a"]');
  assert.equal(v({ list: 'a' }), '.list: expected list, got &{a}');
  assert.equal(v({ struct: 3 }), '.struct: expected map, got &{3}');
  assert.equal(v({ list: [{ name: 'a', value: 'x' }] }), '.list[name="a"].value: expected numeric (int or float), got string');
  assert.equal(v({ atomicList: [1, 2] }), 'errors:\n  .atomicList[0]: expected string, got &value.valueUnstructured{Value:1}\n  .atomicList[1]: expected string, got &value.valueUnstructured{Value:2}');
  assert.equal(v({ set: [{ a: 1 }] }), ".set: element 0: associative list without keys has an element that's a map type");
});

test('validation: an item without any key field and no default is refused', () => {
  // Container.name defaults to "" in the OpenAPI, so a nameless container still has a key.
  const s = new Schema(builtinTypes());
  assert.equal(validateApplied(s, Schema.rootShape('io.k8s.api.core.v1.Pod'), { spec: { containers: [{ image: 'x' }] } }), '');
  assert.equal(
    validateApplied(things, THING, { keyed: [{ numeric: 1 }] }),
    '.keyed: element 0: associative list with keys has an element that omits all key fields ["string" "bool"] (and doesn\'t have default values for any key fields)',
  );
});
