// The type table of a custom resource version, for server-side apply and managedFields.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crdTypeIndex } from '../../../src/server/crd/type-index.ts';
import type { Crd } from '../../../src/server/crd/types.ts';

const crd: Crd = {
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    names: { plural: 'widgets', kind: 'Widget' },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                required: ['size'],
                properties: {
                  size: { type: 'integer', format: 'int32', default: 1 },
                  port: { 'x-kubernetes-int-or-string': true },
                  ports: {
                    type: 'array',
                    'x-kubernetes-list-type': 'map',
                    'x-kubernetes-list-map-keys': ['name', 'protocol'],
                    items: { type: 'object', properties: { name: { type: 'string' }, protocol: { type: 'string' } } },
                  },
                  tags: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
                  labels: { type: 'object', additionalProperties: { type: 'string' }, 'x-kubernetes-map-type': 'atomic' },
                  selector: { type: 'object', 'x-kubernetes-map-type': 'atomic', properties: { app: { type: 'string' } } },
                  anything: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                  template: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
                },
              },
              status: { type: 'object', properties: { ready: { type: 'boolean' } } },
            },
          },
        },
      },
    ],
  },
};

test('crdTypeIndex: struct fields, list and map semantics, opaque values', () => {
  const { index, typeName } = crdTypeIndex(crd, 'v1');
  assert.equal(typeName, 'com.example.v1.Widget');
  assert.equal(index.typeNameForKind('example.com', 'v1', 'Widget'), typeName);
  assert.deepEqual(index.jsonFields(typeName).map((f) => [f.name, f.type]), [
    ['apiVersion', 'string'],
    ['kind', 'string'],
    ['metadata', 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
    ['spec', `${typeName}.spec`],
    ['status', `${typeName}.status`],
  ]);
  const spec = `${typeName}.spec`;
  const f = (name: string) => index.fieldOf(spec, name);
  assert.deepEqual(f('size'), { name: 'size', type: 'int32', required: true, default: 1 });
  assert.deepEqual(f('port'), { name: 'port', type: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString' });
  assert.deepEqual(f('ports'), { name: 'ports', type: `${spec}.ports.items`, repeated: true, listType: 'map', listMapKeys: ['name', 'protocol'] });
  assert.deepEqual(f('tags'), { name: 'tags', type: 'string', repeated: true, listType: 'set' });
  assert.deepEqual(f('labels'), { name: 'labels', type: 'string', map: true, mapType: 'atomic' });
  assert.deepEqual(f('selector'), { name: 'selector', type: `${spec}.selector`, mapType: 'atomic' });
  assert.equal(index.type(`${spec}.selector`)?.mapType, 'atomic');
  assert.equal(index.type(f('anything')!.type)?.special, 'json');
  assert.equal(index.type(f('template')!.type)?.special, 'json');
  assert.deepEqual(index.jsonFields(`${spec}.ports.items`).map((x) => x.name), ['name', 'protocol']);
  // the built-in types stay available
  assert.ok(index.type('io.k8s.api.core.v1.Pod'));
});
