// tokenRequest() against a real server's registry (objects made over HTTP), called directly: this does
// not need the router to dispatch serviceaccounts/token (test/server/auth/http.test.ts does that).
import assert from 'node:assert/strict';
import { verify } from 'node:crypto';
import { test } from 'node:test';
import type { KubeObject } from '../../../src/api/object.ts';
import { createServiceAccountTokenAuthenticator, type ObjectReader } from '../../../src/server/auth/service-account-token.ts';
import { tokenRequest, type TokenRequestOptions } from '../../../src/server/auth/token-request.ts';
import { isApiError } from '../../../src/server/status.ts';
import { startServer, type TestServer } from '../../helpers/server.ts';

const NOW = new Date('2030-05-06T07:08:09.500Z');

function reader(srv: TestServer): ObjectReader {
  return { get: async (g, r, ns, n) => (await srv.server.registry.store(g, r).tryGet(ns, n))?.object };
}

async function make(srv: TestServer, path: string, body: unknown): Promise<KubeObject> {
  const r = await srv.request('POST', path, { body });
  assert.equal(r.status, 201, r.text);
  return r.json();
}

async function setup(t: Parameters<typeof startServer>[0]) {
  const srv = await startServer(t);
  const sa = await make(srv, '/api/v1/namespaces/default/serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot' } });
  const opts: TokenRequestOptions = { signingKey: srv.server.pki.serviceAccount.privateKeyPem, objects: reader(srv), now: () => NOW };
  const request = (body: Partial<KubeObject> & Record<string, unknown>, name = 'robot', namespace = 'default') =>
    tokenRequest({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', metadata: {}, ...body } as KubeObject, { namespace, name }, opts);
  return { srv, sa, opts, request };
}

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));

async function rejection(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isApiError(e)) return { code: e.code, reason: e.reason, message: e.status.message };
    throw e;
  }
  assert.fail('expected an error');
}

test('TokenRequest defaults: one hour, the API audience, metadata and status filled in', async (t) => {
  const { srv, sa, request } = await setup(t);
  const out = await request({ spec: {} });
  const { token, expirationTimestamp } = out.status as { token: string; expirationTimestamp: string };
  assert.deepEqual(out, {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name: 'robot', namespace: 'default', creationTimestamp: '2030-05-06T07:08:09Z' },
    spec: { audiences: ['https://kubernetes.default.svc.cluster.local'], expirationSeconds: 3600 },
    status: { token, expirationTimestamp: '2030-05-06T08:08:09Z' },
  });
  assert.equal(expirationTimestamp, '2030-05-06T08:08:09Z');
  const [h, p, s] = token.split('.');
  assert.ok(verify('sha256', Buffer.from(`${h}.${p}`), { key: srv.server.pki.serviceAccount.publicKeyPem, dsaEncoding: 'ieee-p1363' }, Buffer.from(s!, 'base64url')));
  const c = claimsOf(token);
  assert.equal(c.sub, 'system:serviceaccount:default:robot');
  assert.equal(c.exp - c.iat, 3600);
  assert.deepEqual(c['kubernetes.io'], { namespace: 'default', serviceaccount: { name: 'robot', uid: sa.metadata.uid } });

  // The issued token authenticates against the same registry.
  const auth = createServiceAccountTokenAuthenticator({ keys: [srv.server.pki.serviceAccount.publicKeyPem], objects: reader(srv), now: () => NOW });
  const r = await auth.authenticateToken(token);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.ok && r.user.uid, sa.metadata.uid);
});

test('TokenRequest: duration and audiences as asked; kube-apiserver limits and texts', async (t) => {
  const { request } = await setup(t);
  const out = await request({ spec: { audiences: ['vault'], expirationSeconds: 600 } });
  const c = claimsOf((out.status as { token: string }).token);
  assert.deepEqual(c.aud, ['vault']);
  assert.equal(c.exp - c.iat, 600);
  assert.deepEqual(await rejection(request({ spec: { expirationSeconds: 60 } })), {
    code: 422,
    reason: 'Invalid',
    message: 'TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes',
  });
  assert.deepEqual(await rejection(request({ spec: { expirationSeconds: 2 ** 32 + 1 } })), {
    code: 422,
    reason: 'Invalid',
    message: 'TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 4294967297: may not specify a duration larger than 2^32 seconds',
  });
  assert.deepEqual(await rejection(request({ spec: {} }, 'ghost')), { code: 404, reason: 'NotFound', message: 'serviceaccounts "ghost" not found' });
  assert.deepEqual(await rejection(request({ metadata: { name: 'other' }, spec: {} })), {
    code: 422,
    reason: 'Invalid',
    message: 'TokenRequest.authentication.k8s.io "robot" is invalid: metadata.name: Invalid value: "other": must match the service account name if specified',
  });
  assert.deepEqual(await rejection(request({ metadata: { namespace: 'kube-system' }, spec: {} })), {
    code: 422,
    reason: 'Invalid',
    message: 'TokenRequest.authentication.k8s.io "robot" is invalid: metadata.namespace: Invalid value: "kube-system": must match the service account namespace if specified',
  });
});

test('TokenRequest bound to a pod (with its node), a secret or a node', async (t) => {
  const { srv, request } = await setup(t);
  const node = await make(srv, '/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } });
  const podBody = (name: string, sa: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { serviceAccountName: sa, nodeName: 'n1', containers: [{ name: 'c', image: 'busybox' }] },
  });
  const pod = await make(srv, '/api/v1/namespaces/default/pods', podBody('web', 'robot'));
  // Pod admission needs the pod's service account to exist.
  await make(srv, '/api/v1/namespaces/default/serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'someone' } });
  await make(srv, '/api/v1/namespaces/default/pods', podBody('other', 'someone'));
  const secret = await make(srv, '/api/v1/namespaces/default/secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } });

  const podToken = await request({ spec: { boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'web', uid: pod.metadata.uid } } });
  assert.deepEqual(claimsOf((podToken.status as { token: string }).token)['kubernetes.io'].pod, { name: 'web', uid: pod.metadata.uid });
  assert.deepEqual(claimsOf((podToken.status as { token: string }).token)['kubernetes.io'].node, { name: 'n1', uid: node.metadata.uid });
  const secretToken = await request({ spec: { boundObjectRef: { kind: 'Secret', apiVersion: 'v1', name: 's' } } });
  assert.deepEqual(claimsOf((secretToken.status as { token: string }).token)['kubernetes.io'].secret, { name: 's', uid: secret.metadata.uid });
  const nodeToken = await request({ spec: { boundObjectRef: { kind: 'Node', apiVersion: 'v1', name: 'n1' } } });
  assert.deepEqual(claimsOf((nodeToken.status as { token: string }).token)['kubernetes.io'].node, { name: 'n1', uid: node.metadata.uid });

  assert.deepEqual(await rejection(request({ spec: { boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'other' } } })), {
    code: 400,
    reason: 'BadRequest',
    message: 'cannot bind token for serviceaccount "robot" to pod running with different serviceaccount name.',
  });
  assert.deepEqual(await rejection(request({ spec: { boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'web', uid: 'stale' } } })), {
    code: 409,
    reason: 'Conflict',
    message: 'Operation cannot be fulfilled on Pod "web": the UID in the bound object reference (stale) does not match the UID in record. The object might have been deleted and then recreated',
  });
  assert.deepEqual(await rejection(request({ spec: { boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'gone' } } })), {
    code: 404,
    reason: 'NotFound',
    message: 'pods "gone" not found',
  });
  assert.deepEqual(await rejection(request({ spec: { boundObjectRef: { kind: 'Deployment', apiVersion: 'apps/v1', name: 'web' } } })), {
    code: 400,
    reason: 'BadRequest',
    message: 'cannot bind token to object of type apps/v1, Kind=Deployment',
  });
});

test("TokenRequest: kubelet's 3607-second pod tokens for the API server last a year with warnafter", async (t) => {
  const { srv, request } = await setup(t);
  await make(srv, '/api/v1/namespaces/default/pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: { serviceAccountName: 'robot', containers: [{ name: 'c', image: 'busybox' }] },
  });
  const out = await request({ spec: { expirationSeconds: 3607, boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'web' } } });
  const c = claimsOf((out.status as { token: string }).token);
  assert.equal(c.exp - c.iat, 365 * 24 * 3600);
  assert.equal(c['kubernetes.io'].warnafter, c.iat + 3607);
  assert.equal((out.status as { expirationTimestamp: string }).expirationTimestamp, '2030-05-06T08:08:16Z', 'status reports the hour asked for');
  const unbound = claimsOf(((await request({ spec: { expirationSeconds: 3607 } })).status as { token: string }).token);
  assert.equal(unbound.exp - unbound.iat, 3607, 'only pod-bound tokens are extended');
  assert.equal(unbound['kubernetes.io'].warnafter, undefined);
});
