import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseKubeconfig, serializeKubeconfig } from '../../src/kubeconfig/index.ts';
import { flattenConfig, minifyConfig, redactConfig } from '../../src/kubeconfig/view.ts';

const CONFIG = await parseKubeconfig(`
current-context: a
clusters:
- name: c1
  cluster: {server: https://c1, certificate-authority-data: aGVsbG8=}
- name: c2
  cluster: {server: https://c2}
contexts:
- name: a
  context: {cluster: c1, user: u1}
- name: b
  context: {cluster: c2, user: missing}
users:
- name: u1
  user: {token: t, client-certificate-data: aGVsbG8=, client-key-data: aGVsbG8=}
- name: u2
  user: {username: bob, password: pw, auth-provider: {name: oidc, config: {id-token: kept}}}
`);

test('minify keeps the current context, its cluster and its user', () => {
  const m = minifyConfig(CONFIG);
  assert.deepEqual(Object.keys(m.contexts), ['a']);
  assert.deepEqual(Object.keys(m.clusters), ['c1']);
  assert.deepEqual(Object.keys(m.authInfos), ['u1']);
  assert.throws(() => minifyConfig({ ...CONFIG, currentContext: '' }), { message: 'current-context must exist in order to minify' });
  assert.throws(() => minifyConfig({ ...CONFIG, currentContext: 'nope' }), { message: 'cannot locate context nope' });
  assert.throws(() => minifyConfig({ ...CONFIG, currentContext: 'b' }), { message: 'cannot locate user missing' });
});

test('redaction hides token and password, shortens embedded data, keeps the rest', () => {
  const text = serializeKubeconfig(redactConfig(CONFIG));
  assert.match(text, /certificate-authority-data: DATA\+OMITTED\n/);
  assert.match(text, /client-certificate-data: DATA\+OMITTED\n    client-key-data: DATA\+OMITTED\n    token: REDACTED\n/);
  assert.match(text, /password: REDACTED\n    username: bob\n/);
  assert.match(text, /id-token: kept/);
  assert.equal(CONFIG.authInfos.u1!.token, 't', 'the input is not edited');
});

test('flatten reads files relative to the kubeconfig that names them', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-flatten-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'sub', 'certs'), { recursive: true });
  writeFileSync(join(dir, 'sub', 'certs', 'ca.crt'), 'CA');
  writeFileSync(join(dir, 'client.key'), 'KEY');
  const config = await parseKubeconfig(`
clusters:
- name: c
  cluster: {server: https://c, certificate-authority: certs/ca.crt}
users:
- name: u
  user: {client-key: ${join(dir, 'client.key')}, tokenFile: token}
`);
  config.clusters.c!.locationOfOrigin = 'sub/config';
  config.authInfos.u!.locationOfOrigin = 'sub/config';
  const flat = flattenConfig(config, dir);
  assert.equal(flat.clusters.c!.certificateAuthorityData!.toString(), 'CA');
  assert.equal(flat.clusters.c!.certificateAuthority, undefined);
  assert.equal(flat.authInfos.u!.clientKeyData!.toString(), 'KEY');
  assert.equal(flat.authInfos.u!.tokenFile, 'token', 'token files stay references');

  config.clusters.c!.certificateAuthority = 'nope.crt';
  assert.throws(() => flattenConfig(config, dir), { message: `open ${join(dir, 'sub', 'nope.crt')}: no such file or directory` });
  config.clusters.c!.certificateAuthorityData = Buffer.from('x');
  assert.throws(() => flattenConfig(config, dir), { message: 'cannot have values for both path and contents' });
});
