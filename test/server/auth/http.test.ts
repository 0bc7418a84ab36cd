// End to end over HTTP and with real kubectl: bearer tokens, TokenRequest, the reviews.
// NEEDS THE ROUTER WIRING (createServerAuth in server.ts, async authenticate/authorize and the
// create-only dispatch in router.ts); until then these tests fail by design.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PKI_FILES } from '../../../src/server/auth/pki.ts';
import { kubectlBinary, run, startServer, type TestServer } from '../../helpers/server.ts';

const UNAUTHORIZED = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 };
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));

describe('bearer tokens and reviews over HTTP', () => {
  let srv: TestServer;
  const cleanups: (() => unknown)[] = [];
  before(async () => {
    srv = await startServer({ after: (fn) => cleanups.push(fn) });
    const r = await srv.request('POST', '/api/v1/namespaces/default/serviceaccounts', { body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot' } } });
    assert.equal(r.status, 201, r.text);
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  const tokenFor = async (name: string, spec: Record<string, unknown> = {}) => {
    const r = await srv.request('POST', `/api/v1/namespaces/default/serviceaccounts/${name}/token`, {
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec },
    });
    return { status: r.status, body: r.json() };
  };
  const asToken = (token: string) => ({ anonymous: true, headers: { Authorization: `Bearer ${token}` } });

  test('POST serviceaccounts/{name}/token answers 201 with a token that then authenticates', async () => {
    const r = await tokenFor('robot', { expirationSeconds: 1200 });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.kind, 'TokenRequest');
    assert.equal(claimsOf(r.body.status.token).exp - claimsOf(r.body.status.token).iat, 1200);
    const review = await srv.request('POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', {
      ...asToken(r.body.status.token),
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
    });
    assert.equal(review.status, 201, review.text);
    assert.equal(review.json().status.userInfo.username, 'system:serviceaccount:default:robot');
    assert.deepEqual(review.json().status.userInfo.groups, ['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated']);
    assert.equal((await srv.request('GET', '/api/v1/namespaces/default/pods', asToken(r.body.status.token))).status, 200);
  });

  test('bad, foreign-audience and orphaned tokens are 401 Unauthorized', async () => {
    const junk = await srv.request('GET', '/api/v1/namespaces/default/pods', asToken('junk'));
    assert.equal(junk.status, 401);
    assert.deepEqual(junk.json(), UNAUTHORIZED);
    assert.equal((await srv.request('GET', '/version', asToken('junk'))).status, 401, 'even on public paths');
    const vault = (await tokenFor('robot', { audiences: ['vault'] })).body.status.token;
    assert.equal((await srv.request('GET', '/api/v1/namespaces/default/pods', asToken(vault))).status, 401);

    await srv.request('POST', '/api/v1/namespaces/default/serviceaccounts', { body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'temp' } } });
    const temp = (await tokenFor('temp')).body.status.token;
    assert.equal((await srv.request('GET', '/api/v1/namespaces/default/pods', asToken(temp))).status, 200);
    await srv.request('DELETE', '/api/v1/namespaces/default/serviceaccounts/temp');
    await srv.request('POST', '/api/v1/namespaces/default/serviceaccounts', { body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'temp' } } });
    assert.equal((await srv.request('GET', '/api/v1/namespaces/default/pods', asToken(temp))).status, 401, 'recreated account, new uid');
  });

  test('TokenRequest errors keep their status codes', async () => {
    const missing = await tokenFor('ghost');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.message, 'serviceaccounts "ghost" not found');
    const short = await tokenFor('robot', { expirationSeconds: 60 });
    assert.equal(short.status, 422);
  });

  test('TokenReview and the access reviews answer 201 with status', async () => {
    const token = (await tokenFor('robot', { audiences: ['vault'] })).body.status.token;
    const tr = await srv.request('POST', '/apis/authentication.k8s.io/v1/tokenreviews', {
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token, audiences: ['vault'] } },
    });
    assert.equal(tr.status, 201, tr.text);
    assert.equal(tr.json().status.authenticated, true);
    assert.deepEqual(tr.json().status.audiences, ['vault']);

    const ssar = await srv.request('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb: 'get', resource: 'pods' } } },
    });
    assert.equal(ssar.status, 201, ssar.text);
    assert.deepEqual(ssar.json().status, { allowed: true });
    const lsar = await srv.request('POST', '/apis/authorization.k8s.io/v1/namespaces/team/localsubjectaccessreviews', {
      body: { apiVersion: 'authorization.k8s.io/v1', kind: 'LocalSubjectAccessReview', spec: { user: 'x', resourceAttributes: { namespace: 'other', verb: 'get', resource: 'pods' } } },
    });
    assert.equal(lsar.status, 422);
    assert.match(lsar.json().message, /spec\.resourceAttributes\.namespace: Invalid value: "other": must match metadata\.namespace$/);
    const clusterPathForLocal = await srv.request('POST', '/apis/authorization.k8s.io/v1/localsubjectaccessreviews', { body: {} });
    assert.equal(clusterPathForLocal.status, 404);
  });
});

const binary = kubectlBinary();
describe('real kubectl: create token, auth whoami, auth can-i', { skip: binary ? false : 'kubectl is not installed' }, () => {
  let srv: TestServer;
  let env: NodeJS.ProcessEnv;
  const cleanups: (() => unknown)[] = [];
  const k = (...args: string[]) => run(binary!, args, env);
  const withToken = (token: string, ...args: string[]) =>
    k(`--kubeconfig=/dev/null`, `--server=${srv.url}`, `--certificate-authority=${join(srv.dataDir, PKI_FILES.caCert)}`, `--token=${token}`, ...args);
  before(async () => {
    srv = await startServer({ after: (fn) => cleanups.push(fn) });
    env = { KUBECONFIG: srv.kubeconfig, HOME: mkdtempSync(join(tmpdir(), 'ktl-home-')) };
    await srv.request('POST', '/api/v1/namespaces/default/serviceaccounts', { body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot' } } });
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  test('create token, then whoami and get with it', async () => {
    const created = await k('create', 'token', 'robot', '--duration=20m', '--audience=https://kubernetes.default.svc.cluster.local');
    assert.equal(created.code, 0, created.stderr);
    const token = created.stdout.trim();
    assert.equal(claimsOf(token).exp - claimsOf(token).iat, 1200);
    const who = await withToken(token, 'auth', 'whoami');
    assert.equal(who.code, 0, who.stderr);
    assert.match(who.stdout, /^Username\s+system:serviceaccount:default:robot$/m);
    assert.match(who.stdout, /^Groups\s+\[system:serviceaccounts system:serviceaccounts:default system:authenticated\]$/m);
    assert.match(who.stdout, new RegExp(`^Extra: authentication.kubernetes.io/credential-id\\s+\\[JTI=${claimsOf(token).jti}\\]$`, 'm'));
    const pods = await withToken(token, 'get', 'pods');
    assert.deepEqual(pods, { code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
  });

  test('create token errors as kubectl prints them', async () => {
    assert.deepEqual(await k('create', 'token', 'robot', '--duration=1m'), {
      code: 1,
      stdout: '',
      stderr: 'error: failed to create token: TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes\n',
    });
    assert.deepEqual(await k('create', 'token', 'ghost'), { code: 1, stdout: '', stderr: 'error: failed to create token: serviceaccounts "ghost" not found\n' });
  });

  test('a bad token: You must be logged in to the server (Unauthorized)', async () => {
    assert.deepEqual(await withToken('junk', 'get', 'pods'), { code: 1, stdout: '', stderr: 'error: You must be logged in to the server (Unauthorized)\n' });
  });

  test('auth whoami as admin, auth can-i and can-i --list', async () => {
    const who = await k('auth', 'whoami');
    assert.equal(who.code, 0, who.stderr);
    assert.match(who.stdout, /^Username\s+admin\nGroups\s+\[system:masters system:authenticated\]\nExtra: authentication.kubernetes.io\/credential-id\s+\[X509SHA256=[0-9a-f]{64}\]\n$/m);
    assert.deepEqual(await k('auth', 'can-i', 'create', 'pods'), { code: 0, stdout: 'yes\n', stderr: '' });
    const list = await k('auth', 'can-i', '--list');
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs\n\*\.\*\s+\[\]\s+\[\]\s+\[\*\]\n\s+\[\*\]\s+\[\]\s+\[\*\]\n$/);
  });

  const old = kubectlBinary('1.27');
  test('kubectl 1.27 auth whoami (asks authentication.k8s.io/v1beta1)', { skip: old ? false : 'kubectl.1.27 is not installed' }, async () => {
    const who = await run(old!, ['auth', 'whoami'], env);
    assert.equal(who.code, 0, who.stderr);
    assert.match(who.stdout, /^Username\s+admin$/m);
  });
});
