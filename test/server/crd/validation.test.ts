// CRD validation: names, group, versions, structural schemas, defaults, subresources, printer
// columns, immutable fields, with kube-apiserver's field paths (schemas identical in every version
// are reported under spec.validation, as the internal type lifts them).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldErrorText } from '../../../src/server/status.ts';
import { defaultCrd } from '../../../src/server/crd/crd-strategy.ts';
import type { Crd, CrdVersion } from '../../../src/server/crd/types.ts';
import { validateCrd, validateCrdUpdate } from '../../../src/server/crd/validation.ts';
import type { JSONSchemaProps } from '../../../src/server/crd/schema/types.ts';

const SCHEMA: JSONSchemaProps = { type: 'object', properties: { spec: { type: 'object', properties: { replicas: { type: 'integer' } } } } };

function crd(over: { spec?: Partial<Crd['spec']>; name?: string; version?: Partial<CrdVersion>; versions?: CrdVersion[]; annotations?: Record<string, string> } = {}): Crd {
  const c: Crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: over.name ?? 'widgets.example.com', ...(over.annotations ? { annotations: over.annotations } : {}) },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: { plural: 'widgets', kind: 'Widget' },
      versions: over.versions ?? [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: structuredClone(SCHEMA) }, ...over.version }],
      ...over.spec,
    },
  };
  defaultCrd(c);
  // as prepareForCreate leaves it: the storage version, or nothing
  const storage = (c.spec.versions ?? []).find((v) => v.storage)?.name;
  c.status = storage ? { storedVersions: [storage] } : {};
  return c;
}

const texts = (c: Crd) => validateCrd(c).map(fieldErrorText);

test('a good CRD validates; defaults fill singular, listKind and conversion', () => {
  const c = crd();
  assert.deepEqual(texts(c), []);
  assert.equal(c.spec.names!.singular, 'widget');
  assert.equal(c.spec.names!.listKind, 'WidgetList');
  assert.deepEqual(c.spec.conversion, { strategy: 'None' });
});

test('name, group, scope', () => {
  assert.deepEqual(texts(crd({ name: 'things.example.com' })), ['metadata.name: Invalid value: "things.example.com": must be spec.names.plural+"."+spec.group']);
  assert.deepEqual(texts(crd({ name: 'widgets.example', spec: { group: 'example' } })), ['spec.group: Invalid value: "example": should be a domain with at least one dot']);
  assert.deepEqual(texts(crd({ spec: { scope: 'Global' } })), ['spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"']);
  assert.deepEqual(texts(crd({ spec: { scope: '' } })), ['spec.scope: Required value']);
});

test('names: DNS labels, kind and listKind', () => {
  const c = crd({ spec: { names: { plural: 'widgets', kind: 'Widget', listKind: 'Widget', shortNames: ['W'] } } });
  assert.deepEqual(texts(c), [
    `spec.names.shortNames[0]: Invalid value: "W": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    'spec.names.listKind: Invalid value: "Widget": kind and listKind may not be the same',
  ]);
});

test('versions: exactly one storage version, unique names', () => {
  const two = crd({
    versions: [
      { name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: SCHEMA } },
      { name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: SCHEMA } },
    ],
  });
  const msgs = texts(two).map((m) => m.replace(/Invalid value: \[.*\]: /, 'Invalid value: [...]: '));
  assert.deepEqual(msgs, [
    'spec.versions: Invalid value: [...]: must contain unique version names',
    'spec.versions: Invalid value: [...]: must have exactly one version marked as storage version',
    'status.storedVersions: Invalid value: [...]: must have the storage version v1',
  ]);
  const none = crd({ version: { storage: false } });
  assert.ok(texts(none).includes('status.storedVersions: Invalid value: null: must have at least one stored version'));
});

test('a schema is required for every version', () => {
  const c = crd({ version: { schema: undefined } });
  assert.deepEqual(texts(c), ['spec.versions[0].schema.openAPIV3Schema: Required value']);
});

test('structural schema errors: missing types, at the lifted path', () => {
  const c = crd({ version: { schema: { openAPIV3Schema: { type: 'object', properties: { spec: { properties: { a: { type: 'string' } } }, list: { type: 'array' } } } } } });
  assert.deepEqual(texts(c), [
    'spec.validation.openAPIV3Schema.properties[list].items: Required value: must be specified',
    'spec.validation.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields',
  ]);
});

test('per-version schemas that differ are reported per version', () => {
  const c = crd({
    versions: [
      { name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: SCHEMA } },
      { name: 'v1beta1', served: true, storage: false, schema: { openAPIV3Schema: { properties: { spec: { type: 'object' } } } } },
    ],
  });
  assert.deepEqual(texts(c), ['spec.versions[1].schema.openAPIV3Schema.type: Required value: must not be empty at the root']);
});

test('x-kubernetes-preserve-unknown-fields must be true, metadata may only name name/generateName', () => {
  const c = crd({
    version: {
      schema: {
        openAPIV3Schema: {
          type: 'object',
          properties: { metadata: { type: 'object', properties: { labels: { type: 'object' } } }, spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': false } },
        },
      },
    },
  });
  assert.deepEqual(texts(c), [
    'spec.validation.openAPIV3Schema.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified',
    'spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-preserve-unknown-fields: Invalid value: false: must be true or undefined',
  ]);
});

test('defaults must validate and must not be pruned', () => {
  const c = crd({
    version: {
      schema: {
        openAPIV3Schema: {
          type: 'object',
          properties: {
            spec: {
              type: 'object',
              properties: {
                replicas: { type: 'integer', default: 'three' },
                tpl: { type: 'object', properties: { a: { type: 'string' } }, default: { a: 'x', b: 'y' } },
              },
            },
          },
        },
      },
    },
  });
  assert.deepEqual(texts(c), [
    // kube-openapi names the default's root "", hence the double space
    'spec.validation.openAPIV3Schema.properties[spec].properties[replicas].default: Invalid value: "string":  in body must be of type integer: "string"',
    'spec.validation.openAPIV3Schema.properties[spec].properties[tpl].default: Invalid value: {"a":"x","b":"y"}: must not have unknown fields',
  ]);
});

test('defaults are forbidden in top-level metadata', () => {
  const c = crd({ version: { schema: { openAPIV3Schema: { type: 'object', properties: { metadata: { type: 'object', default: {} }, spec: { type: 'object' } } } } } });
  assert.deepEqual(texts(c), ['spec.validation.openAPIV3Schema.properties[metadata].default: Forbidden: must not be set in top-level metadata']);
});

test('with the status subresource the root may only have some keywords', () => {
  const c = crd({ version: { subresources: { status: {} }, schema: { openAPIV3Schema: { type: 'object', anyOf: [{ required: ['spec'] }], properties: { spec: { type: 'object' } } } } } });
  assert.deepEqual(texts(c), [
    'spec.validation.openAPIV3Schema: Invalid value: {"type":"object","anyOf":[{"required":["spec"]}],"properties":{"spec":{"type":"object"}}}: only [Description Type Format Title Maximum ExclusiveMaximum Minimum ExclusiveMinimum MaxLength MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required Items Properties ExternalDocs Example XPreserveUnknownFields XValidations] fields are allowed at the root of the schema if the status subresource is enabled',
  ]);
});

test('list types and maps: extension rules', () => {
  const c = crd({
    version: {
      schema: {
        openAPIV3Schema: {
          type: 'object',
          properties: {
            spec: {
              type: 'object',
              properties: {
                ports: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['port'], items: { type: 'object', properties: { port: { type: 'integer' } } } },
                tags: { type: 'object', 'x-kubernetes-list-type': 'set' },
              },
            },
          },
        },
      },
    },
  });
  assert.deepEqual(texts(c), [
    'spec.validation.openAPIV3Schema.properties[spec].properties[ports].items.properties[port].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property',
    'spec.validation.openAPIV3Schema.properties[spec].properties[tags].type: Invalid value: "object": must be array if x-kubernetes-list-type is specified',
  ]);
});

test('subresources.scale paths and printer columns', () => {
  const c = crd({
    version: {
      subresources: { scale: { specReplicasPath: '.status.replicas', statusReplicasPath: 'status.replicas', labelSelectorPath: '.metadata.labels' } },
      additionalPrinterColumns: [{ name: 'Size', type: 'bytes', jsonPath: '.spec.size' }, { name: 'X', type: 'string' }],
    },
  });
  assert.deepEqual(texts(c), [
    'spec.subresources.scale.specReplicasPath: Invalid value: ".status.replicas": should be a json path under .spec',
    'spec.subresources.scale.statusReplicasPath: Invalid value: "status.replicas": must be a simple json path starting with .',
    'spec.subresources.scale.labelSelectorPath: Invalid value: ".metadata.labels": should be a json path under either .spec or .status',
    'spec.additionalPrinterColumns[0].type: Invalid value: "bytes": must be one of boolean,date,integer,number,string',
    'spec.additionalPrinterColumns[1].JSONPath: Required value',
  ]);
});

test('protected groups need the approval annotation', () => {
  const c = crd({ name: 'widgets.x.k8s.io', spec: { group: 'x.k8s.io' } });
  assert.deepEqual(texts(c), [
    'metadata.annotations[api-approved.kubernetes.io]: Required value: protected groups must have approval annotation "api-approved.kubernetes.io", see https://github.com/kubernetes/enhancements/pull/1111',
  ]);
  assert.deepEqual(texts(crd({ name: 'widgets.x.k8s.io', spec: { group: 'x.k8s.io' }, annotations: { 'api-approved.kubernetes.io': 'unapproved, testing' } })), []);
});

test('update: group and plural are immutable; scope and kind once established', () => {
  const old = crd();
  old.status!.conditions = [{ type: 'Established', status: 'True' }];
  const c = crd({ spec: { scope: 'Cluster', names: { plural: 'widgets', kind: 'Gadget' } } });
  c.status = old.status;
  assert.deepEqual(validateCrdUpdate(c, old).map(fieldErrorText), [
    'spec.scope: Invalid value: "Cluster": field is immutable',
    'spec.names.kind: Invalid value: "Gadget": field is immutable',
  ]);
  const moved = crd({ spec: { names: { plural: 'gizmos', kind: 'Widget' } }, name: 'gizmos.example.com' });
  moved.status = old.status;
  assert.deepEqual(validateCrdUpdate(moved, old).map(fieldErrorText), ['spec.names.plural: Invalid value: "gizmos": field is immutable']);
});

test('update: a stored version may not leave spec.versions', () => {
  const old = crd();
  const c = crd({ version: { name: 'v2' } });
  c.status = { storedVersions: ['v1', 'v2'] };
  assert.deepEqual(validateCrdUpdate(c, old).map(fieldErrorText), [
    'status.storedVersions[0]: Invalid value: "v1": missing from spec.versions; v1 was previously a storage version, and must remain in spec.versions until a storage migration ensures no data remains persisted in v1 and removes v1 from status.storedVersions',
  ]);
});
