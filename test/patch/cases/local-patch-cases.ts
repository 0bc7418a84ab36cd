// Patches applied offline by `kubectl patch --local -f obj.json --type T -p PATCH -o json` (which
// runs upstream's patch libraries) and by src/patch; fixtures/local-patch.json holds kubectl's
// answers. Each case is one behaviour: strategy, directive, ordering rule, quirk or error text.
import type { Json, JsonObject } from '../../../src/patch/index.ts';

export type LocalPatchType = 'strategic' | 'merge' | 'json';

export interface LocalPatchCase {
  name: string;
  type: LocalPatchType;
  object: JsonObject;
  patch: Json;
}

const pod: JsonObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', labels: { app: 'web', tier: 'fe' }, annotations: { a: '1' }, finalizers: ['x/one', 'x/two'] },
  spec: {
    containers: [
      {
        name: 'app',
        image: 'nginx:1',
        args: ['--a', '--b'],
        ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443, name: 'https' }],
        env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }],
        resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '100m' } },
      },
      { name: 'side', image: 'busybox', command: ['sleep', '1d'] },
    ],
    volumes: [{ name: 'data', emptyDir: {} }, { name: 'conf', configMap: { name: 'cm' } }],
    tolerations: [{ key: 'k1', operator: 'Exists' }],
    imagePullSecrets: [{ name: 'reg' }],
    nodeSelector: { disk: 'ssd' },
  },
};

const deployment: JsonObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } },
  },
};

const node: JsonObject = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'n1' },
  spec: { podCIDRs: ['10.0.0.0/24', '10.0.1.0/24'], taints: [{ key: 't', effect: 'NoSchedule' }] },
};

const service: JsonObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 's' },
  spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, name: 'http' }, { port: 443, name: 'https' }] },
};

const pdb: JsonObject = {
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'p' },
  spec: { minAvailable: 1, selector: { matchLabels: { app: 'web', tier: 'fe' } } },
};

const configMap: JsonObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'c', labels: { a: 'b' } },
  data: { k1: 'v1', k2: 'v2' },
};

// An object of a kind kubectl does not know: merge and JSON patches only.
const custom: JsonObject = {
  apiVersion: 'example.com/v1',
  kind: 'Widget',
  metadata: { name: 'w' },
  spec: {
    title: 'Goodbye!',
    author: { givenName: 'John', familyName: 'Doe' },
    tags: ['example', 'sample'],
    content: 'This will be unchanged',
    list: ['a', 'b', 'c'],
    nested: { obj: { deep: [1, 2, 3] } },
    'a/b': 1,
    'm~n': 2,
    nullField: null,
  },
};

const sp = (name: string, object: JsonObject, patch: Json): LocalPatchCase => ({ name, type: 'strategic', object, patch });
const mp = (name: string, object: JsonObject, patch: Json): LocalPatchCase => ({ name, type: 'merge', object, patch });
const jp = (name: string, object: JsonObject, patch: Json): LocalPatchCase => ({ name, type: 'json', object, patch });

const podSpec = (spec: JsonObject): JsonObject => ({ spec });
const container = (c: JsonObject): JsonObject => podSpec({ containers: [{ name: 'app', ...c }] });

export const LOCAL_PATCH_CASES: LocalPatchCase[] = [
  // Maps.
  sp('maps merge, null deletes, unmatched null ignored', pod, { metadata: { labels: { tier: 'be', new: 'x', app: null, gone: null } } }),
  sp('whole field deleted with null', pod, { spec: { nodeSelector: null, tolerations: null } }),
  sp('$patch replace on a map', pod, { metadata: { labels: { $patch: 'replace', only: 'this' } } }),
  sp('$patch delete on a map', pod, { spec: { nodeSelector: { $patch: 'delete' } } }),
  sp('unknown $patch on a map', pod, { spec: { nodeSelector: { $patch: 'frobnicate', a: 'b' } } }),
  sp('$patch merge is not a map directive', pod, { spec: { nodeSelector: { $patch: 'merge' } } }),
  sp('non-string $patch', pod, { spec: { nodeSelector: { $patch: 3 } } }),
  sp('type change: patch value wins', deployment, { spec: { replicas: '3', selector: ['x'] } }),
  sp('new field keeps nested nulls out and drops directive maps', pod, {
    spec: { securityContext: { runAsUser: 1, fsGroup: null, seLinuxOptions: { $patch: 'delete' }, sysctls: [{ name: 'a', value: '1' }, { $patch: 'delete', name: 'b' }] } },
  }),
  sp('replace strategy on a struct (PDB selector)', pdb, { spec: { selector: { matchLabels: { app: 'x' } } } }),
  sp('unknown field present on both sides', { ...configMap, spec: { foo: { a: 1 } } }, { spec: { foo: { b: 2 } } }),
  sp('nested maps merge inside a merge-list item', pod, { spec: { containers: [{ name: 'app', resources: { limits: { cpu: '2' } } }] }, metadata: { labels: { x: 'y' } } }),
  sp('top-level null patch changes nothing', configMap, null),
  sp('data map merge', configMap, { data: { k1: null, k3: 'v3' } }),
  // Keys that are members of JavaScript's Object.prototype are plain keys here.
  sp('keys named like Object.prototype members', { ...configMap, data: { ['__proto__']: 'old', k: 'v' } }, { data: { constructor: 'c', toString: null, ['__proto__']: 'p', hasOwnProperty: { x: 1 } } }),

  // Merge lists of maps.
  sp('merge list: change an item by key', pod, container({ image: 'nginx:2' })),
  sp('merge list: new item goes first', pod, podSpec({ containers: [{ name: 'new', image: 'x', foo: null }] })),
  sp('merge list: patch order wins over live order', pod, podSpec({ containers: [{ name: 'side', image: 'b2' }, { name: 'app', image: 'a2' }] })),
  sp('merge list: new items interleave with patch order', pod, podSpec({ containers: [{ name: 'side', image: 'b2' }, { name: 'z', image: 'z' }, { name: 'app', image: 'a2' }, { name: 'a', image: 'a' }] })),
  sp('merge list: $patch delete by key', pod, podSpec({ containers: [{ name: 'side', $patch: 'delete' }] })),
  sp('merge list: $patch delete of a missing key', pod, podSpec({ containers: [{ name: 'nope', $patch: 'delete' }] })),
  sp('merge list: $patch delete without merge key', pod, podSpec({ containers: [{ $patch: 'delete' }] })),
  sp('merge list: $patch replace', pod, podSpec({ containers: [{ name: 'only', image: 'x' }, { $patch: 'replace' }] })),
  sp('merge list: $patch merge is refused', pod, podSpec({ containers: [{ $patch: 'merge' }] })),
  sp('merge list: unknown $patch item', pod, podSpec({ containers: [{ name: 'app', $patch: 'squash' }] })),
  sp('merge list: item without merge key', pod, podSpec({ containers: [{ image: 'x' }] })),
  sp('merge list: $patch replace inside an item', pod, container({ $patch: 'replace', image: 'only' })),
  sp('merge list: nested merge lists (ports, env)', pod, container({ ports: [{ containerPort: 8080 }, { containerPort: 443, name: 'tls' }], env: [{ name: 'B', $patch: 'delete' }, { name: 'C', value: '3' }] })),
  sp('merge list: nested replace list (args)', pod, container({ args: ['--c'] })),
  sp('merge list: replace strategy list of maps (tolerations)', pod, podSpec({ tolerations: [{ key: 'k2', operator: 'Exists' }] })),
  sp('merge list: imagePullSecrets by name', pod, podSpec({ imagePullSecrets: [{ name: 'other' }] })),
  sp('merge list: service ports by port', service, { spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 8443, name: 'alt' }] } }),
  sp('merge list: null element', pod, podSpec({ containers: [null] })),
  sp('merge list: mixed item types', pod, podSpec({ containers: ['x'] })),
  sp('merge list: list replaced by a map', pod, podSpec({ containers: { name: 'x' } })),
  sp('merge list: whole list deleted', pod, podSpec({ containers: null })),
  sp('merge list: empty patch list', pod, podSpec({ containers: [] })),

  // retainKeys.
  sp('$retainKeys clears unlisted fields', deployment, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }),
  sp('$retainKeys with a null field', deployment, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null } } }),
  sp('$retainKeys must list patched fields', deployment, { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: { maxSurge: 2 } } } }),
  sp('$retainKeys must be a list', deployment, { spec: { strategy: { $retainKeys: 'type', type: 'Recreate' } } }),
  sp('$retainKeys in merge-list items (volumes)', pod, podSpec({ volumes: [{ name: 'data', $retainKeys: ['hostPath', 'name'], hostPath: { path: '/d' } }] })),
  sp('retainKeys strategy without directive merges', deployment, { spec: { strategy: { type: 'Recreate' } } }),
  sp('$retainKeys on a new field stays in the object', { ...deployment, spec: { replicas: 1 } }, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }),

  // Primitive merge lists.
  sp('primitive merge list: union, new first', pod, { metadata: { finalizers: ['x/three', 'x/one'] } }),
  sp('primitive merge list: duplicates in original', { ...node, spec: { podCIDRs: ['a', 'b', 'a', 'c', 'b'] } }, { spec: { podCIDRs: ['d'] } }),
  sp('$deleteFromPrimitiveList', pod, { metadata: { '$deleteFromPrimitiveList/finalizers': ['x/one', 'x/none'] } }),
  sp('$deleteFromPrimitiveList and additions together', node, { spec: { '$deleteFromPrimitiveList/podCIDRs': ['10.0.0.0/24'], podCIDRs: ['10.0.2.0/24'] } }),
  sp('$deleteFromPrimitiveList on a replace list', pod, container({ '$deleteFromPrimitiveList/args': ['--a'] })),
  sp('$deleteFromPrimitiveList of a missing list', pod, podSpec({ '$deleteFromPrimitiveList/foo': ['x'] })),
  sp('$deleteFromPrimitiveList without a slash', pod, { metadata: { $deleteFromPrimitiveListfinalizers: ['x'] } }),
  sp('$deleteFromPrimitiveList null deletes the list', pod, { metadata: { '$deleteFromPrimitiveList/finalizers': null } }),
  sp('primitive list: lists of lists', { ...node, spec: { podCIDRs: [['a']] } }, { spec: { podCIDRs: [['b']] } }),
  sp('primitive list: element types differ', node, { spec: { podCIDRs: [1] } }),

  // $setElementOrder.
  sp('$setElementOrder reorders a merge list', pod, podSpec({ '$setElementOrder/containers': [{ name: 'side' }, { name: 'app' }] })),
  sp('$setElementOrder with changes and additions', pod, podSpec({
    '$setElementOrder/containers': [{ name: 'new' }, { name: 'side' }, { name: 'app' }],
    containers: [{ name: 'new', image: 'n' }, { name: 'app', image: 'a2' }],
  })),
  sp('$setElementOrder with server-only items', pod, podSpec({ '$setElementOrder/containers': [{ name: 'app' }, { name: 'new' }], containers: [{ name: 'new', image: 'n' }] })),
  sp('$setElementOrder with a deletion', pod, podSpec({
    '$setElementOrder/containers': [{ name: 'side' }],
    containers: [{ name: 'app', $patch: 'delete' }],
  })),
  sp('$setElementOrder mismatching the patch list', pod, podSpec({ '$setElementOrder/containers': [{ name: 'app' }, { name: 'side' }], containers: [{ name: 'side', image: 'b' }, { name: 'app', image: 'a' }] })),
  sp('$setElementOrder missing an item of the patch list', pod, podSpec({ '$setElementOrder/containers': [{ name: 'app' }], containers: [{ name: 'x', image: 'b' }] })),
  sp('$setElementOrder on a primitive list', pod, { metadata: { '$setElementOrder/finalizers': ['x/two', 'x/new', 'x/one'], finalizers: ['x/new'] } }),
  sp('$setElementOrder with primitive deletions', node, {
    spec: { '$setElementOrder/podCIDRs': ['10.0.1.0/24'], '$deleteFromPrimitiveList/podCIDRs': ['10.0.0.0/24'] },
  }),
  sp('$setElementOrder for a list only in the patch', pod, podSpec({ '$setElementOrder/hostAliases': [{ ip: '1.1.1.1' }], hostAliases: [{ ip: '1.1.1.1', hostnames: ['a'] }] })),
  sp('$setElementOrder of an unknown field', pod, podSpec({ '$setElementOrder/foo': [{ name: 'a' }] })),
  sp('$setElementOrder of a map field', pod, podSpec({ '$setElementOrder/nodeSelector': ['a'] })),
  sp('$setElementOrder not a list', pod, podSpec({ '$setElementOrder/containers': 'x' })),
  sp('$setElementOrder without a slash', pod, podSpec({ $setElementOrdercontainers: [] })),
  sp('$setElementOrder item without merge key', pod, podSpec({ '$setElementOrder/containers': [{ image: 'x' }], containers: [{ name: 'app', image: 'y' }] })),
  sp('$setElementOrder on empty lists', { ...node, spec: { podCIDRs: [] } }, { spec: { '$setElementOrder/podCIDRs': [], podCIDRs: [] } }),

  // JSON merge patch (RFC 7386 and evanphx details).
  mp('merge: RFC 7386 example', custom, { spec: { title: 'Hello!', phoneNumber: '+01-123-456-7890', author: { familyName: null }, tags: ['example'] } }),
  mp('merge: null deletes, missing ignored', custom, { spec: { content: null, nope: null } }),
  mp('merge: object replaces a scalar, nulls pruned', custom, { spec: { content: { a: 1, b: null } } }),
  mp('merge: array replaces, nulls kept inside', custom, { spec: { list: [null, { a: null, b: 1 }] } }),
  mp('merge: into an explicit null member', custom, { spec: { nullField: { a: null, b: { c: null } } } }),
  mp('merge: empty patch', custom, {}),
  mp('merge: nested deep replace', custom, { spec: { nested: { obj: { deep: { x: 1 } } } } }),
  mp('merge: strategic lists are replaced', pod, podSpec({ containers: [{ name: 'app', image: 'only' }] })),
  mp('merge: null patch', custom, null),
  mp('merge: keys named like Object.prototype members', configMap, { data: { constructor: { a: null }, toString: null, ['__proto__']: 'p' } }),
  mp('merge: scalar patch', custom, 'x'),

  // JSON patch (RFC 6902 and evanphx details).
  jp('json: add a member', custom, [{ op: 'add', path: '/spec/baz', value: 'qux' }]),
  jp('json: add an array item', custom, [{ op: 'add', path: '/spec/list/1', value: 'x' }]),
  jp('json: add with -', custom, [{ op: 'add', path: '/spec/list/-', value: 'end' }]),
  jp('json: add at the end index', custom, [{ op: 'add', path: '/spec/list/3', value: 'end' }]),
  jp('json: add past the end', custom, [{ op: 'add', path: '/spec/list/4', value: 'x' }]),
  jp('json: add at a negative index', custom, [{ op: 'add', path: '/spec/list/-1', value: 'x' }]),
  jp('json: add at a bad index', custom, [{ op: 'add', path: '/spec/list/x', value: 'x' }]),
  jp('json: add to a missing parent', custom, [{ op: 'add', path: '/spec/missing/x', value: 1 }]),
  jp('json: add without value', custom, [{ op: 'add', path: '/spec/v' }]),
  jp('json: add without path', custom, [{ op: 'add', value: 1 }]),
  jp('json: add to root path', custom, [{ op: 'add', path: '', value: {} }]),
  jp('json: path without leading slash', custom, [{ op: 'add', path: 'spec/zz', value: 1 }]),
  jp('json: escaped tokens', custom, [{ op: 'replace', path: '/spec/a~1b', value: 10 }, { op: 'remove', path: '/spec/m~0n' }]),
  jp('json: remove a member', custom, [{ op: 'remove', path: '/spec/title' }]),
  jp('json: remove an array item', custom, [{ op: 'remove', path: '/spec/list/0' }]),
  jp('json: remove a negative index', custom, [{ op: 'remove', path: '/spec/list/-1' }]),
  jp('json: remove a missing member', custom, [{ op: 'remove', path: '/spec/nope' }]),
  jp('json: remove past the end', custom, [{ op: 'remove', path: '/spec/list/3' }]),
  jp('json: remove under a missing parent', custom, [{ op: 'remove', path: '/spec/a/b/c' }]),
  jp('json: replace a member', custom, [{ op: 'replace', path: '/spec/title', value: 'new' }]),
  jp('json: replace a missing member adds it', custom, [{ op: 'replace', path: '/spec/fresh', value: 'new' }]),
  jp('json: replace an array item', custom, [{ op: 'replace', path: '/spec/list/2', value: 'C' }]),
  jp('json: replace past the end', custom, [{ op: 'replace', path: '/spec/list/5', value: 'C' }]),
  jp('json: replace under a missing parent', custom, [{ op: 'replace', path: '/spec/zz/a', value: 'c' }]),
  jp('json: replace with a non-string path', custom, [{ op: 'replace', path: 5, value: 'c' }]),
  jp('json: move a member', custom, [{ op: 'move', from: '/spec/title', path: '/spec/heading' }]),
  jp('json: move an array item', custom, [{ op: 'move', from: '/spec/list/0', path: '/spec/list/2' }]),
  jp('json: move from a missing member', custom, [{ op: 'move', from: '/spec/nope', path: '/spec/x' }]),
  jp('json: move without from', custom, [{ op: 'move', path: '/spec/x' }]),
  jp('json: copy a member', custom, [{ op: 'copy', from: '/spec/author', path: '/spec/editor' }]),
  jp('json: copy from a missing member copies null', custom, [{ op: 'copy', from: '/spec/nope', path: '/spec/x' }]),
  jp('json: copy to a missing parent', custom, [{ op: 'copy', from: '/spec/title', path: '/nope/x' }]),
  jp('json: test success', custom, [{ op: 'test', path: '/spec/author', value: { familyName: 'Doe', givenName: 'John' } }, { op: 'test', path: '/spec/nested/obj/deep/1', value: 2 }]),
  jp('json: test failure', custom, [{ op: 'test', path: '/spec/title', value: 'nope' }]),
  jp('json: test of a missing member against null', custom, [{ op: 'test', path: '/spec/nope', value: null }]),
  jp('json: test of a missing member', custom, [{ op: 'test', path: '/spec/nope', value: 1 }]),
  jp('json: test without value', custom, [{ op: 'test', path: '/spec/title' }]),
  jp('json: test under a missing parent', custom, [{ op: 'test', path: '/spec/zz/a', value: 1 }]),
  jp('json: test of a bad index', custom, [{ op: 'test', path: '/spec/list/9', value: 1 }]),
  jp('json: unknown op', custom, [{ op: 'frob', path: '/spec' }]),
  jp('json: missing op', custom, [{ path: '/spec' }]),
  jp('json: ops apply in sequence and stop at the first failure', custom, [
    { op: 'add', path: '/spec/n', value: 1 }, { op: 'test', path: '/spec/n', value: 1 }, { op: 'remove', path: '/spec/none' },
  ]),
  jp('json: through a scalar', custom, [{ op: 'add', path: '/spec/title/x', value: 1 }]),
  jp('json: through an explicit null', custom, [{ op: 'add', path: '/spec/nullField/x', value: 1 }]),
  jp('json: empty patch', custom, []),
  jp('json: keys named like Object.prototype members', configMap, [
    { op: 'add', path: '/data/constructor', value: 'c' }, { op: 'add', path: '/data/__proto__', value: 'p' },
    { op: 'test', path: '/data/toString', value: null }, { op: 'copy', from: '/data/valueOf', path: '/data/v' },
  ]),
  jp('json: removing a key named like an Object.prototype member', configMap, [{ op: 'remove', path: '/data/toString' }]),
  jp('json: replace the document with a scalar', custom, [{ op: 'replace', path: '', value: 'x' }]),
  jp('json: replace the document', custom, [{ op: 'replace', path: '', value: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'z' } } }]),
  jp('json: negative index replace', custom, [{ op: 'replace', path: '/spec/list/-1', value: 'Z' }]),
  jp('json: null item in the patch', custom, [null]),
  jp('json: test of an explicit null', custom, [{ op: 'test', path: '/spec/nullField', value: null }]),
];
