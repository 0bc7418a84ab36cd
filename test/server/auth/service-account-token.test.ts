import assert from 'node:assert/strict';
import { generateKeyPairSync, verify } from 'node:crypto';
import { test } from 'node:test';
import type { KubeObject } from '../../../src/api/object.ts';
import { keyIdFor } from '../../../src/server/auth/jwt.ts';
import {
  createServiceAccountTokenAuthenticator,
  createToken,
  DEFAULT_ISSUER,
  goQuoteList,
  type ObjectReader,
} from '../../../src/server/auth/service-account-token.ts';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const T0 = new Date('2030-01-02T03:04:05Z');
const t0 = T0.getTime() / 1000;

/** Current objects by "resource/namespace/name", what the registry's ClusterReader answers. */
function objects(...items: [string, KubeObject][]): ObjectReader & { set(key: string, obj?: KubeObject): void } {
  const map = new Map(items);
  return {
    get: async (_group, resource, namespace, name) => map.get(`${resource}/${namespace}/${name}`),
    set: (key, obj) => (obj ? map.set(key, obj) : map.delete(key)),
  };
}
const sa = (name: string, uid: string, ns = 'default'): KubeObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns, uid } });

const decode = (token: string, i: number) => JSON.parse(Buffer.from(token.split('.')[i]!, 'base64url').toString('utf8'));

test('createToken: upstream claims, kid header, ES256 signature over the compact form', () => {
  const issued = createToken(privateKey, { serviceAccount: sa('robot', 'uid-1', 'ch42'), audiences: ['https://kubernetes.default.svc.cluster.local'], expirationSeconds: 3600 }, { now: T0, jti: 'j-1' });
  const [h, p, s] = issued.token.split('.');
  assert.deepEqual(decode(issued.token, 0), { alg: 'ES256', kid: keyIdFor(publicKey) });
  assert.equal(
    Buffer.from(p!, 'base64url').toString(),
    `{"aud":["https://kubernetes.default.svc.cluster.local"],"exp":${t0 + 3600},"iat":${t0},"iss":"https://kubernetes.default.svc.cluster.local","jti":"j-1",` +
      `"kubernetes.io":{"namespace":"ch42","serviceaccount":{"name":"robot","uid":"uid-1"}},"nbf":${t0},"sub":"system:serviceaccount:ch42:robot"}`,
  );
  assert.ok(verify('sha256', Buffer.from(`${h}.${p}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(s!, 'base64url')));
  assert.deepEqual(issued.expiration, new Date(T0.getTime() + 3600_000));
  assert.deepEqual(issued.issuedAt, T0);
});

test('createToken: a random UUID jti by default, bound pod with its node, warnafter, custom issuer', () => {
  const issued = createToken(
    privateKey,
    {
      serviceAccount: sa('robot', 'u'),
      audiences: ['a', 'b'],
      expirationSeconds: 600,
      bound: { pod: { name: 'p', uid: 'pu' }, node: { name: 'n1', uid: '' } },
      warnAfterSeconds: 3607,
    },
    { now: T0, issuer: 'https://issuer.example' },
  );
  const c = decode(issued.token, 1);
  assert.match(c.jti, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(c.iss, 'https://issuer.example');
  assert.deepEqual(c.aud, ['a', 'b']);
  assert.deepEqual(c['kubernetes.io'], { namespace: 'default', node: { name: 'n1' }, pod: { name: 'p', uid: 'pu' }, serviceaccount: { name: 'robot', uid: 'u' }, warnafter: t0 + 3607 });
  assert.notEqual(createToken(privateKey, { serviceAccount: sa('r', 'u'), audiences: ['a'], expirationSeconds: 600 }).claims.jti, c.jti);
  assert.throws(
    () => createToken(privateKey, { serviceAccount: sa('r', 'u'), audiences: ['a'], expirationSeconds: 600, bound: { secret: { name: 's', uid: 'x' }, pod: { name: 'p', uid: 'y' } } }),
    /token can only be bound to one object type/,
  );
});

test('goQuoteList renders like Go %q of a []string', () => {
  assert.equal(goQuoteList(['coffre']), '["coffre"]');
  assert.equal(goQuoteList(['a', 'b"c']), '["a" "b\\"c"]');
});

function setup(now = T0) {
  const store = objects(['serviceaccounts/default/robot', sa('robot', 'uid-1')]);
  const clock = { now };
  const auth = createServiceAccountTokenAuthenticator({ keys: [publicKey], objects: store, now: () => clock.now });
  const issue = (extra: Partial<Parameters<typeof createToken>[1]> = {}) =>
    createToken(privateKey, { serviceAccount: sa('robot', 'uid-1'), audiences: [DEFAULT_ISSUER], expirationSeconds: 3600, ...extra }, { now: T0, jti: 'jti-1' }).token;
  return { store, clock, auth, issue };
}

test('authenticate: a token of ours is the service account, its groups and credential id', async () => {
  const { auth, issue } = setup();
  assert.deepEqual(await auth.authenticateToken(issue()), {
    ok: true,
    user: {
      name: 'system:serviceaccount:default:robot',
      uid: 'uid-1',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:default'],
      extra: { 'authentication.kubernetes.io/credential-id': ['JTI=jti-1'] },
    },
    audiences: [DEFAULT_ISSUER],
  });
});

test('authenticate: expiry and not-before with one minute of leeway', async () => {
  const { auth, issue, clock } = setup();
  const token = issue({ expirationSeconds: 600 });
  clock.now = new Date(T0.getTime() + 660_000);
  assert.equal((await auth.authenticateToken(token)).ok, true, 'within the leeway');
  clock.now = new Date(T0.getTime() + 661_000);
  assert.deepEqual(await auth.authenticateToken(token), { ok: false, error: 'service account token has expired' });
  clock.now = new Date(T0.getTime() - 61_000);
  assert.deepEqual(await auth.authenticateToken(token), { ok: false, error: 'service account token is not valid yet' });
});

test('authenticate: audiences are checked against the requested ones (API audiences by default)', async () => {
  const { auth, issue } = setup();
  const token = issue({ audiences: ['coffre'] });
  assert.deepEqual(await auth.authenticateToken(token), {
    ok: false,
    error: 'token audiences ["coffre"] is invalid for the target audiences ["https://kubernetes.default.svc.cluster.local"]',
  });
  const r = await auth.authenticateToken(token, ['other', 'coffre']);
  assert.ok(r.ok);
  assert.deepEqual(r.ok && r.audiences, ['coffre']);
});

test('authenticate: deleted, recreated or deleting service accounts and bound objects invalidate the token', async () => {
  const { auth, issue, store } = setup();
  const token = issue();
  store.set('serviceaccounts/default/robot');
  assert.deepEqual(await auth.authenticateToken(token), { ok: false, error: 'serviceaccounts "robot" not found' });
  store.set('serviceaccounts/default/robot', sa('robot', 'uid-2'));
  assert.deepEqual(await auth.authenticateToken(token), { ok: false, error: 'service account UID (uid-2) does not match claim (uid-1)' });
  store.set('serviceaccounts/default/robot', { ...sa('robot', 'uid-1'), metadata: { ...sa('robot', 'uid-1').metadata, deletionTimestamp: '2029-01-01T00:00:00Z' } });
  assert.deepEqual(await auth.authenticateToken(token), { ok: false, error: 'service account default/robot has been deleted' });
  store.set('serviceaccounts/default/robot', sa('robot', 'uid-1'));

  const podToken = issue({ bound: { pod: { name: 'web', uid: 'pod-1' }, node: { name: 'n1', uid: 'node-1' } } });
  assert.deepEqual(await auth.authenticateToken(podToken), { ok: false, error: 'service account token has been invalidated' });
  store.set('pods/default/web', { metadata: { name: 'web', uid: 'pod-2' } });
  assert.deepEqual(await auth.authenticateToken(podToken), { ok: false, error: 'pod UID (pod-2) does not match service account pod ref claim (pod-1)' });
  store.set('pods/default/web', { metadata: { name: 'web', uid: 'pod-1' } });
  const r = await auth.authenticateToken(podToken);
  assert.ok(r.ok, JSON.stringify(r));
  assert.deepEqual(r.ok && r.user.extra, {
    'authentication.kubernetes.io/credential-id': ['JTI=jti-1'],
    'authentication.kubernetes.io/node-name': ['n1'],
    'authentication.kubernetes.io/node-uid': ['node-1'],
    'authentication.kubernetes.io/pod-name': ['web'],
    'authentication.kubernetes.io/pod-uid': ['pod-1'],
  });

  const nodeToken = issue({ bound: { node: { name: 'n1', uid: 'node-1' } } });
  assert.deepEqual(await auth.authenticateToken(nodeToken), { ok: false, error: 'service account token has been invalidated' });
  store.set('nodes//n1', { metadata: { name: 'n1', uid: 'node-9' } });
  assert.deepEqual(await auth.authenticateToken(nodeToken), { ok: false, error: 'node UID (node-9) does not match service account node ref claim (node-1)' });

  const secretToken = issue({ bound: { secret: { name: 's', uid: 'sec-1' } } });
  store.set('secrets/default/s', { metadata: { name: 's', uid: 'sec-1' } });
  assert.equal((await auth.authenticateToken(secretToken)).ok, true);
  store.set('secrets/default/s', { metadata: { name: 's', uid: 'sec-2' } });
  assert.deepEqual(await auth.authenticateToken(secretToken), { ok: false, error: 'secret UID (sec-2) does not match service account secret ref claim (sec-1)' });
});

test('authenticate: foreign tokens are not ours (no error); bad signatures are errors', async () => {
  const { auth, issue } = setup();
  for (const t of ['abc', '{"iss":"x"}', 'a.b.c']) assert.deepEqual(await auth.authenticateToken(t), { ok: false }, t);
  const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
  const foreignIssuer = createToken(other, { serviceAccount: sa('robot', 'uid-1'), audiences: [DEFAULT_ISSUER], expirationSeconds: 600 }, { issuer: 'https://elsewhere', now: T0 }).token;
  assert.deepEqual(await auth.authenticateToken(foreignIssuer), { ok: false });
  const otherKey = createToken(other, { serviceAccount: sa('robot', 'uid-1'), audiences: [DEFAULT_ISSUER], expirationSeconds: 600 }, { now: T0 }).token;
  assert.deepEqual(await auth.authenticateToken(otherKey), { ok: false, error: 'invalid signature, no keys found' });
  const [h, , s] = issue().split('.');
  const forged = `${h}.${Buffer.from(JSON.stringify({ ...decode(issue(), 1), sub: 'x' })).toString('base64url')}.${s}`;
  assert.deepEqual(await auth.authenticateToken(forged), { ok: false, error: 'go-jose/go-jose: error in cryptographic primitive' });
});
