import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readBlockYaml } from '../../src/kubeconfig/block-yaml.ts';
import { readYamlDocument } from '../../src/kubeconfig/yaml-document.ts';
import { toYaml } from '../../src/printers/yaml.ts';

/** The fast reader either declines or agrees with the full parser. */
function agrees(text: string): boolean {
  const fast = readBlockYaml(text);
  if (fast === undefined) return false;
  assert.deepEqual(fast, readYamlDocument(text), text);
  return true;
}

const KTL_WRITTEN = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: TFMwdExTMUNSVWRKVGlCRFJWSlVTVVpKUTBGVVJTMHRMUzB0Q2c9PQ==
    server: https://127.0.0.1:6443
  name: ktl
contexts:
- context:
    cluster: ktl
    namespace: dev
    user: ktl
  name: ktl
current-context: ktl
kind: Config
preferences: {}
users:
- name: ktl
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      args:
      - --id
      - "1"
      command: ./bin/cred
      env: null
      interactiveMode: IfAvailable
      provideClusterInfo: true
`;

test('the layout kubectl and ktl write takes the fast path and reads as the full parser reads it', () => {
  assert.equal(agrees(KTL_WRITTEN), true);
  assert.equal(agrees('apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n'), true);
});

test('hand-written variants: comments, indented sequences, quoting, YAML 1.1 words', () => {
  const cases = [
    '# a comment\napiVersion: v1\n\nclusters:\n  - name: a\n    cluster:\n      server: https://h:1/p#frag\n',
    "current-context: 'it''s'\npreferences:\n  colors: yes\nusers: []\n",
    'a:\nb: ~\nc: 012\nd: 0x1F\ne: 1.5\nf: 2001-12-14\ng: off\nh: "yes"\n',
    'list:\n-\n  x: 1\n- plain\n- -1\n- --flag\nnext: 1\n',
    'a:\n  - 1\n  - 2\nb: 3\n',
  ];
  for (const text of cases) assert.equal(agrees(text), true, text);
});

test('anything else is left to the full parser', () => {
  const cases = [
    'a: {b: 1}\n', 'a: &x 1\nb: *x\n', 'a: |\n  text\n', 'a: "esc\\"aped"\n', 'a: b # trailing comment\n',
    '---\na: 1\n', 'a: 1\na: 2\n', 'a:\n\tb: 1\n', 'a: b\n  c\n', '  a: 1\n', 'a key: 1\n', 'list:\n- - nested\n', 'a: - b\n', 'yes: 1\n', 'a: b: c\n',
  ];
  for (const text of cases) assert.equal(readBlockYaml(text), undefined, text);
});

test('random kubeconfig-like documents in kubectl\'s layout: same values as the full parser', () => {
  const words = ['v1', 'yes', 'No', 'null', '~', '', '1', '007', '0x10', '1e3', '.5', 'a: b', 'x #y', "it's", '-a', '- a', 'https://h:1/p#f',
    ' lead', 'trail ', '{}', '[x]', '*star', '&amp', '!bang', '%pct', '@at', '`tick`', 'é', '2024-01-02', 'true', 'on', 'y', 'a"b', 'tab\there', 'nl\nhere'];
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  const value = (depth: number): unknown => {
    const k = rand(depth > 2 ? 3 : 6);
    if (k === 0) return words[rand(words.length)];
    if (k === 1) return rand(3) === 0 ? null : rand(2) === 0;
    if (k === 2) return rand(1000) - 10;
    if (k === 3) return Array.from({ length: rand(3) }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: rand(4) }, (_, i) => [`key-${i}.${rand(9)}`, value(depth + 1)]));
  };
  let fast = 0;
  for (let i = 0; i < 400; i++) if (agrees(toYaml({ apiVersion: 'v1', doc: value(0) }))) fast++;
  assert.ok(fast > 100, `only ${fast} of 400 documents took the fast path`);
});
