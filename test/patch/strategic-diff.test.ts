// Creating strategic merge patches (two-way, and kubectl apply's three-way), with explicit patches.
// (differential.test.ts checks the bytes of kubectl's own apply patches.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type JsonObject, PatchError, createThreeWayMergePatch, createTwoWayMergePatch, requireKeyUnchanged,
  requireMetadataKeyUnchanged, schemaForKind, schemaless, strategicMergePatch,
} from '../../src/patch/index.ts';

const podSchema = schemaForKind('', 'v1', 'Pod')!;
const deploymentSchema = schemaForKind('apps', 'v1', 'Deployment')!;
const pod = (spec: JsonObject, metadata: JsonObject = {}): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...metadata }, spec });

test('two-way: changes, additions and deletions of plain fields', () => {
  const patch = createTwoWayMergePatch(
    pod({ restartPolicy: 'Always', hostname: 'h' }, { labels: { a: '1', b: '2' } }),
    pod({ restartPolicy: 'Never', nodeName: 'n' }, { labels: { a: '1' } }),
    podSchema,
  );
  assert.deepEqual(patch, { metadata: { labels: { b: null } }, spec: { hostname: null, nodeName: 'n', restartPolicy: 'Never' } });
  // Keys are in Go's json.Marshal order, so the serialised patch is kubectl's.
  assert.equal(JSON.stringify(patch), '{"metadata":{"labels":{"b":null}},"spec":{"hostname":null,"nodeName":"n","restartPolicy":"Never"}}');
});

test('two-way: merge lists get $patch delete items and $setElementOrder', () => {
  const patch = createTwoWayMergePatch(
    pod({ containers: [{ name: 'a', image: 'a1' }, { name: 'b', image: 'b1' }, { name: 'c', image: 'c1' }] }),
    pod({ containers: [{ name: 'c', image: 'c1' }, { name: 'a', image: 'a2' }] }),
    podSchema,
  );
  assert.deepEqual(patch, {
    spec: {
      '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }],
      containers: [{ image: 'a2', name: 'a' }, { $patch: 'delete', name: 'b' }],
    },
  });
});

test('two-way: a reorder alone is a $setElementOrder', () => {
  const patch = createTwoWayMergePatch(pod({ containers: [{ name: 'a' }, { name: 'b' }] }), pod({ containers: [{ name: 'b' }, { name: 'a' }] }), podSchema);
  assert.deepEqual(patch, { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }] } });
});

test('two-way: primitive merge lists get $deleteFromPrimitiveList', () => {
  const patch = createTwoWayMergePatch(pod({}, { finalizers: ['a', 'b'] }), pod({}, { finalizers: ['c', 'b'] }), podSchema);
  assert.deepEqual(patch, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'], '$setElementOrder/finalizers': ['c', 'b'], finalizers: ['c'] } });
});

test('two-way: retainKeys fields list their remaining keys', () => {
  const deploy = (strategy: JsonObject): JsonObject => ({ spec: { strategy } });
  const patch = createTwoWayMergePatch(deploy({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } }), deploy({ type: 'Recreate' }), deploymentSchema);
  assert.deepEqual(patch, { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' } } });
});

test('two-way: lists without a merge strategy are sent whole; without a schema every list is', () => {
  const a = pod({ containers: [{ name: 'a', args: ['1', '2'] }] }), b = pod({ containers: [{ name: 'a', args: ['1', '3'] }] });
  assert.deepEqual(createTwoWayMergePatch(a, b, podSchema), {
    spec: { '$setElementOrder/containers': [{ name: 'a' }], containers: [{ args: ['1', '3'], name: 'a' }] },
  });
  assert.deepEqual(createTwoWayMergePatch(a, b, schemaless), { spec: { containers: [{ args: ['1', '3'], name: 'a' }] } });
});

test('two-way patches applied to the original give the modified object', () => {
  const pairs: [JsonObject, JsonObject][] = [
    [pod({ containers: [{ name: 'a', env: [{ name: 'X', value: '1' }] }, { name: 'b' }] }, { finalizers: ['f1', 'f2'] }),
      pod({ containers: [{ name: 'c' }, { name: 'a', env: [{ name: 'Y', value: '2' }, { name: 'X', value: '3' }] }] }, { finalizers: ['f2', 'f3'] })],
    [pod({ volumes: [{ name: 'v', emptyDir: {} }], nodeSelector: { a: 'b' } }), pod({ volumes: [{ name: 'v', hostPath: { path: '/x' } }] })],
    [pod({}), pod({ tolerations: [{ key: 'k' }], containers: [{ name: 'x', ports: [{ containerPort: 80 }] }] })],
  ];
  for (const [original, modified] of pairs) {
    const patch = createTwoWayMergePatch(original, modified, podSchema);
    assert.deepEqual(strategicMergePatch(original, patch, podSchema), modified);
  }
});

test('two-way: preconditions reject patches that change guarded keys', () => {
  const guards = [requireKeyUnchanged('kind'), requireMetadataKeyUnchanged('name')];
  assert.throws(
    () => createTwoWayMergePatch(pod({}), { ...pod({}), kind: 'Other' }, podSchema, guards),
    (e: unknown) => e instanceof PatchError && e.kind === 'PreconditionFailed' && e.message === 'precondition failed for: map[kind:Other]',
  );
  assert.throws(() => createTwoWayMergePatch(pod({}), pod({}, { name: 'q' }), podSchema, guards), /precondition failed for: map\[metadata:map\[name:q\]\]/);
  assert.deepEqual(createTwoWayMergePatch(pod({}), pod({}, { labels: { a: 'b' } }), podSchema, guards), { metadata: { labels: { a: 'b' } } });
});

test('three-way: fields only in the live object are left alone; dropped configuration is deleted', () => {
  const original = pod({ containers: [{ name: 'a', image: 'a1' }], hostname: 'h' }, { labels: { app: 'x', old: '1' } });
  const modified = pod({ containers: [{ name: 'a', image: 'a2' }] }, { labels: { app: 'x' } });
  const current = pod(
    { containers: [{ name: 'a', image: 'a1', imagePullPolicy: 'Always' }, { name: 'sidecar' }], hostname: 'h', dnsPolicy: 'ClusterFirst' },
    { labels: { app: 'x', old: '1', live: 'y' }, uid: 'u' },
  );
  const patch = createThreeWayMergePatch(original, modified, current, podSchema, true);
  assert.deepEqual(patch, {
    metadata: { labels: { old: null } },
    spec: { '$setElementOrder/containers': [{ name: 'a' }], containers: [{ image: 'a2', name: 'a' }], hostname: null },
  });
  const applied = strategicMergePatch(current, patch, podSchema);
  assert.deepEqual(applied, pod(
    { containers: [{ name: 'a', image: 'a2', imagePullPolicy: 'Always' }, { name: 'sidecar' }], dnsPolicy: 'ClusterFirst' },
    { labels: { app: 'x', live: 'y' }, uid: 'u' },
  ));
});

test('three-way: a live value differing from the configuration is set back', () => {
  const original = pod({ restartPolicy: 'Always' }), modified = pod({ restartPolicy: 'Always' });
  const current = pod({ restartPolicy: 'Never' });
  assert.deepEqual(createThreeWayMergePatch(original, modified, current, podSchema, true), { spec: { restartPolicy: 'Always' } });
});

test('three-way without overwrite: a conflict when the live object changed a patched field', () => {
  const original = pod({ restartPolicy: 'Always' }), modified = pod({ restartPolicy: 'OnFailure' });
  const current = pod({ restartPolicy: 'Never' });
  assert.throws(
    () => createThreeWayMergePatch(original, modified, current, podSchema, false),
    (e: unknown) => e instanceof PatchError && e.kind === 'Conflict' &&
      e.message === 'patch:\nspec:\n  restartPolicy: OnFailure\n\nconflicts with changes made from original to current:\nspec:\n  restartPolicy: Never\n\n',
  );
  // A live change the patch does not touch is no conflict.
  const drifted = pod({ restartPolicy: 'Always', dnsPolicy: 'Default' });
  const quiet = createThreeWayMergePatch(original, pod({ restartPolicy: 'Always', hostname: 'h' }), drifted, podSchema, false);
  assert.deepEqual(quiet, { spec: { hostname: 'h' } });
});

test('three-way: missing documents count as empty', () => {
  assert.deepEqual(createThreeWayMergePatch(null, pod({}), null, podSchema, true), pod({}));
  assert.deepEqual(createThreeWayMergePatch(pod({ hostname: 'h' }), null, pod({ hostname: 'h' }), podSchema, true), {
    apiVersion: null, kind: null, metadata: null, spec: null,
  });
});
