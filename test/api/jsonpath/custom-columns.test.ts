// custom-columns cells (and the relaxed paths they use) against real kubectl: one column, no
// headers, so kubectl's line is exactly the cell. The values live in a custom resource that keeps
// unknown fields, so every JSON type can be served.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JsonPathError, parseJsonPath } from '../../../src/api/jsonpath/jsonpath.ts';
import { customColumnCell, relaxedJsonPathExpression } from '../../../src/api/jsonpath/kubectl.ts';
import { kubectlBinary, run, startServer } from '../../helpers/server.ts';
import { establish } from '../../server/crd/crd-helpers.ts';

const CRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'bags.jsonpath.example.com' },
  spec: {
    group: 'jsonpath.example.com',
    scope: 'Namespaced',
    names: { plural: 'bags', singular: 'bag', kind: 'Bag' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } } },
      },
    ],
  },
};
const BAG = {
  apiVersion: 'jsonpath.example.com/v1',
  kind: 'Bag',
  metadata: { name: 'b', namespace: 'default', labels: { a: '1', b: 'two' } },
  spec: {
    int: 3,
    float: 1.5,
    million: 1000000.5,
    big: 1e21,
    on: true,
    text: 'plain',
    nul: null,
    list: [1, 'x y', null, { k: 'v' }, [1, 2]],
    map: { z: [1], a: { b: 'c' }, n: null },
    empty: [],
    emptyMap: {},
    esc: '\x1b[31mred\rback',
    items: [{ name: 'a', n: 1 }, { name: 'b' }, { name: 'c', n: 2.5 }],
  },
};
const SPECS = [
  'metadata.name',
  '.metadata.name',
  '{metadata.name}',
  '{.metadata.name}',
  '.metadata.labels',
  '.spec.int',
  '.spec.float',
  '.spec.million',
  '.spec.big',
  '.spec.on',
  '.spec.text',
  '.spec.nul',
  '.spec.list',
  '.spec.list[*]',
  '.spec.list[3]',
  '.spec.map',
  '.spec.empty',
  '.spec.emptyMap',
  '.spec.esc',
  '.spec.missing',
  '.spec.items[*].name',
  '.spec.items[*].n',
  '.spec.items[?(@.name=="b")].name',
  '.spec.items[?(@.n)].name',
  ".spec.items[0]['name']",
  '.spec.items[9].name',
  '.spec.list[*][0]',
  '.spec',
  '{.a}{.b}',
  '.spec.text[',
  '.spec.#',
];

test('custom-columns cells match kubectl', async (t) => {
  const kubectl = kubectlBinary();
  if (!kubectl) return t.skip('kubectl not installed');
  const srv = await startServer(t);
  await establish(srv, CRD);
  const created = await srv.request('POST', '/apis/jsonpath.example.com/v1/namespaces/default/bags', { body: BAG });
  assert.equal(created.status, 201, created.text);
  const served: unknown = created.json();

  const env = { KUBECONFIG: srv.kubeconfig };
  const results = await Promise.all(
    SPECS.map((spec) => run(kubectl, ['get', 'bags.jsonpath.example.com', 'b', '-n', 'default', '--no-headers', '-o', `custom-columns=C:${spec}`], env)),
  );
  SPECS.forEach((spec, i) => {
    let ours: { code: number; stdout: string; stderr: string };
    try {
      ours = { code: 0, stdout: `${customColumnCell(parseJsonPath(relaxedJsonPathExpression(spec)), served)}\n`, stderr: '' };
    } catch (err) {
      if (!(err instanceof JsonPathError)) throw err;
      ours = { code: 1, stdout: '', stderr: `error: ${err.message}\n` };
    }
    assert.deepEqual(ours, results[i], spec);
  });
});
