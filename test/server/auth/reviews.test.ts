// The review handlers called directly with decoded bodies (what the router hands them after wiring).
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import type { KubeObject } from '../../../src/api/object.ts';
import { createAuthenticator } from '../../../src/server/auth/authenticate.ts';
import { createAuthorizer } from '../../../src/server/auth/authorize.ts';
import { goObjectMeta } from '../../../src/server/auth/reviews/common.ts';
import { createReviewHandlers, reviewKey, type ReviewContext } from '../../../src/server/auth/reviews/index.ts';
import { createServiceAccountTokenAuthenticator, createToken } from '../../../src/server/auth/service-account-token.ts';
import { ANONYMOUS } from '../../../src/server/auth/user-info.ts';
import { isApiError } from '../../../src/server/status.ts';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const SA: KubeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot', namespace: 'ns1', uid: 'sa-uid' } };
const objects = { get: async (_g: string, r: string, ns: string, n: string) => (r === 'serviceaccounts' && ns === 'ns1' && n === 'robot' ? SA : undefined) };
const NOW = new Date('2030-01-01T00:00:00Z');
const authorizer = createAuthorizer();
const authenticator = createAuthenticator({ tokens: [createServiceAccountTokenAuthenticator({ keys: [publicKey], objects, now: () => NOW })] });
const handlers = createReviewHandlers({ authorizer, authenticator, tokens: { signingKey: privateKey, objects, now: () => NOW }, now: () => NOW });

const admin = { name: 'admin', groups: ['system:masters', 'system:authenticated'], extra: { 'authentication.kubernetes.io/credential-id': ['X509SHA256=ab'] } };
const ctx = (over: Partial<ReviewContext> = {}): ReviewContext => ({ user: admin, namespace: '', ...over });
const call = (group: string, resource: string, body: Record<string, unknown>, c: Partial<ReviewContext> = {}) =>
  handlers[reviewKey(group, resource)]!({ metadata: {}, ...body } as KubeObject, ctx(c));
const AUTHZ = 'authorization.k8s.io';
const AUTHN = 'authentication.k8s.io';

async function rejection(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isApiError(e)) return { code: e.code, message: e.status.message };
    throw e;
  }
  assert.fail('expected an error');
}

test('every review and serviceaccounts/token has a handler', () => {
  assert.deepEqual(Object.keys(handlers).sort(), [
    '/serviceaccounts/token',
    'authentication.k8s.io/selfsubjectreviews',
    'authentication.k8s.io/tokenreviews',
    'authorization.k8s.io/localsubjectaccessreviews',
    'authorization.k8s.io/selfsubjectaccessreviews',
    'authorization.k8s.io/selfsubjectrulesreviews',
    'authorization.k8s.io/subjectaccessreviews',
  ]);
});

test('SelfSubjectAccessReview: the body kubectl auth can-i sends comes back with status', async () => {
  const body = {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: { resourceAttributes: { namespace: 'default', verb: 'create', resource: 'pods' } },
    status: { allowed: false },
  };
  assert.deepEqual(await call(AUTHZ, 'selfsubjectaccessreviews', body), {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: { resourceAttributes: { namespace: 'default', verb: 'create', resource: 'pods' } },
    status: { allowed: true },
  });
  const anon = await call(AUTHZ, 'selfsubjectaccessreviews', { spec: { resourceAttributes: { verb: 'list', resource: 'pods' } } }, { user: ANONYMOUS });
  assert.deepEqual(anon.status, { allowed: false });
  const nonResource = await call(AUTHZ, 'selfsubjectaccessreviews', { spec: { nonResourceAttributes: { path: '/version', verb: 'get' } } }, { user: ANONYMOUS });
  assert.equal((nonResource.status as { allowed: boolean }).allowed, true);
});

test('SelfSubjectAccessReview validation: the texts of kube-apiserver, kind-less as upstream prints it', async () => {
  assert.deepEqual(
    await rejection(call(AUTHZ, 'selfsubjectaccessreviews', { spec: { resourceAttributes: { verb: 'get', resource: 'pods' }, nonResourceAttributes: { path: '/logs', verb: 'get' } } })),
    {
      code: 422,
      message:
        '.authorization.k8s.io "" is invalid: spec.nonResourceAttributes: Invalid value: authorization.NonResourceAttributes{Path:"/logs", Verb:"get"}: cannot be specified in combination with resourceAttributes',
    },
  );
  assert.deepEqual(await rejection(call(AUTHZ, 'selfsubjectaccessreviews', { spec: {} })), {
    code: 422,
    message: '.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
  });
  assert.deepEqual(
    await rejection(call(AUTHZ, 'selfsubjectaccessreviews', { spec: { resourceAttributes: { labelSelector: { rawSelector: 'a=b', requirements: [{ key: 'a', operator: 'In' }] } } } })),
    {
      code: 422,
      message:
        '.authorization.k8s.io "" is invalid: [spec.resourceAttributes.labelSelector.rawSelector: Invalid value: "a=b": may not specified at the same time as requirements, ' +
        "spec.resourceAttributes.labelSelector.requirements[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn']",
    },
  );
  assert.deepEqual(await rejection(call(AUTHZ, 'selfsubjectaccessreviews', { spec: { resourceAttributes: { fieldSelector: {} } } })), {
    code: 422,
    message: '.authorization.k8s.io "" is invalid: spec.resourceAttributes.fieldSelector.requirements: Required value: when spec.resourceAttributes.fieldSelector is specified, requirements or rawSelector is required',
  });
  const named = await rejection(call(AUTHZ, 'selfsubjectaccessreviews', { metadata: { name: 'x' }, spec: { resourceAttributes: {} } }));
  assert.equal(named.message, `.authorization.k8s.io "" is invalid: metadata: Invalid value: ${goObjectMeta({ name: 'x' })}: must be empty`);
  assert.match(named.message, /^\.authorization\.k8s\.io "" is invalid: metadata: Invalid value: v1\.ObjectMeta\{Name:"x", GenerateName:"", Namespace:"", .*Labels:map\[string\]string\(nil\), .*\}: must be empty$/);
});

test('SubjectAccessReview asks about the given user exactly; a subject is required', async () => {
  const bob = await call(AUTHZ, 'subjectaccessreviews', { spec: { user: 'bob', resourceAttributes: { verb: 'get', resource: 'pods' } } });
  assert.deepEqual(bob.status, { allowed: false }, 'no groups given: not even system:authenticated');
  const masters = await call(AUTHZ, 'subjectaccessreviews', { spec: { user: 'bob', groups: ['system:masters'], resourceAttributes: { verb: 'get', resource: 'pods' } } }, { user: ANONYMOUS });
  assert.deepEqual(masters.status, { allowed: true });
  assert.deepEqual(await rejection(call(AUTHZ, 'subjectaccessreviews', { spec: { nonResourceAttributes: { path: '/x', verb: 'get' } } })), {
    code: 422,
    message: '.authorization.k8s.io "" is invalid: spec.user: Invalid value: "": at least one of user or group must be specified',
  });
});

test('LocalSubjectAccessReview: the URL namespace fills metadata, and the attributes must match it', async () => {
  const spec = { user: 'alice', groups: ['system:authenticated'], resourceAttributes: { namespace: 'team', verb: 'get', resource: 'pods' } };
  const ok = await call(AUTHZ, 'localsubjectaccessreviews', { spec }, { namespace: 'team' });
  assert.deepEqual(ok.metadata, { namespace: 'team', creationTimestamp: null });
  assert.deepEqual(ok.status, { allowed: true });
  assert.deepEqual(await rejection(call(AUTHZ, 'localsubjectaccessreviews', { spec }, { namespace: 'other' })), {
    code: 422,
    message: '.authorization.k8s.io "" is invalid: spec.resourceAttributes.namespace: Invalid value: "team": must match metadata.namespace',
  });
  assert.deepEqual(await rejection(call(AUTHZ, 'localsubjectaccessreviews', { metadata: { namespace: 'a' }, spec }, { namespace: 'team' })), {
    code: 400,
    message: 'the namespace of the provided object does not match the namespace sent on the request',
  });
  assert.deepEqual(
    await rejection(call(AUTHZ, 'localsubjectaccessreviews', { spec: { user: 'alice', nonResourceAttributes: { path: '/x', verb: 'get' } } }, { namespace: 'team' })),
    { code: 422, message: '.authorization.k8s.io "" is invalid: spec.nonResourceAttributes: Invalid value: authorization.NonResourceAttributes{Path:"/x", Verb:"get"}: disallowed on this kind of request' },
  );
});

test('SelfSubjectRulesReview: rules for the namespace, a fresh object', async () => {
  assert.deepEqual(await call(AUTHZ, 'selfsubjectrulesreviews', { metadata: { creationTimestamp: null }, spec: { namespace: 'default' } }), {
    kind: 'SelfSubjectRulesReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: {},
    status: {
      resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
      nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
      incomplete: false,
    },
  });
  assert.deepEqual(await rejection(call(AUTHZ, 'selfsubjectrulesreviews', { spec: {} })), { code: 400, message: 'no namespace on request' });
});

test('SelfSubjectReview: who the requester is, in the version asked for', async () => {
  const expected = (version: string) => ({
    kind: 'SelfSubjectReview',
    apiVersion: `authentication.k8s.io/${version}`,
    metadata: { creationTimestamp: '2030-01-01T00:00:00Z' },
    status: { userInfo: { username: 'admin', groups: ['system:masters', 'system:authenticated'], extra: { 'authentication.kubernetes.io/credential-id': ['X509SHA256=ab'] } } },
  });
  assert.deepEqual(await call(AUTHN, 'selfsubjectreviews', { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' }), expected('v1'));
  assert.deepEqual(await call(AUTHN, 'selfsubjectreviews', {}, { version: 'v1beta1' }), expected('v1beta1'));
  const anon = await call(AUTHN, 'selfsubjectreviews', {}, { user: ANONYMOUS });
  assert.deepEqual(anon.status, { userInfo: { username: 'system:anonymous', groups: ['system:unauthenticated'] } });
});

test('TokenReview: authenticated with user and audiences, or the error kube-apiserver gives', async () => {
  const token = createToken(privateKey, { serviceAccount: SA, audiences: ['vault'], expirationSeconds: 600 }, { now: NOW, jti: 'j' }).token;
  const review = (spec: Record<string, unknown>) => call(AUTHN, 'tokenreviews', { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', metadata: { creationTimestamp: null }, spec });
  const ok = await review({ token, audiences: ['vault'] });
  assert.deepEqual(ok, {
    kind: 'TokenReview',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: { token, audiences: ['vault'] },
    status: {
      authenticated: true,
      user: {
        username: 'system:serviceaccount:ns1:robot',
        uid: 'sa-uid',
        groups: ['system:serviceaccounts', 'system:serviceaccounts:ns1', 'system:authenticated'],
        extra: { 'authentication.kubernetes.io/credential-id': ['JTI=j'] },
      },
      audiences: ['vault'],
    },
  });
  assert.deepEqual((await review({ token })).status, {
    user: {},
    error: '[invalid bearer token, token audiences ["vault"] is invalid for the target audiences ["https://kubernetes.default.svc.cluster.local"]]',
  });
  assert.deepEqual((await review({ token: 'junk' })).status, { user: {}, error: 'invalid bearer token' });
  assert.deepEqual(await rejection(review({})), { code: 400, message: 'token is required for TokenReview in authentication' });
  assert.deepEqual(await rejection(call(AUTHN, 'tokenreviews', { spec: { token } }, { namespace: 'x' })), { code: 400, message: 'namespace is not allowed on this type: x' });
});

test('serviceaccounts/token through the handler table', async () => {
  const out = await handlers[reviewKey('', 'serviceaccounts', 'token')]!({ metadata: {}, spec: { expirationSeconds: 1200 } } as KubeObject, ctx({ namespace: 'ns1', name: 'robot' }));
  assert.deepEqual(out.metadata, { name: 'robot', namespace: 'ns1', creationTimestamp: '2030-01-01T00:00:00Z' });
  assert.equal((out.status as { expirationTimestamp: string }).expirationTimestamp, '2030-01-01T00:20:00Z');
});

test('unknown fields are dropped and reported as warnings', async () => {
  const warnings: string[] = [];
  const out = await call(AUTHZ, 'selfsubjectaccessreviews', { spec: { resourceAttributes: { verb: 'get', resource: 'pods', bogus: 1 } } }, { warnings });
  assert.deepEqual(out.spec, { resourceAttributes: { verb: 'get', resource: 'pods' } });
  assert.deepEqual(warnings, ['unknown field "spec.resourceAttributes.bogus"']);
});
