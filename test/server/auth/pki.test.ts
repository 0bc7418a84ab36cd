import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, sign, verify, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import { connect, createServer as createTlsServer } from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { createCa, ensureServerPki, issueCert, PKI_FILES } from '../../../src/server/auth/pki.ts';
import type { CertAndKey } from '../../../src/server/auth/pki.ts';
import { findKubectl, NO_KUBECTL } from '../../printers/kubectl-oracle.ts';

const DAY = 24 * 60 * 60 * 1000;

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-pki-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

test('createCa: self-signed CA certificate', () => {
  const ca = createCa('test-ca', 10);
  const cert = new X509Certificate(ca.certPem);
  assert.equal(cert.subject, 'CN=test-ca');
  assert.equal(cert.issuer, 'CN=test-ca');
  assert.equal(cert.ca, true);
  assert.ok(cert.verify(cert.publicKey));
  assert.ok(cert.checkIssued(cert));
  const from = Date.parse(cert.validFrom), to = Date.parse(cert.validTo);
  assert.ok(from <= Date.now() && Date.now() - from < 10 * 60 * 1000, cert.validFrom);
  assert.ok(Math.abs(to - (Date.now() + 10 * DAY)) < 60 * 1000, cert.validTo);
  assert.equal(cert.publicKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
});

test('issueCert: server certificate with DNS and IP SANs', () => {
  const ca = createCa('test-ca');
  const caCert = new X509Certificate(ca.certPem);
  const s = issueCert(ca, {
    commonName: 'kube-apiserver',
    dnsNames: ['localhost', 'kubernetes.default.svc'],
    ipAddresses: ['127.0.0.1', '10.96.0.1', '::1', '2001:db8::8:800:200c:417a', '::ffff:192.0.2.1'],
    usage: 'server',
    validDays: 30,
  });
  const cert = new X509Certificate(s.certPem);
  assert.equal(cert.subject, 'CN=kube-apiserver');
  assert.equal(cert.issuer, 'CN=test-ca');
  assert.equal(cert.ca, false);
  assert.ok(cert.checkIssued(caCert));
  assert.ok(cert.verify(caCert.publicKey));
  assert.ok(!cert.verify(new X509Certificate(createCa('other').certPem).publicKey));
  for (const ip of ['127.0.0.1', '10.96.0.1', '::1', '2001:db8::8:800:200c:417a', '::ffff:192.0.2.1']) assert.equal(cert.checkIP(ip), ip);
  assert.equal(cert.checkIP('127.0.0.2'), undefined);
  assert.equal(cert.checkHost('kubernetes.default.svc'), 'kubernetes.default.svc');
  assert.equal(cert.checkHost('example.com'), undefined);
  assert.deepEqual(cert.keyUsage, ['1.3.6.1.5.5.7.3.1']);
  assert.ok(cert.checkPrivateKey(createPrivateKey(s.keyPem)));
});

test('issueCert: client certificate carries CN and repeated O', () => {
  const ca = createCa('test-ca');
  const c = issueCert(ca, { commonName: 'jane', organizations: ['system:masters', 'dev team', 'ünïcode'], usage: 'client' });
  const cert = new X509Certificate(c.certPem);
  assert.equal(cert.subject, 'O=system:masters\nO=dev team\nO=ünïcode\nCN=jane');
  assert.deepEqual(cert.keyUsage, ['1.3.6.1.5.5.7.3.2']);
  assert.equal(cert.subjectAltName, undefined);
});

test('TLS handshake: the server reads the client certificate', async (t) => {
  const ca = createCa('test-ca');
  const server = issueCert(ca, { commonName: 'srv', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], usage: 'server' });
  const admin = issueCert(ca, { commonName: 'admin', organizations: ['system:masters', 'extra'], usage: 'client' });
  const seen = new Promise<{ authorized: boolean; subject: unknown }>((resolve) => {
    const srv = createTlsServer({ key: server.keyPem, cert: server.certPem, ca: ca.certPem, requestCert: true, rejectUnauthorized: true }, (sock) => {
      const peer = sock.getPeerCertificate();
      resolve({ authorized: sock.authorized, subject: { CN: peer.subject.CN, O: peer.subject.O } });
      sock.end('ok');
    });
    t.after(() => srv.close());
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      const client = connect({ port, host: '127.0.0.1', servername: 'localhost', ca: ca.certPem, cert: admin.certPem, key: admin.keyPem });
      client.on('data', () => client.end());
      client.on('error', (err) => assert.fail(err));
    });
  });
  assert.deepEqual(await seen, { authorized: true, subject: { CN: 'admin', O: ['system:masters', 'extra'] } });
});

test('ensureServerPki: creates, reuses and re-issues', async (t) => {
  const dir = join(tempDir(t), 'data');
  const first = await ensureServerPki(dir, { address: '192.0.2.10' });
  assert.equal(statSync(dir).mode & 0o777, 0o700);
  for (const file of Object.values(PKI_FILES)) assert.equal(statSync(join(dir, file)).mode & 0o777, 0o600, file);
  assert.equal(readFileSync(join(dir, 'ca.crt'), 'utf8'), first.ca.certPem);

  const caCert = new X509Certificate(first.ca.certPem);
  const serving = new X509Certificate(first.serving.certPem);
  assert.ok(serving.checkIssued(caCert) && serving.verify(caCert.publicKey));
  for (const ip of ['192.0.2.10', '127.0.0.1', '::1', '10.96.0.1']) assert.equal(serving.checkIP(ip), ip);
  for (const host of ['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local']) {
    assert.equal(serving.checkHost(host), host);
  }
  const admin = new X509Certificate(first.admin.certPem);
  assert.equal(admin.subject, 'O=system:masters\nCN=admin');
  assert.ok(admin.checkIssued(caCert));

  // Second start: everything reused.
  const second = await ensureServerPki(dir, { address: '192.0.2.10' });
  assert.deepEqual(second, first);

  // A new address: only the serving certificate changes.
  const third = await ensureServerPki(dir, { address: 'ktl.example.com' });
  assert.equal(third.ca.certPem, first.ca.certPem);
  assert.equal(third.admin.certPem, first.admin.certPem);
  assert.notEqual(third.serving.certPem, first.serving.certPem);
  assert.equal(new X509Certificate(third.serving.certPem).checkHost('ktl.example.com'), 'ktl.example.com');

  // A damaged serving certificate is replaced.
  writeFileSync(join(dir, 'apiserver.crt'), 'garbage');
  const fourth = await ensureServerPki(dir, { address: 'ktl.example.com' });
  assert.ok(new X509Certificate(fourth.serving.certPem).checkIssued(caCert));

  // A lost CA key means a new CA and new leaves.
  unlinkSync(join(dir, 'ca.key'));
  const fifth = await ensureServerPki(dir, { address: 'ktl.example.com' });
  assert.notEqual(fifth.ca.certPem, first.ca.certPem);
  const newCa = new X509Certificate(fifth.ca.certPem);
  assert.ok(new X509Certificate(fifth.admin.certPem).checkIssued(newCa));
  assert.ok(new X509Certificate(fifth.serving.certPem).checkIssued(newCa));
  assert.equal(fifth.serviceAccount.privateKeyPem, first.serviceAccount.privateKeyPem);
});

test('ensureServerPki: service-account key pair', async (t) => {
  const dir = tempDir(t);
  const { serviceAccount } = await ensureServerPki(dir, { address: '127.0.0.1' });
  const sig = sign('sha256', Buffer.from('payload'), createPrivateKey(serviceAccount.privateKeyPem));
  assert.ok(verify('sha256', Buffer.from('payload'), createPublicKey(serviceAccount.publicKeyPem), sig));
  assert.equal(readFileSync(join(dir, 'sa.pub'), 'utf8'), serviceAccount.publicKeyPem);
  unlinkSync(join(dir, 'sa.pub'));
  const again = await ensureServerPki(dir, { address: '127.0.0.1' });
  assert.equal(again.serviceAccount.publicKeyPem, serviceAccount.publicKeyPem);
});

test('openssl parses and verifies the certificates', (t) => {
  if (spawnSync('openssl', ['version']).error) return t.skip('openssl not found');
  const dir = tempDir(t);
  const ca = createCa('test-ca');
  const leaf = issueCert(ca, { commonName: 'srv', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1', '::1'], usage: 'server' });
  writeFileSync(join(dir, 'ca.crt'), ca.certPem);
  writeFileSync(join(dir, 'leaf.crt'), leaf.certPem);
  const text = spawnSync('openssl', ['x509', '-in', join(dir, 'leaf.crt'), '-noout', '-text'], { encoding: 'utf8' });
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /Version: 3 \(0x2\)/);
  assert.match(text.stdout, /Signature Algorithm: ecdsa-with-SHA256/);
  assert.match(text.stdout, /DNS:localhost, IP Address:127\.0\.0\.1, IP Address:0:0:0:0:0:0:0:1/);
  assert.match(text.stdout, /CA:FALSE/);
  assert.match(text.stdout, /TLS Web Server Authentication/);
  assert.match(text.stdout, /X509v3 Authority Key Identifier/);
  const verified = spawnSync('openssl', ['verify', '-x509_strict', '-CAfile', join(dir, 'ca.crt'), join(dir, 'leaf.crt')], { encoding: 'utf8' });
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
});

/** A tiny HTTPS API server that records who connected. */
async function fakeApiServer(t: TestContext, serving: CertAndKey, caPem: string, host = '127.0.0.1') {
  const peers: Array<{ authorized: boolean; CN: unknown; O: unknown }> = [];
  const version = { major: '1', minor: '32', gitVersion: 'v1.32.0-ktl', platform: 'linux/amd64' };
  const srv = createHttpsServer(
    { key: serving.keyPem, cert: serving.certPem, ca: caPem, requestCert: true, rejectUnauthorized: false },
    (req: IncomingMessage, res) => {
      const sock = req.socket as TLSSocket;
      const peer = sock.getPeerCertificate();
      peers.push({ authorized: sock.authorized, CN: peer.subject?.CN, O: peer.subject?.O });
      const path = new URL(req.url ?? '/', 'https://x').pathname;
      const body = path === '/version' ? version : path === '/api' ? { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] } : undefined;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body ?? { kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 404 }));
    },
  );
  await new Promise<void>((resolve, reject) => srv.once('error', reject).listen(0, host, resolve));
  t.after(() => srv.close());
  return { port: (srv.address() as AddressInfo).port, peers, version };
}

function kubeconfigFor(dir: string, server: string, caPem: string, client: CertAndKey): string {
  const file = join(dir, 'kubeconfig');
  writeFileSync(file, JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'ktl', cluster: { server, 'certificate-authority-data': b64(caPem) } }],
    users: [{ name: 'ktl', user: { 'client-certificate-data': b64(client.certPem), 'client-key-data': b64(client.keyPem) } }],
    contexts: [{ name: 'ktl', context: { cluster: 'ktl', user: 'ktl' } }],
    'current-context': 'ktl',
  }));
  return file;
}

function kubectl(bin: string, args: string[], home: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // Asynchronous: the server answering kubectl runs in this process.
    execFile(bin, args, { env: { PATH: process.env.PATH, HOME: home }, encoding: 'utf8' }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }));
  });
}

test('real kubectl trusts the serving certificate and presents the admin certificate', async (t) => {
  const bin = findKubectl();
  if (!bin) return t.skip(NO_KUBECTL);
  const dir = tempDir(t);
  const pki = await ensureServerPki(join(dir, 'data'), { address: '127.0.0.1' });
  const api = await fakeApiServer(t, pki.serving, pki.ca.certPem);

  for (const host of ['127.0.0.1', 'localhost']) {
    const config = kubeconfigFor(dir, `https://${host}:${api.port}`, pki.ca.certPem, pki.admin);
    const raw = await kubectl(bin, ['get', '--raw', '/version', '--kubeconfig', config], dir);
    assert.equal(raw.code, 0, raw.stderr);
    assert.deepEqual(JSON.parse(raw.stdout), api.version);
    const version = await kubectl(bin, ['version', '-o', 'json', '--kubeconfig', config], dir);
    assert.equal(version.code, 0, version.stderr);
    assert.equal(JSON.parse(version.stdout).serverVersion.gitVersion, 'v1.32.0-ktl');
  }
  assert.ok(api.peers.length >= 4);
  for (const peer of api.peers) assert.deepEqual(peer, { authorized: true, CN: 'admin', O: 'system:masters' });

  // The check is real: a name the certificate does not carry is refused by kubectl.
  const other = issueCert(pki.ca, { commonName: 'srv', dnsNames: ['elsewhere.example'], usage: 'server' });
  const wrong = await fakeApiServer(t, other, pki.ca.certPem);
  const refused = await kubectl(bin, ['get', '--raw', '/version', '--kubeconfig', kubeconfigFor(dir, `https://127.0.0.1:${wrong.port}`, pki.ca.certPem, pki.admin)], dir);
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /x509|certificate/);
});

test('real kubectl reaches a re-issued serving certificate at a new address', async (t) => {
  const bin = findKubectl();
  if (!bin) return t.skip(NO_KUBECTL);
  const dir = tempDir(t);
  const data = join(dir, 'data');
  await ensureServerPki(data, { address: '127.0.0.1' });
  // 127.0.0.2 is loopback on Linux but not among the default SANs: it forces a re-issue.
  const pki = await ensureServerPki(data, { address: '127.0.0.2' });
  let api;
  try {
    api = await fakeApiServer(t, pki.serving, pki.ca.certPem, '127.0.0.2');
  } catch {
    return t.skip('cannot listen on 127.0.0.2 here');
  }
  const config = kubeconfigFor(dir, `https://127.0.0.2:${api.port}`, pki.ca.certPem, pki.admin);
  const r = await kubectl(bin, ['get', '--raw', '/api', '--kubeconfig', config], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).kind, 'APIVersions');
});
