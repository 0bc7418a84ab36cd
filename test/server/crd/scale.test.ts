// The scale subresource view of custom resources (the registry's ScaleAccess) and its validation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldErrorText } from '../../../src/server/status.ts';
import { customResourceScale, validateScaleSpec, validateScaleStatus } from '../../../src/server/crd/scale.ts';

const paths = { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.selector' };

test('read and write replicas at the CRD paths', () => {
  const scale = customResourceScale(paths);
  const obj = { metadata: { name: 'a' }, spec: { replicas: 2 }, status: { replicas: 1, selector: 'app=a' } };
  assert.deepEqual(scale.read(obj), { specReplicas: 2, statusReplicas: 1, selector: 'app=a' });
  scale.write(obj, 5);
  assert.equal(obj.spec.replicas, 5);
  const deep = customResourceScale({ specReplicasPath: '.spec.scaling.count', statusReplicasPath: '.status.count' });
  const o: Record<string, unknown> & { metadata: object } = { metadata: {}, spec: { scaling: { count: 1 } } };
  assert.deepEqual(deep.read(o as never), { specReplicas: 1, statusReplicas: 0, selector: '' });
  deep.write(o as never, 4);
  assert.deepEqual(o.spec, { scaling: { count: 4 } });
});

test('reading without spec replicas is an internal error, as upstream', () => {
  const scale = customResourceScale(paths);
  assert.throws(() => scale.read({ metadata: {}, spec: {} }), (e: Error) => e.message === 'Internal error occurred: the spec replicas field ".spec.replicas" does not exist');
  assert.throws(() => scale.read({ metadata: {}, spec: { replicas: 'x' } }), /\.spec\.replicas accessor error: x is of the type string, expected int64/);
});

test('spec and status replicas must be non-negative int32', () => {
  assert.deepEqual(validateScaleSpec({ metadata: {}, spec: { replicas: -1 } }, paths).map(fieldErrorText), ['.spec.replicas: Invalid value: -1: should be a non-negative integer']);
  assert.deepEqual(validateScaleStatus({ metadata: {}, status: { replicas: 2147483648 } }, paths).map(fieldErrorText), [
    '.status.replicas: Invalid value: 2147483648: should be less than or equal to 2147483647',
  ]);
  assert.deepEqual(validateScaleStatus({ metadata: {}, status: { replicas: 1, selector: 3 } }, paths).map(fieldErrorText), [
    '.status.selector: Invalid value: "": .status.selector accessor error: 3 is of the type int64, expected string',
  ]);
  assert.deepEqual(validateScaleSpec({ metadata: {}, spec: {} }, paths), []);
});
