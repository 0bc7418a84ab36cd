// Hand-made protobuf bodies through the decoder: Go JSON semantics (omitempty zeros, pointers,
// key order), maps, packed lists, inline members and every special type's JSON form.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeProtobufObject, isProtobufContentType } from '../../../src/server/protobuf/decode.ts';
import { goDuration } from '../../../src/server/protobuf/special.ts';
import { entry, envelope, ld, num, tag } from './wire-builder.ts';

/** Same keys in the same order (Go struct order), same values. */
function assertJson(actual: unknown, expected: unknown) {
  assert.deepEqual(actual, expected);
  assert.equal(JSON.stringify(actual), JSON.stringify(expected));
}

const time = (seconds: number | bigint, nanos?: number) => Buffer.concat([num(1, seconds), ...(nanos === undefined ? [] : [num(2, nanos)])]);

test('ConfigMap as kubectl sends it: value-typed zeros dropped, pointer false kept, bytes in base64', () => {
  const meta = ld(1, ld(1, 'x'), ld(2, ''), ld(3, ''), ld(4, ''), ld(5, ''), ld(6, ''), num(7, 0), ld(8));
  const raw = Buffer.concat([meta, entry(2, 'a', 'b'), entry(3, 'bin', ld(2, Buffer.from([0, 1, 2, 0xff]))), num(4, false)]);
  assertJson(decodeProtobufObject(envelope('v1', 'ConfigMap', raw)), {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: { name: 'x', creationTimestamp: null },
    immutable: false,
    data: { a: 'b' },
    binaryData: { bin: 'AAEC/w==' },
  });
});

test('Deployment: replicas 0 (pointer) kept, minReadySeconds/paused zeros dropped, IntOrString both ways, struct order', () => {
  const rolling = ld(2, ld(1, num(1, 0), num(2, 1)), ld(2, num(1, 1), ld(3, '25%')));
  // strategy before replicas on the wire: the output follows DeploymentSpec's field order.
  const spec = ld(2, ld(4, ld(1, ''), rolling), num(1, 0), num(5, 0), num(7, false), ld(3, ld(1, ld(1, ''))));
  assertJson(decodeProtobufObject(envelope('apps/v1', 'Deployment', Buffer.concat([ld(1, ld(1, 'web')), spec, ld(3)]))), {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name: 'web' },
    spec: { replicas: 0, template: { metadata: {} }, strategy: { rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } } },
    status: {},
  });
});

test('Time at second precision, zero Time as null, MicroTime with six digits truncated', () => {
  const meta = ld(1, ld(1, 'l'), ld(8, time(1199149261, 999_999_999)), ld(9));
  const spec = ld(2, ld(3, time(1, -1500)), ld(4, time(1199149261, 123_456_789)), num(2, 0));
  const obj = decodeProtobufObject(envelope('coordination.k8s.io/v1', 'Lease', Buffer.concat([meta, spec])));
  assertJson(obj, {
    kind: 'Lease',
    apiVersion: 'coordination.k8s.io/v1',
    metadata: { name: 'l', creationTimestamp: '2008-01-01T01:01:01Z', deletionTimestamp: null },
    spec: { leaseDurationSeconds: 0, acquireTime: '1970-01-01T00:00:00.999999Z', renewTime: '2008-01-01T01:01:01.123456Z' },
  });
});

test('Time edges: Go zero time is null, years outside 1..9999 print as Go prints them', () => {
  const created = (seconds: number) =>
    decodeProtobufObject(envelope('v1', 'ConfigMap', ld(1, ld(8, time(seconds))))).metadata.creationTimestamp;
  assert.equal(created(-62135596800), null);
  assert.equal(created(0), '1970-01-01T00:00:00Z');
  assert.equal(created(253402300800), '10000-01-01T00:00:00Z');
  assert.equal(created(-62167219200), '0000-01-01T00:00:00Z');
  assert.equal(created(-62198755200), '-0001-01-01T00:00:00Z');
  assert.equal(created(951782400), '2000-02-29T00:00:00Z');
});

test('Duration prints as Go time.Duration.String()', () => {
  const cases: [bigint, string][] = [
    [0n, '0s'],
    [1n, '1ns'],
    [1500n, '1.5µs'],
    [1_000_000n, '1ms'],
    [1_500_000_000n, '1.5s'],
    [90_000_000_000n, '1m30s'],
    [3_600_000_000_000n, '1h0m0s'],
    [-1_000_000_000n, '-1s'],
    [9223372036854775807n, '2562047h47m16.854775807s'],
    [-9223372036854775808n, '-2562047h47m16.854775808s'],
  ];
  for (const [d, s] of cases) assert.equal(goDuration(d), s, `${d}`);
});

test('Quantity maps stay strings; a malformed quantity fails like ParseQuantity', () => {
  const hard = Buffer.concat([entry(1, 'cpu', ld(2, ld(1, '1500m'))), entry(1, 'memory', ld(2, ld(1, '1Gi'))), entry(1, 'pods', ld(2))]);
  const obj = decodeProtobufObject(envelope('v1', 'ResourceQuota', Buffer.concat([ld(1, ld(1, 'q')), ld(2, hard)])));
  assertJson(obj.spec, { hard: { cpu: '1500m', memory: '1Gi', pods: '0' } });
  const bad = (q: string) => () => decodeProtobufObject(envelope('v1', 'ResourceQuota', ld(2, entry(1, 'cpu', ld(2, ld(1, q))))));
  assert.throws(bad('1Gb'), { message: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'" });
  assert.throws(bad('1iK'), { message: "unable to parse quantity's suffix" });
  assert.doesNotThrow(bad('1e3'));
});

test('RawExtension holds JSON; int64 and negative int32 (ten-byte varints)', () => {
  const raw = Buffer.concat([ld(1, ld(1, 'r')), ld(2, ld(1, '{"a":[1,2],"b":{"c":null}}')), num(3, -5)]);
  assertJson(decodeProtobufObject(envelope('apps/v1', 'ControllerRevision', raw)), {
    kind: 'ControllerRevision',
    apiVersion: 'apps/v1',
    metadata: { name: 'r' },
    data: { a: [1, 2], b: { c: null } },
    revision: -5,
  });
  const vol = ld(1, ld(1, 'v'), ld(2, ld(19, ld(1, ld(1, 'cm')), num(3, -1))));
  const pod = decodeProtobufObject(envelope('v1', 'Pod', ld(2, vol)));
  assertJson(pod.spec, { volumes: [{ name: 'v', configMap: { name: 'cm', defaultMode: -1 } }] });
});

test('repeated int32 packed and unpacked in one list', () => {
  const onExit = ld(2, ld(2, 'In'), ld(3, Buffer.from([1, 2, 3])), num(3, 4));
  const spec = ld(2, ld(11, ld(1, ld(1, 'FailJob'), onExit)));
  assertJson(decodeProtobufObject(envelope('batch/v1', 'Job', spec)), {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: {},
    spec: { podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [1, 2, 3, 4] } }] } },
  });
});

test('ExtraValue map values are bare arrays (an empty one is null, as Go prints a nil slice)', () => {
  const spec = ld(2, ld(3, 'alice'), ld(4, 'g1'), ld(4, 'g2'), entry(5, 'k', ld(2, ld(1, 'a'), ld(1, 'b'))), entry(5, 'e', ld(2)));
  const obj = decodeProtobufObject(envelope('authorization.k8s.io/v1', 'SubjectAccessReview', Buffer.concat([ld(1), spec, ld(3, num(1, false))])));
  assertJson(obj, {
    kind: 'SubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: {},
    spec: { user: 'alice', groups: ['g1', 'g2'], extra: { k: ['a', 'b'], e: null } },
    status: { allowed: false },
  });
});

test('unknown fields of every wire type are skipped; a sub-message sent twice merges; last scalar wins', () => {
  const group = Buffer.concat([tag(96, 3), num(1, 7), tag(96, 4)]);
  const unknown = Buffer.concat([num(99, 123456789), tag(98, 5), Buffer.alloc(4), tag(97, 1), Buffer.alloc(8), group, ld(95, 'zz')]);
  const raw = Buffer.concat([ld(1, ld(1, 'first')), unknown, ld(1, ld(1, 'x'), entry(11, 'l', 'v')), entry(2, 'a', 'b'), entry(2, 'a', 'c')]);
  assertJson(decodeProtobufObject(envelope('v1', 'ConfigMap', raw)), {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: { name: 'x', labels: { l: 'v' } },
    data: { a: 'c' },
  });
});

test('over-long (padded) varints are read as their value, as Go reads them', () => {
  const padded = (n: number) => Buffer.from([0x80 | n, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]);
  const raw = Buffer.concat([tag(1, 2), padded(3), ld(1, 'x'), tag(4, 0), padded(1)]);
  assertJson(decodeProtobufObject(envelope('v1', 'ConfigMap', raw)), { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'x' }, immutable: true });
});

test('map keys from the body are plain keys, __proto__ included', () => {
  const obj = decodeProtobufObject(envelope('v1', 'ConfigMap', entry(2, '__proto__', 'x')));
  const data = obj.data as Record<string, unknown>;
  assert.deepEqual(Object.keys(data), ['__proto__']);
  assert.equal(Object.getPrototypeOf(data), Object.prototype);
  assert.equal(JSON.stringify(data), '{"__proto__":"x"}');
});

test('the endpoint kind fills an envelope without typeMeta; kinds without metadata get an empty one', () => {
  const into = { group: '', version: 'v1', kind: 'Namespace' };
  const obj = decodeProtobufObject(envelope('', '', ld(1, ld(1, 'ns'))), into);
  assertJson(obj, { kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'ns' } });
  const del = decodeProtobufObject(envelope('v1', 'DeleteOptions', num(1, 0)));
  assertJson(del, { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0, metadata: {} });
});

test('isProtobufContentType', () => {
  assert.equal(isProtobufContentType('application/vnd.kubernetes.protobuf'), true);
  assert.equal(isProtobufContentType('Application/VND.Kubernetes.Protobuf; charset=utf-8'), true);
  assert.equal(isProtobufContentType('application/json'), false);
  assert.equal(isProtobufContentType('application/vnd.kubernetes.protobuf-x'), false);
  assert.equal(isProtobufContentType(undefined), false);
});
