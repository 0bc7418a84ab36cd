// REST configuration from kubeconfig shapes and global flags, with clientcmd's rules and errors.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ClientConfigResolver, overridesFromGlobals, type CredentialPrompt } from '../../src/client/config.ts';
import { ConfigError } from '../../src/client/errors.ts';
import { resolveLocalPaths } from '../../src/kubeconfig/index.ts';
import { scratch, testCtx, write } from './helpers.ts';
import type { Cleanup } from '../helpers/server.ts';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

const MULTI = `apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster: {server: 'https://prod.example:6443', certificate-authority: certs/ca.crt, tls-server-name: prod-api}
- name: dev
  cluster: {server: 'http://dev.example:8080'}
- name: insecure
  cluster: {server: 'https://i.example', insecure-skip-tls-verify: true, extensions: [{name: client.authentication.k8s.io/exec, extension: {audience: a}}]}
users:
- name: alice
  user: {token: alice-token, as: bob, as-groups: [g1, g2], as-user-extra: {scopes: [s1]}}
- name: carol
  user: {client-certificate: certs/carol.crt, client-key: certs/carol.key}
- name: dave
  user: {tokenFile: certs/dave.token}
- name: erin
  user: {username: erin, password: pw}
- name: exec
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1, command: ./bin/plugin, interactiveMode: Never, installHint: "\\e[1mbold\\e[0m hint"}
contexts:
- name: prod
  context: {cluster: prod, user: alice, namespace: team}
- name: dev
  context: {cluster: dev, user: alice}
- name: carol
  context: {cluster: prod, user: carol}
- name: dave
  context: {cluster: prod, user: dave}
- name: erin
  context: {cluster: insecure, user: erin}
- name: exec
  context: {cluster: insecure, user: exec}
current-context: prod
`;

interface Setup {
  files?: Record<string, string>;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  serviceAccount?: Record<string, string>;
  prompt?: CredentialPrompt;
}

async function resolver(t: Cleanup, s: Setup = {}) {
  const dir = scratch(t);
  mkdirSync(join(dir, 'certs'));
  for (const [name, text] of Object.entries({ config: MULTI, 'certs/ca.crt': CA, 'certs/carol.crt': 'c', 'certs/carol.key': 'k', 'certs/dave.token': ' dave-token\n', ...s.files }))
    write(dir, name, text);
  let serviceAccountDir: string | undefined;
  if (s.serviceAccount) {
    serviceAccountDir = join(dir, 'sa');
    mkdirSync(serviceAccountDir);
    for (const [name, text] of Object.entries(s.serviceAccount)) write(serviceAccountDir, name, text);
  }
  const ctx = testCtx(['--kubeconfig', join(dir, 'config'), ...(s.args ?? [])], { cwd: dir, env: s.env, home: dir });
  const loaded = await ctx.kubeconfig();
  const r = new ClientConfigResolver({
    config: resolveLocalPaths(loaded.config, dir), overrides: overridesFromGlobals(ctx.globals), env: ctx.env, cwd: dir,
    serviceAccountDir: serviceAccountDir ?? join(dir, 'no-sa'), prompt: s.prompt,
  });
  return { r, dir };
}

test('the current context picks cluster, user and namespace', async (t) => {
  const { r, dir } = await resolver(t);
  const rc = await r.clientConfig();
  assert.equal(rc.host, 'https://prod.example:6443');
  assert.equal(rc.bearerToken, 'alice-token');
  assert.equal(rc.caFile, join(dir, 'certs/ca.crt'));
  assert.equal(rc.serverName, 'prod-api');
  assert.deepEqual(rc.impersonate, { userName: 'bob', uid: '', groups: ['g1', 'g2'], extra: { scopes: ['s1'] } });
  assert.deepEqual(await r.namespace(), { namespace: 'team', explicit: false });
});

test('-n wins and is explicit; a context without namespace means default', async (t) => {
  assert.deepEqual(await (await resolver(t, { args: ['-n', 'other'] })).r.namespace(), { namespace: 'other', explicit: true });
  assert.deepEqual(await (await resolver(t, { args: ['--context', 'dev'] })).r.namespace(), { namespace: 'default', explicit: false });
});

test('credentials never go to an http server', async (t) => {
  const rc = await (await resolver(t, { args: ['--context', 'dev', '--token', 'flag'] })).r.clientConfig();
  assert.equal(rc.host, 'http://dev.example:8080');
  assert.equal(rc.bearerToken, undefined);
  assert.equal(rc.caFile, undefined);
  // impersonation is not a credential: it is sent either way
  assert.equal(rc.impersonate?.userName, 'bob');
});

test('file references resolve against the kubeconfig, flags against the working directory', async (t) => {
  const { r, dir } = await resolver(t, { args: ['--context', 'carol'] });
  const rc = await r.clientConfig();
  assert.equal(rc.certFile, join(dir, 'certs/carol.crt'));
  assert.equal(rc.keyFile, join(dir, 'certs/carol.key'));
  const flagged = await (await resolver(t, { args: ['--certificate-authority', 'certs/ca.crt'] })).r.clientConfig();
  assert.match(flagged.caFile!, /certs\/ca\.crt$/);
});

test('a token file is read (whitespace kept here, trimmed when re-read per request)', async (t) => {
  const { r, dir } = await resolver(t, { args: ['--context', 'dave'] });
  const rc = await r.clientConfig();
  assert.equal(rc.bearerToken, ' dave-token\n');
  assert.equal(rc.bearerTokenFile, join(dir, 'certs/dave.token'));
});

test('--server drops the kubeconfig tls-server-name unless --tls-server-name is given', async (t) => {
  const dropped = await (await resolver(t, { args: ['-s', 'https://other:6443'] })).r.clientConfig();
  assert.equal(dropped.host, 'https://other:6443');
  assert.equal(dropped.serverName, undefined);
  const kept = await (await resolver(t, { args: ['-s', 'https://other:6443', '--tls-server-name', 'x'] })).r.clientConfig();
  assert.equal(kept.serverName, 'x');
});

test('--insecure-skip-tls-verify clears the CA; --certificate-authority clears insecure', async (t) => {
  const insecure = await (await resolver(t, { args: ['--insecure-skip-tls-verify'] })).r.clientConfig();
  assert.equal(insecure.insecure, true);
  assert.equal(insecure.caFile, undefined);
  const ca = await (await resolver(t, { args: ['--context', 'erin', '--certificate-authority', 'certs/ca.crt'] })).r.clientConfig();
  assert.equal(ca.insecure, false);
  assert.ok(ca.caFile);
  const off = await (await resolver(t, { args: ['--context', 'erin', '--insecure-skip-tls-verify=false'] })).r.clientConfig();
  assert.equal(off.insecure, true, 'false overrides nothing');
});

test('flags override user fields; basic auth from the kubeconfig', async (t) => {
  const rc = await (await resolver(t, { args: ['--context', 'erin'] })).r.clientConfig();
  assert.deepEqual([rc.username, rc.password], ['erin', 'pw']);
  const token = await (await resolver(t, { args: ['--token', 'flag-token', '--as', 'root', '--as-group', 'admins'] })).r.clientConfig();
  assert.equal(token.bearerToken, 'flag-token');
  assert.deepEqual(token.impersonate, { userName: 'root', uid: '', groups: ['admins'], extra: { scopes: ['s1'] } });
});

test('exec settings: the cluster extension travels, the install hint is cleaned', async (t) => {
  const { r, dir } = await resolver(t, { args: ['--context', 'exec'] });
  const rc = await r.clientConfig();
  assert.equal(rc.exec?.command, join(dir, 'bin/plugin'));
  assert.equal(rc.exec?.installHint, 'U+001B[1mboldU+001B[0m hint');
  assert.deepEqual(rc.execClusterConfig, { audience: 'a' });
});

test('missing context, cluster and user: the two error shapes', async (t) => {
  const { r } = await resolver(t, { args: ['--context', 'nope'] });
  await assert.rejects(r.clientConfig(), { message: 'context "nope" does not exist' });
  const ns = await r.namespace().catch((e: ConfigError) => e);
  assert.ok(ns instanceof ConfigError);
  assert.equal(ns.kubectlMessage(), 'Error in configuration: context was not found for specified context: nope');
  await assert.rejects((await resolver(t, { args: ['--cluster', 'nope'] })).r.clientConfig(), { message: 'cluster "nope" does not exist' });
  await assert.rejects((await resolver(t, { args: ['--cluster', 'nope'] })).r.namespace(), (e: ConfigError) => e.kubectlMessage() === 'error: no server found for cluster "nope"');
  await assert.rejects((await resolver(t, { args: ['--user', 'nope'] })).r.clientConfig(), { message: 'auth info "nope" does not exist' });
});

test('several problems are listed together', async (t) => {
  const { r } = await resolver(t, { args: ['--context', 'carol', '--token', 't', '--username', 'u', '--as-uid', '1', '--client-certificate', 'missing.crt'] });
  const err = await r.clientConfig().catch((e: ConfigError) => e);
  assert.ok(err instanceof ConfigError);
  assert.equal(
    err.kubectlMessage(),
    'Error in configuration: \n' +
      '* unable to read client-cert missing.crt for carol due to open missing.crt: no such file or directory\n' +
      '* more than one authentication method found for carol; found [token basicAuth], only one is allowed\n' +
      '* requesting uid, groups or user-extra for carol without impersonating a user',
  );
  assert.match(err.message, /^invalid configuration: \[unable to read client-cert/);
});

test('no kubeconfig: localhost:8080, or KUBERNETES_MASTER', async (t) => {
  const empty = { config: '' };
  assert.equal((await (await resolver(t, { files: empty })).r.clientConfig()).host, 'http://localhost:8080');
  const master = await (await resolver(t, { files: empty, env: { KUBERNETES_MASTER: 'https://m:1' } })).r.clientConfig();
  assert.equal(master.host, 'https://m:1');
});

test('in a pod: the service account, only when the kubeconfig gives nothing', async (t) => {
  const env = { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' };
  const serviceAccount = { token: 'sa-token', 'ca.crt': CA, namespace: 'pod-ns\n' };
  const inPod = await resolver(t, { files: { config: '' }, env, serviceAccount });
  const rc = await inPod.r.clientConfig();
  assert.equal(rc.host, 'https://10.0.0.1:443');
  assert.equal(rc.bearerToken, 'sa-token');
  assert.equal(rc.caFile, join(inPod.dir, 'sa', 'ca.crt'));
  assert.deepEqual(await inPod.r.namespace(), { namespace: 'pod-ns', explicit: false });
  const podNamespace = await resolver(t, { files: { config: '' }, env: { ...env, POD_NAMESPACE: 'from-env' }, serviceAccount });
  assert.deepEqual(await podNamespace.r.namespace(), { namespace: 'from-env', explicit: false });
  const flags = await resolver(t, { files: { config: '' }, env, serviceAccount, args: ['--token', 'mine', '-n', 'x'] });
  const overridden = await flags.r.clientConfig();
  assert.equal(overridden.host, 'https://10.0.0.1:443', 'a token alone does not make the (http) default config differ');
  assert.equal(overridden.bearerToken, 'mine');
  assert.deepEqual(await flags.r.namespace(), { namespace: 'x', explicit: true });
  const timeout = await resolver(t, { files: { config: '' }, env, serviceAccount, args: ['--request-timeout', '5'] });
  assert.equal((await timeout.r.clientConfig()).host, 'http://localhost:8080', 'a timeout makes the config non-default');
  const v6 = await resolver(t, { files: { config: '' }, env: { KUBERNETES_SERVICE_HOST: 'fd00::1', KUBERNETES_SERVICE_PORT: '443' }, serviceAccount });
  assert.equal((await v6.r.clientConfig()).host, 'https://[fd00::1]:443');
  const withConfig = await resolver(t, { env, serviceAccount });
  assert.equal((await withConfig.r.clientConfig()).host, 'https://prod.example:6443');
  assert.deepEqual(await withConfig.r.namespace(), { namespace: 'team', explicit: false });
});

test('username and password are asked for when nothing identifies the user', async (t) => {
  const asked: string[] = [];
  const prompt: CredentialPrompt = { ask: async (field) => (asked.push(field), field === 'Username' ? 'zoe' : 'secret') };
  const files = { config: MULTI.replace('{token: alice-token, as: bob, as-groups: [g1, g2], as-user-extra: {scopes: [s1]}}', '{}') };
  const rc = await (await resolver(t, { files, prompt })).r.clientConfig();
  assert.deepEqual([rc.username, rc.password], ['zoe', 'secret']);
  assert.deepEqual(asked, ['Username', 'Password']);
  const http = await (await resolver(t, { files, prompt, args: ['--context', 'dev'] })).r.clientConfig();
  assert.equal(http.username, undefined, 'no prompt for http');
});

test('server URL: path kept, query and fragment dropped; proxy-url checked', async (t) => {
  const rc = await (await resolver(t, { args: ['-s', 'https://h:1/base/path?x=1#f'] })).r.clientConfig();
  assert.equal(rc.host, 'https://h:1/base/path');
  const bad = MULTI.replace("tls-server-name: prod-api}", "tls-server-name: prod-api, proxy-url: 'ftp://p'}");
  await assert.rejects((await resolver(t, { files: { config: bad } })).r.clientConfig(), (e: ConfigError) =>
    e.kubectlMessage() === `error: invalid 'proxy-url' "ftp://p" for cluster "prod": unsupported scheme "ftp", must be http, https, or socks5`);
  const good = MULTI.replace("tls-server-name: prod-api}", "tls-server-name: prod-api, proxy-url: 'socks5://p:1080'}");
  assert.equal((await (await resolver(t, { files: { config: good } })).r.clientConfig()).proxyUrl, 'socks5://p:1080');
});

test('--request-timeout is parsed after validation', async (t) => {
  assert.equal((await (await resolver(t, { args: ['--request-timeout', '90'] })).r.clientConfig()).timeoutMs, 90_000);
  await assert.rejects((await resolver(t, { args: ['--request-timeout', 'x'] })).r.clientConfig(), /^Error: Invalid timeout value/);
});
