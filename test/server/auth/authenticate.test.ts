// The authenticator chain over real TLS connections: a small HTTPS server with the cluster PKI whose
// only handler is createAuthenticator(...).authenticate (router wiring is not needed here).
import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type RequestOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import type { KubeObject } from '../../../src/api/object.ts';
import { bearerToken, createAuthenticator, websocketToken } from '../../../src/server/auth/authenticate.ts';
import { createCa, ensureServerPki, issueCert, type ServerPki } from '../../../src/server/auth/pki.ts';
import { createServiceAccountTokenAuthenticator, createToken, DEFAULT_ISSUER } from '../../../src/server/auth/service-account-token.ts';
import { createStaticTokenAuthenticator } from '../../../src/server/auth/static-tokens.ts';
import { isApiError } from '../../../src/server/status.ts';

test('bearerToken: scheme is case-insensitive, an empty token is no token', () => {
  assert.equal(bearerToken('Bearer abc'), 'abc');
  assert.equal(bearerToken('  bearer abc  '), 'abc');
  assert.equal(bearerToken('Bearer abc def'), 'abc');
  assert.equal(bearerToken('Basic abc'), undefined);
  assert.equal(bearerToken('Bearer'), undefined);
  assert.equal(bearerToken('Bearer  abc'), undefined);
  assert.equal(bearerToken(undefined), undefined);
});

test('websocketToken reads the bearer subprotocol', () => {
  const p = `base64url.bearer.authorization.k8s.io.${Buffer.from('tok').toString('base64url')}`;
  assert.equal(websocketToken(`v5.channel.k8s.io, ${p}`), 'tok');
  assert.equal(websocketToken('v5.channel.k8s.io'), undefined);
});

const SA: KubeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot', namespace: 'ns1', uid: 'sa-uid' } };

async function harness(t: TestContext) {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-authn-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const pki: ServerPki = await ensureServerPki(dir, { address: '127.0.0.1' });
  const objects = { get: async (_g: string, r: string, ns: string, n: string) => (r === 'serviceaccounts' && ns === 'ns1' && n === 'robot' ? SA : undefined) };
  const authenticator = createAuthenticator({
    tokens: [
      createStaticTokenAuthenticator(new Map([['static-token', { name: 'alice', uid: '42', groups: ['dev'] }]]), [DEFAULT_ISSUER]),
      createServiceAccountTokenAuthenticator({ keys: [pki.serviceAccount.publicKeyPem], objects }),
    ],
  });
  const server = createServer({ key: pki.serving.keyPem, cert: pki.serving.certPem, ca: pki.ca.certPem, requestCert: true, rejectUnauthorized: false }, (req, res) => {
    authenticator.authenticate(req).then(
      (user) => res.end(JSON.stringify(user)),
      (err: unknown) => {
        res.statusCode = isApiError(err) ? err.code : 500;
        res.end(JSON.stringify(isApiError(err) ? err.status : String(err)));
      },
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => new Promise<void>((r) => server.close(() => r())));
  const port = (server.address() as AddressInfo).port;
  const get = (opts: RequestOptions = {}) =>
    new Promise<{ status: number; body: any }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/', ca: pki.ca.certPem, agent: false, ...opts }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      req.end();
    });
  const saToken = (audiences = [DEFAULT_ISSUER]) => createToken(pki.serviceAccount.privateKeyPem, { serviceAccount: SA, audiences, expirationSeconds: 600 }, { jti: 'j1' }).token;
  return { pki, get, saToken };
}

test('client certificate: CN user, O groups, system:authenticated, X509SHA256 credential id', async (t) => {
  const { pki, get, saToken } = await harness(t);
  const fingerprint = createHash('sha256').update(new X509Certificate(pki.admin.certPem).raw).digest('hex');
  const expected = {
    name: 'admin',
    groups: ['system:masters', 'system:authenticated'],
    extra: { 'authentication.kubernetes.io/credential-id': [`X509SHA256=${fingerprint}`] },
  };
  assert.deepEqual(await get({ cert: pki.admin.certPem, key: pki.admin.keyPem }), { status: 200, body: expected });
  // The certificate wins over a bad token, as in upstream's union of authenticators.
  const both = await get({ cert: pki.admin.certPem, key: pki.admin.keyPem, headers: { Authorization: 'Bearer junk' } });
  assert.deepEqual(both, { status: 200, body: expected });
  const sa = await get({ cert: pki.admin.certPem, key: pki.admin.keyPem, headers: { Authorization: `Bearer ${saToken()}` } });
  assert.equal(sa.body.name, 'admin');
});

test('bearer tokens: service-account JWTs and static tokens', async (t) => {
  const { get, saToken } = await harness(t);
  assert.deepEqual(await get({ headers: { Authorization: `Bearer ${saToken()}` } }), {
    status: 200,
    body: {
      name: 'system:serviceaccount:ns1:robot',
      uid: 'sa-uid',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:ns1', 'system:authenticated'],
      extra: { 'authentication.kubernetes.io/credential-id': ['JTI=j1'] },
    },
  });
  assert.deepEqual(await get({ headers: { Authorization: 'Bearer static-token' } }), {
    status: 200,
    body: { name: 'alice', uid: '42', groups: ['dev', 'system:authenticated'] },
  });
});

test('failed credentials are 401 Unauthorized, never anonymous; no credentials is anonymous', async (t) => {
  const { get, saToken } = await harness(t);
  const unauthorized = { status: 401, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 } };
  assert.deepEqual(await get({ headers: { Authorization: 'Bearer junk' } }), unauthorized);
  assert.deepEqual(await get({ headers: { Authorization: `Bearer ${saToken(['elsewhere'])}` } }), unauthorized, 'wrong audience');
  const stranger = createCa('stranger', 1);
  const cert = issueCert(stranger, { commonName: 'mallory', organizations: ['system:masters'], usage: 'client', validDays: 1 });
  assert.deepEqual(await get({ cert: cert.certPem, key: cert.keyPem }), unauthorized, 'certificate from another CA');
  assert.deepEqual(await get(), { status: 200, body: { name: 'system:anonymous', groups: ['system:unauthenticated'] } });
  assert.deepEqual((await get({ headers: { Authorization: 'Basic YTpi' } })).body.name, 'system:anonymous', 'other schemes are ignored');
});

test('reviewToken: the TokenReview view of a token', async (t) => {
  const { saToken } = await harness(t);
  const authenticator = createAuthenticator({ tokens: [createServiceAccountTokenAuthenticator({ keys: [], objects: { get: async () => undefined } })] });
  assert.deepEqual(await authenticator.reviewToken('junk'), { authenticated: false, error: 'invalid bearer token' });
  assert.deepEqual(await authenticator.reviewToken(saToken()), { authenticated: false, error: '[invalid bearer token, invalid signature, no keys found]' });
});
