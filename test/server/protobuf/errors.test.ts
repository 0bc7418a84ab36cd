// Malformed protobuf bodies: always a BadRequest with the upstream text (serializer and gogo
// Unmarshal messages, wrapped as kube-apiserver wraps decode errors), never a crash or a hang.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinTypes } from '../../../src/api/types.ts';
import { decodeProtobufObject, type DecodeTarget } from '../../../src/server/protobuf/decode.ts';
import { ApiError } from '../../../src/server/status.ts';
import { entry, envelope, ld, num, tag, varint } from './wire-builder.ts';

const CONFIGMAP: DecodeTarget = { group: '', version: 'v1', kind: 'ConfigMap' };
const MAGIC = Buffer.from('k8s\0', 'latin1');

function badRequest(body: Buffer, message: string, into?: DecodeTarget) {
  assert.throws(
    () => decodeProtobufObject(body, into),
    (e: unknown) => {
      assert.ok(e instanceof ApiError, `not an ApiError: ${String(e)}`);
      assert.equal(e.code, 400);
      assert.equal(e.reason, 'BadRequest');
      assert.equal(e.message, message);
      return true;
    },
  );
}

test('envelope errors: empty, wrong magic, magic only, unreadable envelope', () => {
  badRequest(Buffer.alloc(0), 'empty data');
  badRequest(Buffer.alloc(0), 'the object provided is unrecognized (must be of type ConfigMap): empty data (<empty>)', CONFIGMAP);
  const json = Buffer.from('{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"x"}}');
  badRequest(json, 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
  badRequest(
    json,
    'the object provided is unrecognized (must be of type ConfigMap): provided data does not appear to be a protobuf message, ' +
      'expected prefix [107 56 115 0] ({"kind":"ConfigMap","apiVersio ...)',
    CONFIGMAP,
  );
  badRequest(Buffer.from('k8s'), 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
  badRequest(MAGIC, 'empty body');
  badRequest(Buffer.concat([MAGIC, Buffer.from([0x0a, 0x05, 0x0a])]), 'the object provided is unrecognized (must be of type ConfigMap): unexpected EOF (6b3873000a050a)', CONFIGMAP);
});

test('unknown kind or version: not registered in the scheme', () => {
  const scheme = 'in scheme "pkg/api/legacyscheme/scheme.go:30"';
  badRequest(envelope('v1', 'Foo', Buffer.alloc(0)), `no kind "Foo" is registered for version "v1" ${scheme}`);
  badRequest(envelope('apps/v9', 'Deployment', Buffer.alloc(0)), `no kind "Deployment" is registered for version "apps/v9" ${scheme}`);
  badRequest(envelope('v1', 'pod', Buffer.alloc(0)), `pod in version "v1" cannot be handled as a ConfigMap: no kind "pod" is registered for version "v1" ${scheme}`, CONFIGMAP);
  badRequest(envelope('v1', '', Buffer.alloc(0)), `Object 'Kind' is missing in 'runtime.TypeMeta{APIVersion:"v1", Kind:""}'`);
  badRequest(envelope('', 'ConfigMap', Buffer.alloc(0)), `Object 'apiVersion' is missing in 'runtime.TypeMeta{APIVersion:"", Kind:"ConfigMap"}'`);
});

test('object errors carry gogo texts, wrapped with the kinds', () => {
  const cm = (raw: Buffer) => envelope('v1', 'ConfigMap', raw);
  const wrap = (m: string) => `ConfigMap in version "v1" cannot be handled as a ConfigMap: ${m}`;
  badRequest(cm(Buffer.from([0x0a, 0x05, 0x0a, 0x01])), wrap('unexpected EOF'), CONFIGMAP);
  // A nested length running past its parent message.
  badRequest(cm(Buffer.concat([Buffer.from([0x0a, 0x03]), Buffer.from([0x0a, 0x09, 0x61])])), wrap('unexpected EOF'), CONFIGMAP);
  badRequest(cm(Buffer.concat([tag(1, 2), varint(1n << 63n)])), wrap('proto: negative length found during unmarshaling'), CONFIGMAP);
  badRequest(cm(Buffer.concat([tag(1, 2), varint((1n << 63n) - 2n)])), wrap('proto: negative length found during unmarshaling'), CONFIGMAP);
  badRequest(cm(Buffer.concat([tag(1, 2), varint(1n << 50n)])), wrap('unexpected EOF'), CONFIGMAP);
  badRequest(cm(Buffer.concat([tag(2, 2), Buffer.alloc(10, 0xff), Buffer.from([0x01])])), wrap('proto: integer overflow'), CONFIGMAP);
  badRequest(cm(num(1, 5)), wrap('proto: wrong wireType = 0 for field ObjectMeta'), CONFIGMAP);
  badRequest(cm(ld(4, '')), wrap('proto: wrong wireType = 2 for field Immutable'), CONFIGMAP);
  badRequest(cm(tag(7, 4)), wrap('proto: ConfigMap: wiretype end group for non-group'), CONFIGMAP);
  badRequest(cm(Buffer.from([0x02, 0x00])), wrap('proto: ConfigMap: illegal tag 0 (wire type 2)'), CONFIGMAP);
  badRequest(cm(tag(9, 7)), wrap('proto: illegal wireType 7'), CONFIGMAP);
  badRequest(cm(tag(9, 4)), wrap('proto: ConfigMap: wiretype end group for non-group'), CONFIGMAP);
  badRequest(cm(Buffer.concat([tag(9, 3), num(1, 1)])), wrap('unexpected EOF'), CONFIGMAP);
  badRequest(cm(Buffer.concat([tag(9, 1), Buffer.alloc(3)])), wrap('unexpected EOF'), CONFIGMAP);
  badRequest(cm(ld(1, ld(8, num(1, 1)), entry(11, 'a', 'b'), Buffer.from([0x62]))), wrap('unexpected EOF'), CONFIGMAP);
  badRequest(
    envelope('apps/v1', 'ControllerRevision', ld(2, ld(1, '{"a":'))),
    `json: error calling MarshalJSON for type runtime.RawExtension: ${jsonError('{"a":')}`,
  );
  const rollingUpdate = ld(2, ld(4, ld(2, ld(1, num(1, 2)))));
  badRequest(envelope('apps/v1', 'Deployment', rollingUpdate), 'impossible IntOrString.Type');
});

const jsonError = (text: string) => {
  try {
    JSON.parse(text);
  } catch (e) {
    return (e as Error).message;
  }
  return '';
};

test('nesting deeper than the limit is refused, not a stack overflow', () => {
  const types = builtinTypes();
  const p = (type: string, field: string) => types.fieldOf(`io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.${type}`, field)!.proto!;
  const crd = (depth: number) => {
    let schema: Buffer = ld(p('JSONSchemaProps', 'type'), 'object');
    for (let i = 0; i < depth; i++) schema = ld(p('JSONSchemaProps', 'not'), schema);
    const version = ld(p('CustomResourceDefinitionSpec', 'versions'), ld(p('CustomResourceDefinitionVersion', 'name'), 'v1'),
      ld(p('CustomResourceDefinitionVersion', 'schema'), ld(p('CustomResourceValidation', 'openAPIV3Schema'), schema)));
    return envelope('apiextensions.k8s.io/v1', 'CustomResourceDefinition', ld(p('CustomResourceDefinition', 'spec'), version));
  };
  const ok = decodeProtobufObject(crd(400)) as any;
  let s = ok.spec.versions[0].schema.openAPIV3Schema;
  for (let i = 0; i < 400; i++) s = s.not;
  assert.deepEqual(s, { type: 'object' });
  badRequest(crd(600), 'proto: exceeded maximum recursion depth');
});

/** Deterministic bytes (xorshift32), so a failure reproduces. */
function random(seed: number) {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function decodesOrBadRequest(body: Buffer): 'ok' | 'error' {
  try {
    decodeProtobufObject(body, CONFIGMAP);
    return 'ok';
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 400) throw new Error(`unexpected failure for ${body.toString('hex')}: ${String(e)}`);
    return 'error';
  }
}

function sampleDeployment(): Buffer {
  const container = ld(2, ld(1, 'nginx'), ld(2, 'nginx'), ld(8, entry(1, 'cpu', ld(2, ld(1, '100m')))), num(16, false));
  const template = ld(3, ld(1, ld(1, ''), entry(11, 'app', 'web')), ld(2, container, ld(3, 'Always')));
  const strategy = ld(4, ld(1, 'RollingUpdate'), ld(2, ld(1, num(1, 1), ld(3, '25%'))));
  const spec = ld(2, num(1, 3), ld(2, entry(1, 'app', 'web')), template, strategy);
  const meta = ld(1, ld(1, 'web'), ld(8, num(1, 1199149261)), entry(12, 'a', 'b'));
  return envelope('apps/v1', 'Deployment', Buffer.concat([meta, spec, ld(3)]));
}

test('every truncation of a body fails cleanly or decodes', () => {
  const body = sampleDeployment();
  assert.equal(decodesOrBadRequest(body), 'ok');
  let errors = 0;
  for (let n = 0; n < body.length; n++) if (decodesOrBadRequest(body.subarray(0, n)) === 'error') errors++;
  // Only cuts between the envelope's last fields can still decode.
  assert.ok(errors >= body.length - 6, `${errors} of ${body.length} truncations failed`);
});

test('random garbage and byte flips never crash or hang', () => {
  const next = random(0x6b387300);
  const byte = () => Math.floor(next() * 256);
  const good = sampleDeployment();
  const outcomes = { ok: 0, error: 0 };
  for (let i = 0; i < 1000; i++) {
    const garbage = Buffer.from(Array.from({ length: Math.floor(next() * 120) }, byte));
    outcomes[decodesOrBadRequest(Buffer.concat([MAGIC, garbage]))]++;
    outcomes[decodesOrBadRequest(envelope('apps/v1', 'Deployment', garbage))]++;
    const flipped = Buffer.from(good);
    for (let k = 0; k < 3; k++) flipped[4 + Math.floor(next() * (flipped.length - 4))] = byte();
    outcomes[decodesOrBadRequest(flipped)]++;
  }
  assert.ok(outcomes.error > 1000 && outcomes.ok > 30, JSON.stringify(outcomes));
});
