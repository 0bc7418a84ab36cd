import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorize, authorizeRequest, createAuthorizer, decide, forbiddenError, requestAttributes } from '../../../src/server/auth/authorize.ts';
import { parseRequestInfo } from '../../../src/server/http/request-info.ts';
import { ANONYMOUS } from '../../../src/server/auth/user-info.ts';

const admin = { name: 'admin', groups: ['system:masters', 'system:authenticated'] };
const alice = { name: 'alice', groups: ['system:authenticated'] };
const bob = { name: 'bob', groups: [] };
const info = (method: string, path: string) => parseRequestInfo(method, path, new URLSearchParams());

test('placeholder policy: masters and authenticated users may do anything', () => {
  assert.deepEqual(decide({ user: admin, verb: 'delete', resourceRequest: true, resource: 'nodes' }), { allowed: true, reason: '' });
  assert.deepEqual(decide({ user: { name: 'm', groups: ['system:masters'] }, verb: 'get', resourceRequest: false, path: '/x' }), { allowed: true, reason: '' });
  assert.deepEqual(decide({ user: alice, verb: 'create', resourceRequest: true, namespace: 'ns', resource: 'pods' }), { allowed: true, reason: '' });
  assert.deepEqual(decide({ user: bob, verb: 'get', resourceRequest: true, resource: 'pods' }), { allowed: false, reason: '' });
});

test('placeholder policy: anonymous may only GET the public info paths', () => {
  const d = decide({ user: ANONYMOUS, verb: 'get', resourceRequest: false, path: '/version' });
  assert.equal(d.allowed, true);
  assert.match(d.reason, /system:public-info-viewer/);
  for (const [verb, path] of [['post', '/healthz'], ['get', '/healthz/etcd'], ['get', '/api'], ['head', '/livez']] as const)
    assert.equal(decide({ user: ANONYMOUS, verb, resourceRequest: false, path }).allowed, false, `${verb} ${path}`);
  assert.equal(decide({ user: ANONYMOUS, verb: 'list', resourceRequest: true, resource: 'pods' }).allowed, false);
});

test('forbidden messages as responsewriters.Forbidden writes them', () => {
  const pods = requestAttributes(ANONYMOUS, info('GET', '/api/v1/namespaces/default/pods'));
  assert.equal(forbiddenError(pods, '').status.message, 'pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"');
  const scale = requestAttributes(bob, info('PUT', '/apis/apps/v1/namespaces/ns/deployments/web/scale'));
  const err = forbiddenError(scale, 'no way');
  assert.equal(err.status.message, 'deployments.apps "web" is forbidden: User "bob" cannot update resource "deployments/scale" in API group "apps" in the namespace "ns": no way');
  assert.equal(err.code, 403);
  assert.deepEqual(err.status.details, { name: 'web', group: 'apps', kind: 'deployments' });
  const nodes = requestAttributes(bob, info('GET', '/api/v1/nodes'));
  assert.match(forbiddenError(nodes, '').status.message ?? '', /cannot list resource "nodes" in API group "" at the cluster scope$/);
  assert.equal(forbiddenError(requestAttributes(bob, info('GET', '/api')), '').status.message, 'forbidden: User "bob" cannot get path "/api"');
});

test('authorizeRequest and the synchronous authorize agree', async () => {
  const authorizer = createAuthorizer();
  await authorizeRequest(authorizer, alice, info('GET', '/api/v1/pods'));
  assert.doesNotThrow(() => authorize(alice, info('GET', '/api/v1/pods')));
  await assert.rejects(authorizeRequest(authorizer, ANONYMOUS, info('GET', '/api/v1/pods')), { code: 403 });
  assert.throws(() => authorize(ANONYMOUS, info('GET', '/api/v1/pods')), { code: 403 });
});

test('rulesFor: everything for authenticated users, public info for anonymous', async () => {
  const authorizer = createAuthorizer();
  assert.deepEqual(await authorizer.rulesFor(admin, 'default'), {
    resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
    nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
    incomplete: false,
  });
  assert.deepEqual(await authorizer.rulesFor(ANONYMOUS, 'default'), {
    resourceRules: [],
    nonResourceRules: [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'] }],
    incomplete: false,
  });
  assert.deepEqual(await authorizer.rulesFor(bob, 'default'), { resourceRules: [], nonResourceRules: [], incomplete: false });
});
