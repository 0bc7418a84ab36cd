// Where writes land and what the files look like afterwards, checked against real kubectl: each
// scenario runs kubectl's `config` commands on a set of files, snapshots the tree, resets it, applies
// the same changes through modifyConfig/mergeEntries, and compares the two trees byte for byte.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import { adminEntries, configFromEntries } from '../../src/kubeconfig/admin.ts';
import { loadKubeconfig } from '../../src/kubeconfig/load.ts';
import type { KubeconfigSource } from '../../src/kubeconfig/load.ts';
import { mergeEntries, modifyConfig, writeKubeconfigFile } from '../../src/kubeconfig/modify.ts';
import type { AuthInfo, Cluster, Config, Context } from '../../src/kubeconfig/types.ts';
import { parseKubeconfig, serializeKubeconfig } from '../../src/kubeconfig/v1.ts';
import { findKubectl, NO_KUBECTL, runKubectl } from '../printers/kubectl-oracle.ts';

const CA = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';
const CERT = '-----BEGIN CERTIFICATE-----\nMIIBadmin\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n';

interface Step {
  /** kubectl arguments; {root} is replaced by the scenario directory. */
  kubectl: string[];
  ours: (src: KubeconfigSource) => Promise<void>;
}

interface Scenario {
  files: Record<string, string>;
  /** KUBECONFIG entries relative to the root ('' keeps an empty entry); undefined leaves it unset. */
  kubeconfigEnv?: string[];
  explicit?: string;
  steps: (root: string) => Step[];
}

type Snapshot = Record<string, { content: string; mode: string }>;

function snapshot(root: string): Snapshot {
  const out: Snapshot = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) {
        if (name === 'cache' || name === 'http-cache') continue;  // kubectl's discovery caches
        out[relative(root, path) + '/'] = { content: '', mode: (st.mode & 0o777).toString(8) };
        walk(path);
      } else out[relative(root, path)] = { content: readFileSync(path, 'utf8'), mode: (st.mode & 0o777).toString(8) };
    }
  };
  walk(root);
  return out;
}

function setUp(root: string, files: Record<string, string>): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'home'), { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content, { mode: 0o600 });
  }
  writeFileSync(join(root, 'ca.crt'), CA);
  writeFileSync(join(root, 'admin.crt'), CERT);
  writeFileSync(join(root, 'admin.key'), KEY);
}

async function differential(t: TestContext, s: Scenario): Promise<Snapshot | undefined> {
  const bin = findKubectl();
  if (!bin) {
    t.skip(NO_KUBECTL);
    return undefined;
  }
  const root = mkdtempSync(join(tmpdir(), 'ktl-kcmod-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const env: Record<string, string> = {};
  if (s.kubeconfigEnv) env.KUBECONFIG = s.kubeconfigEnv.map((f) => (f ? join(root, f) : '')).join(':');
  const explicit = s.explicit ? join(root, s.explicit) : undefined;
  const home = join(root, 'home');

  setUp(root, s.files);
  for (const step of s.steps(root)) {
    const args = [...step.kubectl, ...(explicit ? ['--kubeconfig', explicit] : [])];
    // kubectl's environment has no KUBECONFIG unless the scenario sets one.
    const r = runKubectl(bin, args, { env: s.kubeconfigEnv ? env : { KUBECONFIG: '' }, home });
    assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
  }
  const theirs = snapshot(root);

  setUp(root, s.files);
  const src: KubeconfigSource = { env, home, ...(explicit ? { explicitPath: explicit } : {}) };
  for (const step of s.steps(root)) await step.ours(src);
  const ours = snapshot(root);
  assert.deepEqual(ours, theirs);
  return ours;
}

// ---- our versions of kubectl's config commands, built on the public API ----

async function edit(src: KubeconfigSource, change: (c: Config) => void): Promise<void> {
  const { config } = await loadKubeconfig({ ...src, missingExplicitOk: true });
  change(config);
  await modifyConfig(src, config, true);
}

const setCluster = (name: string, fields: Partial<Cluster>) => (src: KubeconfigSource) =>
  edit(src, (c) => void (c.clusters[name] = { ...(c.clusters[name] ?? { server: '' }), ...fields }));
const setCredentials = (name: string, fields: Partial<AuthInfo>) => (src: KubeconfigSource) =>
  edit(src, (c) => void (c.authInfos[name] = { ...c.authInfos[name], ...fields }));
const setContext = (name: string, fields: Partial<Context>) => (src: KubeconfigSource) =>
  edit(src, (c) => void (c.contexts[name] = { ...(c.contexts[name] ?? { cluster: '', authInfo: '' }), ...fields }));
const useContext = (name: string) => (src: KubeconfigSource) => edit(src, (c) => void (c.currentContext = name));
const deleteCluster = (name: string) => (src: KubeconfigSource) => edit(src, (c) => void delete c.clusters[name]);
const deleteContext = (name: string) => (src: KubeconfigSource) => edit(src, (c) => void delete c.contexts[name]);

/** `ktl up` on one side, the four kubectl commands that do the same on the other. */
function ktlUp(root: string, server = 'https://127.0.0.1:6443'): Step[] {
  return [
    { kubectl: ['config', 'set-cluster', 'ktl', `--server=${server}`, `--certificate-authority=${join(root, 'ca.crt')}`, '--embed-certs'], ours: async () => {} },
    { kubectl: ['config', 'set-credentials', 'ktl', `--client-certificate=${join(root, 'admin.crt')}`, `--client-key=${join(root, 'admin.key')}`, '--embed-certs'], ours: async () => {} },
    { kubectl: ['config', 'set-context', 'ktl', '--cluster=ktl', '--user=ktl'], ours: async () => {} },
    {
      kubectl: ['config', 'use-context', 'ktl'],
      ours: (src) => mergeEntries(src, adminEntries({ server, caPem: CA, clientCertPem: CERT, clientKeyPem: KEY })),
    },
  ];
}

const A = 'current-context: cx\nclusters:\n- name: x\n  cluster: {server: "https://a-x", certificate-authority: certs/ca.crt}\ncontexts:\n- name: cx\n  context: {cluster: x, user: u}\n';
const B = '# hand-written, not in kubectl layout\nusers:\n- name: u\n  user: {token: old}\nclusters:\n- name: "y"\n  cluster: {server: "https://b-y"}\ncurrent-context: cy\n';
const C = 'clusters:\n- name: z\n  cluster: {server: "https://c-z"}\n';

test('KUBECONFIG=a:b:c, all present: edits go home, new entries and current-context to the first file', async (t) => {
  await differential(t, {
    files: { 'a.kc': A, 'dir/b.kc': B, 'c.kc': C },
    kubeconfigEnv: ['a.kc', 'dir/b.kc', 'c.kc'],
    steps: () => [
      { kubectl: ['config', 'set-cluster', 'y', '--server=https://new-y'], ours: setCluster('y', { server: 'https://new-y' }) },
      { kubectl: ['config', 'set-cluster', 'x', '--tls-server-name=api.x'], ours: setCluster('x', { tlsServerName: 'api.x' }) },
      { kubectl: ['config', 'set-cluster', 'n', '--server=https://n'], ours: setCluster('n', { server: 'https://n' }) },
      { kubectl: ['config', 'set-credentials', 'u', '--token=t2'], ours: setCredentials('u', { token: 't2' }) },
      { kubectl: ['config', 'set-context', 'cn', '--cluster=n', '--user=u', '--namespace=ns'], ours: setContext('cn', { cluster: 'n', authInfo: 'u', namespace: 'ns' }) },
      { kubectl: ['config', 'use-context', 'cn'], ours: useContext('cn') },
      { kubectl: ['config', 'delete-cluster', 'z'], ours: deleteCluster('z') },
      { kubectl: ['config', 'delete-context', 'cx'], ours: deleteContext('cx') },
    ],
  });
});

test('KUBECONFIG with an empty entry, a missing first file and a repeat: the first existing file is the default', async (t) => {
  await differential(t, {
    files: { 'dir/b.kc': B, 'c.kc': C },
    kubeconfigEnv: ['a.kc', '', 'dir/b.kc', 'a.kc', 'c.kc'],
    steps: () => [
      { kubectl: ['config', 'set-cluster', 'n', '--server=https://n'], ours: setCluster('n', { server: 'https://n' }) },
      { kubectl: ['config', 'set-context', 'cz', '--cluster=z'], ours: setContext('cz', { cluster: 'z' }) },
      { kubectl: ['config', 'use-context', 'cz'], ours: useContext('cz') },
    ],
  });
});

test('ktl up with no files: everything goes to the last KUBECONFIG entry, created 0600 with its directory', async (t) => {
  const after = await differential(t, {
    files: {},
    kubeconfigEnv: ['one/a.kc', 'two/b.kc', 'three/c.kc'],
    steps: (root) => ktlUp(root),
  });
  if (after) {
    assert.equal(after['three/c.kc']!.mode, '600');
    assert.equal(after['three/']!.mode, '755');
    assert.ok(!after['one/a.kc'] && !after['two/b.kc']);
  }
});

test('ktl up over existing ktl entries spread across files: each is rewritten where it lives', async (t) => {
  await differential(t, {
    files: {
      'a.kc': 'current-context: other\ncontexts:\n- name: other\n  context: {cluster: z, user: u}\n',
      'b.kc': `clusters:\n- name: ktl\n  cluster: {server: "https://old", certificate-authority-data: ${Buffer.from('old').toString('base64')}}\n`,
      'c.kc': `users:\n- name: ktl\n  user: {client-certificate-data: ${Buffer.from('old').toString('base64')}, client-key-data: ${Buffer.from('old').toString('base64')}}\n- name: u\n  user: {token: keep}\n`,
    },
    kubeconfigEnv: ['a.kc', 'b.kc', 'c.kc'],
    steps: (root) => ktlUp(root, 'https://127.0.0.1:7443'),
  });
});

test('ktl up with no KUBECONFIG: ~/.kube/config is created', async (t) => {
  await differential(t, { files: {}, steps: (root) => ktlUp(root) });
});

test('ktl up into an existing ~/.kube/config keeps the other entries', async (t) => {
  await differential(t, {
    files: { 'home/.kube/config': A + 'users:\n- name: u\n  user:\n    exec: {command: gke-gcloud-auth-plugin, apiVersion: client.authentication.k8s.io/v1beta1}\n' },
    steps: (root) => ktlUp(root),
  });
});

test('--kubeconfig: a missing file is created; only that file is touched', async (t) => {
  await differential(t, {
    files: { 'c.kc': C },
    kubeconfigEnv: ['c.kc'],
    explicit: 'deep/dir/explicit.kc',
    steps: (root) => ktlUp(root),
  });
});

test('file references: kept relative to their file, new ones relativised unless that needs ..', async (t) => {
  await differential(t, {
    files: { 'd1/a.kc': A, 'd1/certs/ca.crt': CA, 'other/ca.crt': CA },
    kubeconfigEnv: ['d1/a.kc'],
    steps: (root) => [
      { kubectl: ['config', 'set-cluster', 'x', '--server=https://x2'], ours: setCluster('x', { server: 'https://x2' }) },
      {
        kubectl: ['config', 'set-cluster', 'inside', '--server=https://i', `--certificate-authority=${join(root, 'd1/certs/ca.crt')}`],
        ours: setCluster('inside', { server: 'https://i', certificateAuthority: join(root, 'd1/certs/ca.crt') }),
      },
      {
        kubectl: ['config', 'set-cluster', 'outside', '--server=https://o', `--certificate-authority=${join(root, 'other/ca.crt')}`],
        ours: setCluster('outside', { server: 'https://o', certificateAuthority: join(root, 'other/ca.crt') }),
      },
      {
        kubectl: ['config', 'set-credentials', 'k', `--client-key=${join(root, 'd1/keys/k.key')}`, `--client-certificate=${join(root, 'd1/k.crt')}`],
        ours: setCredentials('k', { clientKey: join(root, 'd1/keys/k.key'), clientCertificate: join(root, 'd1/k.crt') }),
      },
    ],
  });
});

test('clearing current-context writes "" to the first file that sets it', async (t) => {
  await differential(t, {
    files: { 'a.kc': C, 'b.kc': B, 'c.kc': A },
    kubeconfigEnv: ['a.kc', 'b.kc', 'c.kc'],
    steps: () => [{ kubectl: ['config', 'unset', 'current-context'], ours: useContext('') }],
  });
});

test('writeKubeconfigFile: the standalone admin kubeconfig kubectl would write', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'ktl-kcwrite-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const file = join(root, 'nested', 'admin.kubeconfig');
  const config = configFromEntries(adminEntries({ server: 'https://127.0.0.1:6443', caPem: CA, clientCertPem: CERT, clientKeyPem: KEY }));
  await writeKubeconfigFile(file, config);
  const text = readFileSync(file, 'utf8');
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.equal(
    text,
    [
      'apiVersion: v1',
      'clusters:',
      '- cluster:',
      `    certificate-authority-data: ${Buffer.from(CA).toString('base64')}`,
      '    server: https://127.0.0.1:6443',
      '  name: ktl',
      'contexts:',
      '- context:',
      '    cluster: ktl',
      '    user: ktl',
      '  name: ktl',
      'current-context: ktl',
      'kind: Config',
      'preferences: {}',
      'users:',
      '- name: ktl',
      '  user:',
      `    client-certificate-data: ${Buffer.from(CERT).toString('base64')}`,
      `    client-key-data: ${Buffer.from(KEY).toString('base64')}`,
      '',
    ].join('\n'),
  );
  assert.deepEqual((await parseKubeconfig(text)).authInfos.ktl!.clientKeyData, Buffer.from(KEY));

  const bin = findKubectl();
  if (!bin) return t.skip(NO_KUBECTL);
  const theirs = join(root, 'theirs.kubeconfig');
  writeFileSync(join(root, 'ca.crt'), CA);
  writeFileSync(join(root, 'admin.crt'), CERT);
  writeFileSync(join(root, 'admin.key'), KEY);
  for (const step of ktlUp(root)) {
    const r = runKubectl(bin, [...step.kubectl, '--kubeconfig', theirs]);
    assert.equal(r.code, 0, r.stderr);
  }
  assert.equal(readFileSync(theirs, 'utf8'), text);
});

test('modifyConfig: nothing changed, nothing written; no lock files left; a held lock fails', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'ktl-kclock-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const file = join(root, 'b.kc');
  writeFileSync(file, B);
  const src: KubeconfigSource = { env: { KUBECONFIG: file }, home: join(root, 'home') };
  const { config } = await loadKubeconfig(src);
  await modifyConfig(src, config);
  assert.equal(readFileSync(file, 'utf8'), B);  // not rewritten into kubectl layout
  await useContext('cz')(src);
  assert.equal((await parseKubeconfig(readFileSync(file, 'utf8'))).currentContext, 'cz');
  assert.ok(!existsSync(`${file}.lock`));
  writeFileSync(`${file}.lock`, '');
  await assert.rejects(useContext('cy')(src), { message: `open ${file}.lock: file exists` });
  assert.equal(serializeKubeconfig(await parseKubeconfig(readFileSync(file, 'utf8'))).includes('current-context: cz'), true);
});

test('mergeEntries: placement without kubectl (existing entries stay in their file, new ones go to the default)', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'ktl-kcplace-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const [a, b, c] = ['a.kc', 'b.kc', 'c.kc'].map((f) => join(root, f)) as [string, string, string];
  writeFileSync(b, 'clusters:\n- name: ktl\n  cluster: {server: "https://old"}\n', { mode: 0o640 });
  writeFileSync(c, 'users:\n- name: ktl\n  user: {token: old}\n');
  const src: KubeconfigSource = { env: { KUBECONFIG: [a, b, c].join(':') }, home: join(root, 'home') };
  await mergeEntries(src, adminEntries({ server: 'https://new', caPem: CA, clientCertPem: CERT, clientKeyPem: KEY }));
  assert.ok(!existsSync(a));
  const inB = await parseKubeconfig(readFileSync(b, 'utf8')), inC = await parseKubeconfig(readFileSync(c, 'utf8'));
  assert.equal(inB.clusters.ktl!.server, 'https://new');
  assert.deepEqual(inC.authInfos.ktl!.clientCertificateData, Buffer.from(CERT));
  assert.equal(inC.authInfos.ktl!.token, undefined);  // whole entry replaced
  // b is the first existing file: the new context and current-context land there.
  assert.deepEqual(inB.contexts.ktl, { cluster: 'ktl', authInfo: 'ktl' });
  assert.equal(inB.currentContext, 'ktl');
  assert.equal(inC.currentContext, '');
  assert.equal(statSync(b).mode & 0o777, 0o640);  // like kubectl, an existing file keeps its mode
});
