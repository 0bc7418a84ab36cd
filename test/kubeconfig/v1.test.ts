import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import { KubeconfigError } from '../../src/kubeconfig/types.ts';
import { parseKubeconfig, serializeKubeconfig } from '../../src/kubeconfig/v1.ts';
import { findKubectl, NO_KUBECTL, runKubectl } from '../printers/kubectl-oracle.ts';

// Files as people write them: any key order, comments, YAML 1.1 scalars, nulls, empty lists.
const files: Record<string, string> = {
  empty: '',
  comment: '# nothing here\n',
  minimal: 'current-context: dev\n',
  full: `
kind: Config
apiVersion: v1
current-context: dev
preferences: {colors: true}
clusters:
- name: prod
  cluster:
    server: https://prod.example.com:6443
    certificate-authority-data: ${Buffer.from('-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n').toString('base64')}
    tls-server-name: api.prod
    proxy-url: socks5://proxy:1080
    disable-compression: yes
- name: dev
  cluster:
    server: http://127.0.0.1:8080
    insecure-skip-tls-verify: true
    certificate-authority: certs/ca.crt
    extensions:
    - name: client.authentication.k8s.io/exec
      extension: {audience: dev, nested: {list: [1, two]}}
contexts:
- name: dev
  context: {cluster: dev, user: alice, namespace: team-a}
- name: prod
  context:
    cluster: prod
    user: bob
users:
- name: bob
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ./bin/cred
      args: [--id, "1"]
      env: [{name: K, value: v}]
      installHint: install it
      interactiveMode: IfAvailable
      provideClusterInfo: true
- name: alice
  user:
    client-certificate: alice.crt
    client-key: /abs/alice.key
    token: abc
    tokenFile: tok
    as: admin
    as-uid: "1000"
    as-groups: [g1, g2]
    as-user-extra: {scopes: [a, b], none: null}
    username: alice
    password: "true"
- name: oidc
  user:
    auth-provider:
      name: oidc
      config: {client-id: x, id-token: "y"}
- name: legacy-plugin
  user:
    exec: {command: gke-gcloud-auth-plugin, apiVersion: client.authentication.k8s.io/v1beta1}
- name: nulls
  user:
    exec: {command: x, args: null, env: []}
    auth-provider: {name: gcp}
extensions:
- name: z-top
  extension: "a string"
- name: a-top
  extension: {kind: Thing, apiVersion: example.com/v1, spec: {}}
`,
  nullLists: 'clusters: null\ncontexts: []\nusers:\n',
  emptyValues: 'clusters:\n- name: ""\n  cluster: {}\ncontexts:\n- name: c\n  context: null\n',
};

const badFiles: Record<string, [string, string]> = {
  boolType: ['clusters:\n- name: a\n  cluster:\n    server: https://x\n    insecure-skip-tls-verify: "true"\n',
    'json: cannot unmarshal string into Go struct field Cluster.clusters.cluster.insecure-skip-tls-verify of type bool'],
  numberToken: ['users:\n- name: a\n  user:\n    token: 0123\n',
    'json: cannot unmarshal number into Go struct field AuthInfo.users.user.token of type string'],
  listType: ['contexts:\n- name: a\n  context:\n    cluster: [x]\n',
    'json: cannot unmarshal array into Go struct field Context.contexts.context.cluster of type string'],
  version: ['apiVersion: v2\nkind: Config\n',
    'no kind "Config" is registered for version "v2" in scheme "k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50"'],
  kind: ['apiVersion: v1\nkind: Pod\n',
    'no kind "Pod" is registered for version "v1" in scheme "k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50"'],
  base64: ['clusters:\n- name: a\n  cluster:\n    server: https://x\n    certificate-authority-data: "!!!"\n', 'illegal base64 data at input byte 0'],
};

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-kubeconfig-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('parse: fields, data, nil vs empty lists', async () => {
  const c = await parseKubeconfig(files.full!);
  assert.equal(c.currentContext, 'dev');
  assert.deepEqual(c.preferences, { colors: true });
  assert.equal(c.clusters.prod!.disableCompression, true);  // YAML 1.1 `yes`
  assert.equal(c.clusters.prod!.certificateAuthorityData!.toString(), '-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n');
  assert.deepEqual(c.contexts.dev, { cluster: 'dev', authInfo: 'alice', namespace: 'team-a' });
  assert.equal(c.authInfos.alice!.password, 'true');
  assert.deepEqual(c.authInfos.alice!.impersonateUserExtra, { scopes: ['a', 'b'], none: null });
  assert.deepEqual(c.authInfos.bob!.exec, {
    command: './bin/cred', apiVersion: 'client.authentication.k8s.io/v1', installHint: 'install it', interactiveMode: 'IfAvailable',
    args: ['--id', '1'], env: [{ name: 'K', value: 'v' }], provideClusterInfo: true,
  });
  assert.deepEqual(c.authInfos.nulls!.exec, { command: 'x', env: [] });
  assert.deepEqual(c.authInfos.nulls!.authProvider, { name: 'gcp' });
  assert.deepEqual(Object.keys(c.extensions!), ['z-top', 'a-top']);
  assert.deepEqual(await parseKubeconfig(''), { preferences: {}, clusters: {}, authInfos: {}, contexts: {}, currentContext: '' });
});

test('serialize: kubectl layout of an empty config', async () => {
  assert.equal(
    serializeKubeconfig(await parseKubeconfig('')),
    'apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n',
  );
});

test('parse errors carry kubectl\'s messages', async () => {
  for (const [name, [text, message]] of Object.entries(badFiles)) {
    await assert.rejects(parseKubeconfig(text), (err: unknown) => err instanceof KubeconfigError && err.message === message, name);
  }
  await assert.rejects(parseKubeconfig('clusters:\n- name: a\n  cluster: {}\n- name: a\n  cluster: {}\n'), /duplicate name "a" in list/);
});

test('kubectl config view --raw prints what serializeKubeconfig writes', async (t) => {
  const bin = findKubectl();
  if (!bin) return t.skip(NO_KUBECTL);
  const dir = tempDir(t);
  for (const [name, text] of Object.entries(files)) {
    const file = join(dir, `${name}.kubeconfig`);
    writeFileSync(file, text);
    const r = runKubectl(bin, ['config', 'view', '--raw', '--kubeconfig', file]);
    assert.equal(r.code, 0, `${name}: ${r.stderr}`);
    assert.equal(serializeKubeconfig(await parseKubeconfig(text)), r.stdout, name);
  }
});

test('kubectl rejects the same files with the same messages', (t) => {
  const bin = findKubectl();
  if (!bin) return t.skip(NO_KUBECTL);
  const dir = tempDir(t);
  for (const [name, [text, message]] of Object.entries(badFiles)) {
    const file = join(dir, `${name}.kubeconfig`);
    writeFileSync(file, text);
    const r = runKubectl(bin, ['config', 'view', '--kubeconfig', file]);
    assert.equal(r.stderr, `error: error loading config file "${file}": ${message}\n`, name);
  }
});
