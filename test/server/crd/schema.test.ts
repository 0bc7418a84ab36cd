// Pruning, defaulting and value validation of custom resources against their schema, with the
// texts kube-openapi and apiextensions-apiserver produce.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldErrorText } from '../../../src/server/status.ts';
import { applySchemaDefaults } from '../../../src/server/crd/schema/defaulting.ts';
import { validateListSetsAndMaps } from '../../../src/server/crd/schema/list-types.ts';
import { pruneCustomResource } from '../../../src/server/crd/schema/pruning.ts';
import type { JSONSchemaProps } from '../../../src/server/crd/schema/types.ts';
import { ratchet, schemaErrors, toFieldErrors, validateAgainstSchema } from '../../../src/server/crd/schema/validate-value.ts';

const schema: JSONSchemaProps = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['cronSpec'],
      properties: {
        cronSpec: { type: 'string', pattern: '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$' },
        replicas: { type: 'integer', minimum: 1, maximum: 10, default: 1 },
        policy: { type: 'string', enum: ['Allow', 'Forbid'], default: 'Allow' },
        port: { 'x-kubernetes-int-or-string': true },
        name: { type: 'string', minLength: 2, maxLength: 4 },
        when: { type: 'string', format: 'date-time' },
        nick: { type: 'string', nullable: true },
        tags: { type: 'array', items: { type: 'string' }, maxItems: 2, minItems: 1 },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { known: { type: 'object', properties: { a: { type: 'string' } } } } },
        template: {
          type: 'object',
          'x-kubernetes-embedded-resource': true,
          properties: { spec: { type: 'object', properties: { x: { type: 'string' } } } },
        },
      },
    },
  },
};

const texts = (value: unknown, s: JSONSchemaProps = schema) => validateAgainstSchema(undefined, s, value).map(fieldErrorText);

test('pruning drops unknown fields and names them like upstream', () => {
  const obj = {
    apiVersion: 'stable.example.com/v1',
    kind: 'CronTab',
    metadata: { name: 'x', bogus: 1 },
    spec: {
      cronSpec: '* * * * *',
      unknown: 1,
      labels: { a: 'b' },
      tags: ['a'],
      extra: { anything: { deep: true }, known: { a: 'x', b: 'dropped' } },
      template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', nope: 1 }, spec: { x: 'y', z: 1 } },
    },
    status: { replicas: 1 },
    top: true,
  };
  const unknown = pruneCustomResource(obj, schema);
  assert.deepEqual(unknown, ['metadata.bogus', 'spec.extra.known.b', 'spec.template.spec.z', 'spec.unknown', 'status', 'top', 'spec.template.metadata.nope']);
  assert.deepEqual(obj.spec, {
    cronSpec: '* * * * *',
    labels: { a: 'b' },
    tags: ['a'],
    extra: { anything: { deep: true }, known: { a: 'x' } },
    template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { x: 'y' } },
  });
  assert.deepEqual(obj.metadata, { name: 'x' });
  assert.equal(obj.apiVersion, 'stable.example.com/v1');
  assert.ok(!('status' in obj) && !('top' in obj));
});

test('pruning keeps the metadata object itself (the store holds it)', () => {
  const metadata = { name: 'x', extra: 1 };
  const obj = { metadata, spec: {} };
  pruneCustomResource(obj, schema);
  assert.equal(obj.metadata, metadata);
  assert.deepEqual(metadata, { name: 'x' });
});

test('nulls a non-nullable field cannot hold are dropped; nullable ones stay', () => {
  const obj = { metadata: {}, spec: { cronSpec: '* * * * *', image: null, nick: null, replicas: null } };
  pruneCustomResource(obj, schema);
  applySchemaDefaults(obj, schema);
  // replicas has a default: the null becomes the default
  assert.deepEqual(obj.spec, { cronSpec: '* * * * *', nick: null, replicas: 1, policy: 'Allow' });
});

test('defaults fill absent fields, nested ones only where the parent exists', () => {
  const empty: Record<string, unknown> = { metadata: {} };
  applySchemaDefaults(empty, schema);
  assert.deepEqual(empty, { metadata: {} });
  const obj = { metadata: {}, spec: { replicas: 3 } };
  applySchemaDefaults(obj, schema);
  assert.deepEqual(obj.spec, { replicas: 3, policy: 'Allow' });
  const withDefaultObject: JSONSchemaProps = { type: 'object', properties: { spec: { type: 'object', default: {}, properties: { a: { type: 'string', default: 'x' } } } } };
  const o: Record<string, unknown> = {};
  applySchemaDefaults(o, withDefaultObject);
  assert.deepEqual(o, { spec: { a: 'x' } });
});

test('type errors: kube-openapi text, FieldValueTypeInvalid', () => {
  const errs = validateAgainstSchema(undefined, schema, { spec: { cronSpec: '* * * * *', replicas: 'three', port: true, tags: 'x' } });
  assert.deepEqual(
    errs.map((e) => [e.type, fieldErrorText(e)]),
    [
      ['FieldValueTypeInvalid', 'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"'],
      ['FieldValueTypeInvalid', 'spec.port: Invalid value: "boolean": spec.port in body must be of type integer,string: "boolean"'],
      ['FieldValueTypeInvalid', 'spec.tags: Invalid value: "string": spec.tags in body must be of type array: "string"'],
    ],
  );
  assert.deepEqual(texts({ spec: { cronSpec: '* * * * *', replicas: 2.5 } }), ['spec.replicas: Invalid value: "number": spec.replicas in body must be of type integer: "number"']);
  assert.deepEqual(texts({ spec: { cronSpec: '* * * * *', port: 80 } }), []);
  assert.deepEqual(texts({ spec: { cronSpec: '* * * * *', port: 'http' } }), []);
});

test('enum, required, bounds, lengths, pattern, format, items', () => {
  assert.deepEqual(texts({ spec: {} }), ['spec.cronSpec: Required value']);
  assert.deepEqual(texts({}), []);
  assert.deepEqual(texts({ spec: { cronSpec: '* * * * *', policy: 'Sometimes' } }), ['spec.policy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid"']);
  assert.deepEqual(texts({ spec: { cronSpec: '* * * * *', replicas: 0 } }), ['spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1']);
  assert.deepEqual(texts({ spec: { cronSpec: '* * * * *', replicas: 11 } }), ['spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10']);
  assert.deepEqual(texts({ spec: { cronSpec: '* * * * *', name: 'a' } }), ['spec.name: Invalid value: "a": spec.name in body should be at least 2 chars long']);
  assert.deepEqual(texts({ spec: { cronSpec: '* * * * *', name: 'abcde' } }), ['spec.name: Too long: may not be more than 4 bytes']);
  assert.deepEqual(texts({ spec: { cronSpec: 'bad' } }), [
    "spec.cronSpec: Invalid value: \"bad\": spec.cronSpec in body should match '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$'",
  ]);
  assert.deepEqual(texts({ spec: { cronSpec: '* * * * *', when: 'yesterday' } }), ['spec.when: Invalid value: "yesterday": spec.when in body must be of type date-time: "yesterday"']);
  assert.deepEqual(texts({ spec: { cronSpec: '* * * * *', when: '2024-02-03T04:05:06Z' } }), []);
  assert.deepEqual(texts({ spec: { cronSpec: '* * * * *', tags: [] } }), ['spec.tags: Invalid value: 0: spec.tags in body should have at least 1 items']);
  const tooMany = validateAgainstSchema(undefined, schema, { spec: { cronSpec: '* * * * *', tags: ['a', 'b', 'c'] } });
  assert.deepEqual(tooMany, [{ type: 'FieldValueTooMany', field: 'spec.tags', value: 3, detail: 'must have at most 2 items' }]);
  assert.deepEqual(texts({ spec: { cronSpec: '* * * * *', tags: ['a', 1] } }), ['spec.tags[1]: Invalid value: "integer": spec.tags[1] in body must be of type string: "integer"']);
  assert.deepEqual(texts({ spec: { cronSpec: '* * * * *', labels: { a: 1 } } }), ['spec.labels.a: Invalid value: "integer": spec.labels.a in body must be of type string: "integer"']);
  assert.deepEqual(texts({ spec: { cronSpec: '* * * * *', nick: null } }), []);
});

test('a value that must not be null reports type null', () => {
  assert.deepEqual(texts({ spec: { cronSpec: null } }), ['spec.cronSpec: Invalid value: "null": spec.cronSpec in body must be of type string: "null"']);
});

test('status is validated against its own schema: the message names the field without "status."', () => {
  const status: JSONSchemaProps = { type: 'object', properties: { replicas: { type: 'integer' } } };
  assert.deepEqual(validateAgainstSchema('status', status, { replicas: 'x' }).map(fieldErrorText), [
    'status.replicas: Invalid value: "string": replicas in body must be of type integer: "string"',
  ]);
});

test('combinators: anyOf with no match', () => {
  const s: JSONSchemaProps = { type: 'object', properties: { v: { type: 'string', anyOf: [{ pattern: '^a' }, { pattern: '^b' }] } } };
  const errs = texts({ v: 'c' }, s);
  assert.equal(errs[0], '<nil>: Invalid value: "": "v" must validate at least one schema (anyOf)');
  assert.equal(errs.length, 2);
});

test('ratcheting keeps errors of changed values only', () => {
  const old = { spec: { cronSpec: 'bad', replicas: 50 } };
  const obj = { spec: { cronSpec: 'bad', replicas: 60 } };
  const kept = ratchet(schemaErrors(schema, obj), obj, old);
  assert.deepEqual(toFieldErrors(undefined, kept).map((e) => e.field), ['spec.replicas']);
});

test('list-type set and map: duplicates are reported once, at the second index', () => {
  const s: JSONSchemaProps = {
    type: 'object',
    properties: {
      set: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
      ports: {
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['port'],
        items: { type: 'object', properties: { port: { type: 'integer' }, name: { type: 'string' } } },
      },
    },
  };
  const errs = validateListSetsAndMaps(s, { set: ['a', 'b', 'a', 'a'], ports: [{ port: 1 }, { port: 2, name: 'x' }, { port: 1, name: 'y' }] });
  assert.deepEqual(errs.map(fieldErrorText), ['set[2]: Duplicate value: "a"', 'ports[2]: Duplicate value: {"port":1}']);
});
