// Unit tests of the typed round trip: times, map key order, value structs, dropped fields.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeTyped, formatTime, timeMicros } from '../../src/cli/typed-object.ts';

test('times as Go marshals metav1.Time and MicroTime', () => {
  assert.equal(formatTime('2026-03-04T05:06:07.891Z', false), '2026-03-04T05:06:07Z');
  assert.equal(formatTime('2026-03-04T05:06:07.5Z', true), '2026-03-04T05:06:07.500000Z');
  assert.equal(formatTime('2026-03-04T05:06:07.123456789-02:30', true), '2026-03-04T07:36:07.123456Z');
  assert.equal(formatTime('0001-01-01T00:00:00Z', false), null);
  assert.equal(formatTime(undefined, false), null);
  assert.equal(timeMicros('1970-01-01T00:00:01.000002Z'), 1_000_002);
});

test('a pod: struct order, sorted labels, value structs filled, unknown fields dropped', () => {
  const pod = encodeTyped('io.k8s.api.core.v1.Pod', {
    status: { conditions: [{ type: 'Ready', status: 'True' }] },
    spec: { containers: [{ image: 'nginx', name: 'c' }] },
    metadata: { labels: { z: '1', a: '2' }, name: 'p', surprise: true },
  }) as Record<string, any>;
  assert.deepEqual(Object.keys(pod), ['metadata', 'spec', 'status']);
  assert.deepEqual(pod.metadata, { name: 'p', creationTimestamp: null, labels: { a: '2', z: '1' } });
  assert.deepEqual(Object.keys(pod.metadata.labels), ['a', 'z']);
  assert.deepEqual(pod.spec.containers[0], { name: 'c', image: 'nginx', resources: {} });
  assert.deepEqual(pod.status.conditions[0], { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: null });
});
