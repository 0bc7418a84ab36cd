// The objects the JSONPath differential cases print (see cases.ts).

const meta = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });

// No top-level "items": kubectl would treat the object as a list and print its items one by one.
export const OBJECTS = {
  pods: {
    ...meta('pods'),
    metadata: {
      name: 'pods',
      namespace: 'default',
      labels: { app: 'web' },
      annotations: { 'kubectl.kubernetes.io/last-applied': '{}', 'a.b': 'dots' },
    },
    pods: [
      {
        metadata: { name: 'web-1', labels: { tier: 'fe' } },
        spec: {
          nodeName: 'n1',
          containers: [
            { name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }, { containerPort: 443 }] },
            { name: 'sidecar', image: 'busybox' },
          ],
        },
        status: {
          phase: 'Running',
          restartCount: 0,
          ready: true,
          conditions: [
            { type: 'Ready', status: 'True' },
            { type: 'Initialized', status: 'True' },
          ],
        },
      },
      {
        metadata: { name: 'web-2' },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] },
        status: { phase: 'Pending', restartCount: 3, ready: false, conditions: [{ type: 'Ready', status: 'False' }] },
      },
      {
        metadata: { name: 'db-1', labels: { tier: 'be' } },
        spec: { nodeName: 'n2', containers: [{ name: 'pg', image: 'postgres', resources: { limits: { cpu: '500m', memory: '1Gi' } } }] },
        status: { phase: 'Running', restartCount: 12, ready: true, startTime: '2024-01-02T03:04:05Z', score: 1.5 },
      },
    ],
    empty: [],
    emptyMap: {},
    nothing: null,
  },
  numbers: {
    ...meta('numbers'),
    n: {
      zero: 0,
      one: 1,
      neg: -3,
      half: 0.5,
      f: 1.5,
      big: 123456789012345678901,
      maxSafe: 9007199254740991,
      beyondSafe: 2 ** 60,
      e21: 1e21,
      e20: 1e20,
      million: 1e6,
      millionHalf: 1500000.5,
      small: 1e-7,
      tiny: 0.00001,
      milli: 0.0001,
      pi: 3.14159,
      negf: -2.5,
      exp: 12345678.9,
      huge: 1.7976931348623157e308,
    },
    list: [1, 2.5, -1, 0, 1e300],
    ints: [3, 1, 2],
    floats: [0.5, 2.5, 1.25],
  },
  strings: {
    ...meta('strings'),
    s: {
      plain: 'hello',
      unicode: 'héllo wörld ✓',
      emoji: '😀 ok',
      html: '<a href="x">&amp;</a>',
      ctrl: 'a\u0001b\u001fc\u0008d\u000ce',
      tab: 'a\tb',
      nl: 'line1\nline2',
      quote: `say "hi" and 'bye'`,
      backslash: 'C:\\path',
      ls: 'a\u2028b\u2029c',
      nbsp: 'a\u00a0b',
      del: 'a\u007fb',
      empty: '',
    },
    arr: ['x', 'y z', '😀', 'Ünï'],
    one: { only: 'value' },
  },
  nulls: {
    ...meta('nulls'),
    a: null,
    list: [null, 1, null],
    m: { k: null },
    nested: [[1, 2], [3], []],
    objs: [{ x: null }, { x: 1 }, {}],
    bools: [true, false],
    t: true,
    f: false,
    deep: { a: { b: { c: 'leaf' } } },
    empty: [],
  },
};
