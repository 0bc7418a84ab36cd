import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderPlaintext, resolveRef } from '../../../src/cli/explain/plaintext.ts';

const GVK = { group: 'example.com', kind: 'Thing', version: 'v1' };
const doc = {
  paths: {
    '/apis/example.com/v1/namespaces/{namespace}/things': { get: { 'x-kubernetes-group-version-kind': GVK } },
  },
  components: {
    schemas: {
      'com.example.v1.Thing': {
        type: 'object',
        description: 'A thing.',
        required: ['spec'],
        properties: {
          kind: { type: 'string' },
          spec: { allOf: [{ $ref: '#/components/schemas/com.example.v1.ThingSpec' }], description: 'The spec.' },
        },
        'x-kubernetes-group-version-kind': [GVK],
      },
      'com.example.v1.ThingSpec': {
        type: 'object',
        properties: {
          mode: { type: 'string', enum: ['A', '', 'C', 'D', 'E'] },
          next: { $ref: '#/components/schemas/com.example.v1.ThingSpec' },
          items: { type: 'array', items: { $ref: '#/components/schemas/com.example.v1.ThingSpec' } },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
    },
  },
};
const gvr = { group: 'example.com', version: 'v1', resource: 'things' };

test('the resource: header, description, fields with types and -required-', () => {
  const r = renderPlaintext(doc, gvr, [], false);
  assert.equal(r.error, undefined);
  assert.equal(
    r.out,
    'GROUP:      example.com\nKIND:       Thing\nVERSION:    v1\n\nDESCRIPTION:\n    A thing.\n    \nFIELDS:\n' +
      '  kind\t<string>\n    <no description>\n\n  spec\t<ThingSpec> -required-\n    The spec.\n\n\n',
  );
});

test('a field: FIELD line, enum shortened in lists, map and array types', () => {
  const r = renderPlaintext(doc, gvr, ['spec'], false);
  assert.match(r.out, /^FIELD: spec <ThingSpec>\n\n\nDESCRIPTION:\n    The spec\.\n    \nFIELDS:\n/m);
  assert.match(r.out, /  mode\t<string>\n  enum: A, "", C, D, \.\.\.\.\n/);
  assert.match(r.out, /  items\t<\[\]ThingSpec>\n/);
  assert.match(r.out, /  labels\t<map\[string\]string>\n/);
});

test('an enum field lists every value under ENUM:', () => {
  const r = renderPlaintext(doc, gvr, ['spec', 'mode'], false);
  assert.match(r.out, /FIELD: mode <string>\nENUM:\n    A\n    ""\n    C\n    D\n    E\n\nDESCRIPTION:\n    <empty>\n\n$/);
});

test('recursive output stops at a $ref already on the way down', () => {
  const r = renderPlaintext(doc, gvr, ['spec'], true);
  assert.equal(r.error, undefined);
  assert.match(r.out, /FIELDS:\n  items\t<\[\]ThingSpec>\n  labels\t<map\[string\]string>\n  mode\t<string>\n  enum: A, "", C, D, \.\.\.\.\n  next\t<ThingSpec>\n\n$/);
});

test('a missing field names the last element of the path, after the header', () => {
  const r = renderPlaintext(doc, gvr, ['spec', 'nope', 'deeper'], false);
  assert.equal(r.out, 'GROUP:      example.com\nKIND:       Thing\nVERSION:    v1\n\n');
  assert.equal(r.error?.message, 'error: field "deeper" does not exist');
});

test('a resource without paths, or without a schema for its kind', () => {
  assert.equal(renderPlaintext(doc, { ...gvr, resource: 'others' }, [], false).error?.message, 'error: GVR (example.com/v1, Resource=others) not found in OpenAPI schema');
  const noSchema = { ...doc, components: { schemas: {} } };
  assert.equal(renderPlaintext(noSchema, gvr, [], false).error?.message, 'error: GVK map[group:example.com kind:Thing version:v1] not found in OpenAPI schema');
});

test('resolveRef follows fragment-only references', () => {
  assert.equal(resolveRef('#/components/schemas/com.example.v1.ThingSpec', doc), doc.components.schemas['com.example.v1.ThingSpec']);
  assert.equal(resolveRef('other.json#/a', doc), undefined);
  assert.equal(resolveRef('#/components/nothing', doc), undefined);
  assert.equal(resolveRef(undefined, doc), undefined);
});
