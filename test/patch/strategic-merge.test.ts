// Applying strategic merge patches: the documented behaviours, one per test, with explicit results.
// (differential.test.ts compares many more cases with kubectl.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type Json, type JsonObject, PatchError, schemaForKind, schemaless, strategicMergePatch, typedSchema,
} from '../../src/patch/index.ts';

const podSchema = schemaForKind('', 'v1', 'Pod')!;
const deploymentSchema = schemaForKind('apps', 'v1', 'Deployment')!;

const pod = (spec: JsonObject, metadata: JsonObject = {}): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...metadata }, spec });
const names = (list: Json) => (list as JsonObject[]).map((c) => c.name);

function fails(fn: () => unknown, kind: string, message: string | RegExp) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof PatchError, String(e));
    assert.equal(e.kind, kind);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    return true;
  });
}

test('maps merge recursively; null deletes; nulls with nothing to delete vanish', () => {
  const out = strategicMergePatch(pod({}, { labels: { a: '1', b: '2' } }), { metadata: { labels: { a: null, c: '3', d: null } } }, podSchema);
  assert.deepEqual((out.metadata as JsonObject).labels, { b: '2', c: '3' });
});

test('the inputs are left untouched', () => {
  const original = pod({ containers: [{ name: 'a', image: 'x' }] });
  const patch: JsonObject = { spec: { containers: [{ name: 'a', image: 'y' }, { name: 'b', $patch: 'delete' }] } };
  const before = [JSON.stringify(original), JSON.stringify(patch)];
  strategicMergePatch(original, patch, podSchema);
  assert.deepEqual([JSON.stringify(original), JSON.stringify(patch)], before);
});

test('merge lists merge items by key; patch items lead where the live order cannot place them', () => {
  const original = pod({ containers: [{ name: 'a', image: 'a1' }, { name: 'b', image: 'b1' }] });
  const out = strategicMergePatch(original, { spec: { containers: [{ name: 'z', image: 'z' }, { name: 'b', image: 'b2' }, { name: 'y', image: 'y' }] } }, podSchema);
  const containers = (out.spec as JsonObject).containers as JsonObject[];
  // Live-only "a" precedes patch item "b" (live order), but not "z", which the live list lacks.
  assert.deepEqual(names(containers), ['z', 'a', 'b', 'y']);
  assert.equal(containers[2]!.image, 'b2');
});

test('lists without a strategy are replaced; so are all lists without a schema', () => {
  const original = pod({ containers: [{ name: 'a', args: ['x', 'y'] }], tolerations: [{ key: 'a' }] });
  const out = strategicMergePatch(original, { spec: { tolerations: [{ key: 'b' }], containers: [{ name: 'a', args: ['z'] }] } }, podSchema);
  assert.deepEqual((out.spec as JsonObject).tolerations, [{ key: 'b' }]);
  assert.deepEqual((out.spec as JsonObject).containers, [{ name: 'a', args: ['z'] }]);
  const loose = strategicMergePatch(original, { spec: { containers: [{ name: 'b' }] } }, schemaless);
  assert.deepEqual((loose.spec as JsonObject).containers, [{ name: 'b' }]);
});

test('$patch: replace and delete on maps; anything else is an internal error', () => {
  const original = pod({ nodeSelector: { a: '1' } }, { labels: { a: '1', b: '2' } });
  const out = strategicMergePatch(original, { metadata: { labels: { $patch: 'replace', c: '3' } }, spec: { nodeSelector: { $patch: 'delete' } } }, podSchema);
  assert.deepEqual((out.metadata as JsonObject).labels, { c: '3' });
  assert.deepEqual((out.spec as JsonObject).nodeSelector, {});
  fails(() => strategicMergePatch(original, { spec: { nodeSelector: { $patch: 'merge' } } }, podSchema), 'Internal', 'unknown patch type: merge in map: map[$patch:merge]');
  fails(() => strategicMergePatch(original, { spec: { nodeSelector: { $patch: 1.5 } } }, podSchema), 'Internal', 'unknown patch type: %!s(float64=1.5) in map: map[$patch:1.5]');
});

test('$patch in merge lists: delete by key, replace the list, merge refused', () => {
  const original = pod({ containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] });
  const del = strategicMergePatch(original, { spec: { containers: [{ name: 'b', $patch: 'delete' }] } }, podSchema);
  assert.deepEqual(names((del.spec as JsonObject).containers!), ['a', 'c']);
  const rep = strategicMergePatch(original, { spec: { containers: [{ $patch: 'replace' }, { name: 'x' }] } }, podSchema);
  assert.deepEqual((rep.spec as JsonObject).containers, [{ name: 'x' }]);
  fails(() => strategicMergePatch(original, { spec: { containers: [{ $patch: 'merge' }] } }, podSchema), 'Internal', 'merging lists cannot yet be specified in the patch');
  fails(() => strategicMergePatch(original, { spec: { containers: [{ image: 'x' }] } }, podSchema), 'Internal', 'map: map[image:x] does not contain declared merge key: name');
});

test('primitive merge lists: union; $deleteFromPrimitiveList removes', () => {
  const original = pod({}, { finalizers: ['a', 'b'] });
  const union = strategicMergePatch(original, { metadata: { finalizers: ['c', 'a'] } }, podSchema);
  assert.deepEqual((union.metadata as JsonObject).finalizers, ['c', 'a', 'b']);
  const removed = strategicMergePatch(original, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a', 'zz'] } }, podSchema);
  assert.deepEqual((removed.metadata as JsonObject).finalizers, ['b']);
  fails(() => strategicMergePatch(original, { metadata: { $deleteFromPrimitiveListfinalizers: ['a'] } }, podSchema), 'BadRequest', 'invalid patch format of primitive list');
});

test('$setElementOrder orders the listed items; server-only items keep their live position relative to them', () => {
  const original = pod({ containers: [{ name: 'a' }, { name: 'b' }, { name: 'live' }, { name: 'c' }] });
  const out = strategicMergePatch(original, {
    spec: { '$setElementOrder/containers': [{ name: 'c' }, { name: 'b' }, { name: 'a' }], containers: [{ name: 'b', image: 'b2' }] },
  }, podSchema);
  // "live" sat before "c" in the live list, so it still does.
  assert.deepEqual(names((out.spec as JsonObject).containers!), ['live', 'c', 'b', 'a']);
  fails(() => strategicMergePatch(original, {
    spec: { '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }], containers: [{ name: 'b' }, { name: 'a' }] },
  }, podSchema), 'Internal', 'The order in patch list:\n[map[name:b] map[name:a]]\n doesn\'t match $setElementOrder list:\n[map[name:a] map[name:b]]\n');
  fails(() => strategicMergePatch(original, { spec: { $setElementOrderX: [] } }, podSchema), 'BadRequest', 'invalid patch format of setElementOrder list');
});

test('$retainKeys clears fields not listed and requires the patch to list what it sets', () => {
  const original: JsonObject = { apiVersion: 'apps/v1', kind: 'Deployment', spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } };
  const out = strategicMergePatch(original, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }, deploymentSchema);
  assert.deepEqual((out.spec as JsonObject).strategy, { type: 'Recreate' });
  fails(() => strategicMergePatch(original, { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: {} } } }, deploymentSchema), 'BadRequest', 'invalid patch format of retainKeys');
  fails(() => strategicMergePatch(original, { spec: { strategy: { $retainKeys: 'type' } } }, deploymentSchema), 'BadRequest', 'invalid patch format of retainKeys');
});

test('the replace strategy takes a struct whole (PodDisruptionBudget selector)', () => {
  const schema = schemaForKind('policy', 'v1', 'PodDisruptionBudget')!;
  const out = strategicMergePatch({ spec: { selector: { matchLabels: { a: '1', b: '2' } } } }, { spec: { selector: { matchLabels: { c: '3' } } } }, schema);
  assert.deepEqual(out.spec, { selector: { matchLabels: { c: '3' } } });
});

test('a value of another type replaces; new values lose their nulls and directive maps', () => {
  const out = strategicMergePatch(pod({ containers: [] }), {
    spec: { containers: 'x', securityContext: { runAsUser: 1, fsGroup: null, seLinuxOptions: { $patch: 'delete' } } },
  }, podSchema);
  assert.deepEqual(out.spec, { containers: 'x', securityContext: { runAsUser: 1 } });
});

test('schema errors: unknown fields and non-list fields, only when both sides have a value', () => {
  // A field absent from the original needs no lookup.
  assert.deepEqual(strategicMergePatch(pod({}), { spec: { bogus: { a: 1 } } }, podSchema).spec, { bogus: { a: 1 } });
  fails(() => strategicMergePatch(pod({ bogus: { a: 1 } }), { spec: { bogus: { b: 1 } } }, podSchema), 'Internal', 'unable to find api field in struct PodSpec for the json field "bogus"');
  fails(() => strategicMergePatch(pod({}), { spec: { '$setElementOrder/nodeSelector': [] } }, podSchema), 'Internal', 'expected slice or array type, but got: struct');
  fails(() => strategicMergePatch(pod({ nodeSelector: { a: { b: 1 } } }), { spec: { nodeSelector: { a: { c: 1 } } } }, podSchema), 'Internal', 'merging an object in json but data type is not struct, instead is: map');
});

test('list element type errors: lists of lists are Invalid, mixed types Internal', () => {
  const node = (podCIDRs: Json): JsonObject => ({ spec: { podCIDRs } });
  const schema = schemaForKind('', 'v1', 'Node')!;
  fails(() => strategicMergePatch(node([['a']]), node([['b']]), schema), 'Invalid', 'lists of lists are not supported');
  fails(() => strategicMergePatch(node(['a']), node([1]), schema), 'Internal', 'list element types are not identical: [[a] [1]]');
});

test('a top-level directive and a null patch', () => {
  assert.deepEqual(strategicMergePatch(pod({}), { $patch: 'replace', kind: 'X' }, podSchema), { kind: 'X' });
  assert.deepEqual(strategicMergePatch(pod({}), { $patch: 'delete' }, podSchema), {});
  assert.deepEqual(strategicMergePatch(pod({ a: 1 }), null, podSchema), pod({ a: 1 }));
  fails(() => strategicMergePatch(pod({}), ['x'], podSchema), 'BadRequest', 'invalid JSON document');
});

test('typed schemas follow inline members and list items', () => {
  const schema = typedSchema('io.k8s.api.core.v1.PodSpec');
  const volumes = schema.field('volumes');
  assert.deepEqual(volumes.strategies(), ['merge', 'retainKeys']);
  assert.equal(volumes.mergeKey(), 'name');
  // hostPath comes from the inlined VolumeSource.
  assert.deepEqual(volumes.element().field('hostPath').strategies(), []);
  assert.equal(volumes.element().name(), 'struct');
  assert.equal(schema.field('nodeSelector').name(), 'map');
});
