import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import { defaultFilename, loadKubeconfig, loadingPrecedence, resolveLocalPaths } from '../../src/kubeconfig/load.ts';
import { KubeconfigError } from '../../src/kubeconfig/types.ts';
import { serializeKubeconfig } from '../../src/kubeconfig/v1.ts';
import { findKubectl, NO_KUBECTL, runKubectl } from '../printers/kubectl-oracle.ts';

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-kubeconfig-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const A = `
clusters:
- name: x
  cluster: {server: https://a-x, certificate-authority: ca/a.crt}
contexts:
- name: cx
  context: {cluster: x, user: u1}
users:
- name: u1
  user: {token: from-a, client-key: keys/u1.key}
`;
const B = `
current-context: cy
clusters:
- name: x
  cluster: {server: https://b-x, insecure-skip-tls-verify: true}
- name: why
  cluster: {server: https://b-y}
users:
- name: u1
  user: {token: from-b}
- name: u2
  user:
    exec: {command: ./plugin, args: [a]}
extensions:
- name: e1
  extension: {from: b}
`;
const C = `
current-context: cz
preferences: {colors: true}
clusters:
- name: z
  cluster: {server: https://c-z}
extensions:
- name: e1
  extension: {from: c}
- name: e2
  extension: {from: c}
`;

/** Three files a, b (in sub/) and c, with a KUBECONFIG that has an empty entry, a missing file and a repeat. */
function layout(t: TestContext) {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'sub'));
  const a = join(dir, 'a.kc'), b = join(dir, 'sub', 'b.kc'), c = join(dir, 'c.kc'), missing = join(dir, 'missing.kc');
  writeFileSync(a, A);
  writeFileSync(b, B);
  writeFileSync(c, C);
  return { dir, a, b, c, missing, KUBECONFIG: [a, '', missing, b, a, c].join(':') };
}

test('merge: first file wins per name, current-context from the first that sets it', async (t) => {
  const { dir, a, b, c, missing, KUBECONFIG } = layout(t);
  const loaded = await loadKubeconfig({ env: { KUBECONFIG }, home: join(dir, 'home') });
  assert.deepEqual(loaded.precedence, [a, '', missing, b, c]);
  assert.deepEqual(loaded.missing, [missing]);
  const { config } = loaded;
  assert.equal(config.currentContext, 'cy');
  assert.equal(config.clusters.x!.server, 'https://a-x');
  assert.equal(config.clusters.x!.insecureSkipTlsVerify, undefined);  // whole entry, no field merge
  assert.equal(config.clusters.x!.locationOfOrigin, a);
  assert.equal(config.clusters.why!.locationOfOrigin, b);
  assert.equal(config.clusters.z!.locationOfOrigin, c);
  assert.equal(config.authInfos.u1!.token, 'from-a');
  assert.equal(config.preferences.colors, true);
  assert.deepEqual(config.extensions, { e1: { from: 'b' }, e2: { from: 'c' } });
});

test('resolveLocalPaths: relative references against the file that holds them', async (t) => {
  const { dir, KUBECONFIG } = layout(t);
  const { config } = await loadKubeconfig({ env: { KUBECONFIG }, home: join(dir, 'home') });
  assert.equal(config.clusters.x!.certificateAuthority, 'ca/a.crt');  // as written
  const resolved = resolveLocalPaths(config);
  assert.equal(resolved.clusters.x!.certificateAuthority, join(dir, 'ca/a.crt'));
  assert.equal(resolved.authInfos.u1!.clientKey, join(dir, 'keys/u1.key'));
  assert.equal(resolved.authInfos.u2!.exec!.command, join(dir, 'sub', 'plugin'));
});

test('which files: explicit, KUBECONFIG, ~/.kube/config', async (t) => {
  const dir = tempDir(t);
  const home = join(dir, 'home');
  assert.deepEqual(loadingPrecedence({ env: {}, home }), [join(home, '.kube', 'config')]);
  assert.deepEqual(loadingPrecedence({ env: { KUBECONFIG: 'x:y' }, explicitPath: 'e' }), ['e']);
  assert.equal(await defaultFilename({ env: { KUBECONFIG: join(dir, 'only') } }), join(dir, 'only'));
  writeFileSync(join(dir, 'second'), '');
  assert.equal(await defaultFilename({ env: { KUBECONFIG: [join(dir, 'first'), join(dir, 'second')].join(':') } }), join(dir, 'second'));
  assert.equal(await defaultFilename({ env: { KUBECONFIG: [join(dir, 'p'), join(dir, 'q')].join(':') } }), join(dir, 'q'));
  assert.equal(await defaultFilename({ env: {}, home }), join(home, '.kube', 'config'));

  await assert.rejects(loadKubeconfig({ explicitPath: join(dir, 'nope'), env: {} }),
    (err: unknown) => err instanceof KubeconfigError && err.message === `stat ${join(dir, 'nope')}: no such file or directory`);
  const empty = await loadKubeconfig({ explicitPath: join(dir, 'nope'), env: {}, missingExplicitOk: true });
  assert.equal(serializeKubeconfig(empty.config), serializeKubeconfig({ preferences: {}, clusters: {}, authInfos: {}, contexts: {}, currentContext: '' }));
});

test('legacy ~/.kube/.kubeconfig is migrated', async (t) => {
  const home = join(tempDir(t), 'home');
  mkdirSync(join(home, '.kube'), { recursive: true });
  writeFileSync(join(home, '.kube', '.kubeconfig'), 'current-context: legacy\n');
  const { config } = await loadKubeconfig({ env: {}, home });
  assert.equal(config.currentContext, 'legacy');
  assert.equal(readFileSync(join(home, '.kube', 'config'), 'utf8'), 'current-context: legacy\n');
});

test('kubectl config view --raw shows the same merge', (t) => {
  const bin = findKubectl();
  if (!bin) return t.skip(NO_KUBECTL);
  const { dir, KUBECONFIG } = layout(t);
  return loadKubeconfig({ env: { KUBECONFIG }, home: join(dir, 'home') }).then(({ config }) => {
    const r = runKubectl(bin, ['config', 'view', '--raw'], { env: { KUBECONFIG }, home: join(dir, 'home') });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(serializeKubeconfig(config), r.stdout);
    assert.ok(!existsSync(join(dir, 'missing.kc')));
  });
});

test('kubectl fails on a missing --kubeconfig with the same message', async (t) => {
  const bin = findKubectl();
  if (!bin) return t.skip(NO_KUBECTL);
  const file = join(tempDir(t), 'nope');
  const r = runKubectl(bin, ['get', '--raw', '/version', '--kubeconfig', file]);
  const err = await loadKubeconfig({ explicitPath: file, env: {} }).catch((e: Error) => e);
  assert.equal(r.stderr, `error: ${(err as Error).message}\n`);
});
