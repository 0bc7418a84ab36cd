// Requests on the wire: kubectl's headers, credentials, gzip, query encoding, warnings, timeouts,
// TLS verification and proxies — against throwaway servers and proxies.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { test } from 'node:test';
import { createClient } from '../../src/client/index.ts';
import { useProxy } from '../../src/client/proxy.ts';
import { connectProxy, httpServer, httpsServer, kubeconfig, makePki, scratch, socksProxy, testCtx, write, type Pki } from './helpers.ts';
import type { Cleanup } from '../helpers/server.ts';

const echo = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, body: string) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ url: req.url, body }));
};

async function tlsSetup(t: Cleanup): Promise<{ dir: string; pki: Pki }> {
  const dir = scratch(t);
  return { dir, pki: makePki(dir) };
}

test('kubectl headers: User-Agent, Kubectl-Command, Kubectl-Session, Accept, gzip; no credentials over http', async (t) => {
  const srv = await httpServer(t, echo);
  const ctx = testCtx(['-s', srv.url, '--token', 'secret', '--as', 'bob', '--as-group', 'a', '--as-group', 'b'], { commandPath: ['rollout', 'status'] });
  const client = await createClient(ctx);
  await client.get('/api/v1/pods', { query: { limit: 500, labelSelector: 'app in (a,b)', fieldSelector: undefined } });
  await client.request('GET', '/x');
  const [first, second] = srv.requests;
  assert.equal(first!.url, '/api/v1/pods?labelSelector=app+in+%28a%2Cb%29&limit=500');
  assert.match(first!.headers['user-agent']!, /^kubectl\/v\d+\.\d+\.\d+ \((linux|darwin|windows)\/\w+\) ktl\/unknown$/);
  assert.equal(first!.headers['kubectl-command'], 'kubectl rollout status');
  assert.match(first!.headers['kubectl-session'] as string, /^[0-9a-f-]{36}$/);
  assert.equal(first!.headers['kubectl-session'], second!.headers['kubectl-session'], 'one session per client');
  assert.equal(first!.headers.accept, 'application/json');
  assert.equal(second!.headers.accept, 'application/json, */*');
  assert.equal(first!.headers['accept-encoding'], 'gzip');
  assert.equal(first!.headers.authorization, undefined);
  assert.equal(first!.headers['impersonate-user'], 'bob');
  assert.equal(first!.headers['impersonate-group'], 'a, b');
  client.close();
});

test('--disable-compression, bodies, gzip answers and --request-timeout in the query', async (t) => {
  const srv = await httpServer(t, (req, res, body) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    res.end(gzipSync(JSON.stringify({ url: req.url, body, type: req.headers['content-type'] ?? null })));
  });
  const client = await createClient(testCtx(['-s', srv.url, '--disable-compression', '--request-timeout', '90']));
  const res = await client.request('POST', '/api/v1/namespaces', { body: { kind: 'Namespace' } });
  assert.deepEqual(res.json(), { url: '/api/v1/namespaces?timeout=1m30s', body: '{"kind":"Namespace"}', type: 'application/json' });
  assert.equal(srv.requests[0]!.headers['accept-encoding'], undefined);
  const patch = await client.request('PATCH', '/x', { body: '{"a":1}', contentType: 'application/merge-patch+json', timeoutMs: 0 });
  assert.deepEqual(patch.json(), { url: '/x', body: '{"a":1}', type: 'application/merge-patch+json' });
  client.close();
});

test('server warnings are printed once and counted', async (t) => {
  const srv = await httpServer(t, (_req, res) => {
    res.setHeader('Warning', ['299 - "deprecated thing"', '299 - "deprecated thing"']);
    echo(_req, res, '');
  });
  const ctx = testCtx(['-s', srv.url]);
  const client = await createClient(ctx);
  await client.get('/a');
  await client.get('/b');
  assert.equal(ctx.err(), 'Warning: deprecated thing\n');
  assert.equal(client.warningCount(), 1);
});

test('https: token, basic auth, client certificates; the CA is checked', async (t) => {
  const { dir, pki } = await tlsSetup(t);
  const srv = await httpsServer(t, pki, (req, res) => {
    const cn = (req.socket as import('node:tls').TLSSocket).getPeerCertificate()?.subject?.CN ?? null;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ auth: req.headers.authorization ?? null, cn }));
  });
  const base = ['-s', srv.url, '--certificate-authority', 'ca.crt'];
  const call = async (args: string[]) => {
    const client = await createClient(testCtx([...base, ...args], { cwd: dir }), { namespaceFirst: false });
    try {
      return await client.get<Record<string, unknown>>('/version');
    } finally {
      client.close();
    }
  };
  assert.deepEqual(await call(['--token', 't']), { auth: 'Bearer t', cn: null });
  assert.deepEqual(await call(['--username', 'u', '--password', 'p']), { auth: `Basic ${Buffer.from('u:p').toString('base64')}`, cn: null });
  assert.deepEqual(await call(['--client-certificate', 'client.crt', '--client-key', 'client.key']), { auth: null, cn: 'alice' });
  await assert.rejects(call(['--token', 't', '--certificate-authority', 'other.crt']), (e: Error & { kubectlMessage(): string }) =>
    e.kubectlMessage() === 'Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority');
  await assert.rejects(call(['--token', 't', '--client-certificate', 'client.crt', '--client-key', 'server.key']), { message: 'tls: private key does not match public key' });
  assert.deepEqual(await call(['--token', 't', '--insecure-skip-tls-verify', '--certificate-authority', '']), { auth: 'Bearer t', cn: null });
});

test('a token file is re-read, trimmed', async (t) => {
  const { dir, pki } = await tlsSetup(t);
  const srv = await httpsServer(t, pki, (req, res) => res.end(JSON.stringify({ auth: req.headers.authorization })));
  write(dir, 'token', 'one\n');
  write(dir, 'config', kubeconfig({ server: srv.url, 'certificate-authority': 'ca.crt' }, { tokenFile: 'token' }));
  const client = await createClient(testCtx(['--kubeconfig', join(dir, 'config')], { cwd: dir }), { namespaceFirst: false });
  assert.deepEqual(await client.get('/'), { auth: 'Bearer one' });
  write(dir, 'token', 'two');
  assert.deepEqual(await client.get('/'), { auth: 'Bearer one' }, 'read at most once a minute');
  client.close();
  const fresh = await createClient(testCtx(['--kubeconfig', join(dir, 'config')], { cwd: dir }), { namespaceFirst: false });
  assert.deepEqual(await fresh.get('/'), { auth: 'Bearer two' });
  fresh.close();
});

test('proxy-url: CONNECT tunnel with credentials; http servers through the proxy in absolute form', async (t) => {
  const { dir, pki } = await tlsSetup(t);
  const tls = await httpsServer(t, pki, echo);
  const plain = await httpServer(t, echo);
  const proxy = await connectProxy(t, { 'kube.test': '127.0.0.1' });
  const proxyWithAuth = proxy.url.replace('http://', 'http://user:p%40ss@');
  write(dir, 'tls', kubeconfig({ server: tls.url.replace('127.0.0.1', 'kube.test'), 'certificate-authority': 'ca.crt', 'tls-server-name': 'localhost', 'proxy-url': proxyWithAuth }, { token: 't' }));
  write(dir, 'plain', kubeconfig({ server: plain.url.replace('127.0.0.1', 'kube.test'), 'proxy-url': proxy.url }, {}));
  const tlsClient = await createClient(testCtx(['--kubeconfig', join(dir, 'tls')], { cwd: dir }));
  assert.deepEqual(await tlsClient.get('/x'), { url: '/x', body: '' });
  assert.equal(proxy.seen[0], `CONNECT kube.test:${tls.port}`);
  assert.equal(proxy.auth[0], `Basic ${Buffer.from('user:p@ss').toString('base64')}`);
  tlsClient.close();
  const plainClient = await createClient(testCtx(['--kubeconfig', join(dir, 'plain')], { cwd: dir }));
  assert.deepEqual(await plainClient.get('/y?a=1'), { url: '/y?a=1', body: '' });
  assert.equal(proxy.seen[1], `GET http://kube.test:${plain.port}/y?a=1`);
  plainClient.close();
});

test('HTTPS_PROXY and NO_PROXY; loopback never goes through the proxy', async (t) => {
  const { dir, pki } = await tlsSetup(t);
  const tls = await httpsServer(t, pki, echo);
  const proxy = await connectProxy(t, { 'kube.test': '127.0.0.1' });
  write(dir, 'config', kubeconfig({ server: tls.url.replace('127.0.0.1', 'kube.test'), 'certificate-authority': 'ca.crt', 'tls-server-name': 'localhost' }, { token: 't' }));
  const call = async (env: NodeJS.ProcessEnv, server?: string) => {
    const client = await createClient(testCtx(['--kubeconfig', join(dir, 'config'), ...(server ? ['-s', server, '--tls-server-name', 'localhost'] : [])], { cwd: dir, env }));
    try {
      return await client.get('/v');
    } finally {
      client.close();
    }
  };
  await call({ https_proxy: proxy.url.replace('http://', '') });
  assert.deepEqual(proxy.seen, [`CONNECT kube.test:${tls.port}`], 'lower-case variable, scheme-less value');
  await assert.rejects(call({ HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com,.test' }), /lookup kube\.test/);
  await call({ HTTPS_PROXY: 'http://127.0.0.1:1' }, tls.url);
  assert.equal(proxy.seen.length, 1);
});

test('NO_PROXY matching follows Go httpproxy', () => {
  assert.equal(useProxy('api.example.com', '443', ''), true);
  assert.equal(useProxy('localhost', '443', ''), false);
  assert.equal(useProxy('127.0.0.2', '443', ''), false);
  assert.equal(useProxy('::1', '443', ''), false);
  assert.equal(useProxy('api.example.com', '443', '*'), false);
  assert.equal(useProxy('api.example.com', '443', 'example.com'), false);
  assert.equal(useProxy('example.com', '443', 'example.com'), false);
  assert.equal(useProxy('example.com', '443', '.example.com'), true);
  assert.equal(useProxy('api.example.com', '443', '*.example.com'), false);
  assert.equal(useProxy('api.example.com', '443', 'example.com:6443'), true);
  assert.equal(useProxy('api.example.com', '6443', 'example.com:6443'), false);
  assert.equal(useProxy('10.1.2.3', '443', '10.0.0.0/8'), false);
  assert.equal(useProxy('11.1.2.3', '443', '10.0.0.0/8'), true);
  assert.equal(useProxy('10.1.2.3', '443', '10.1.2.3'), false);
  assert.equal(useProxy('notexample.com', '443', 'example.com'), true);
});

test('socks5 proxy-url, with and without credentials', async (t) => {
  const { dir, pki } = await tlsSetup(t);
  const tls = await httpsServer(t, pki, echo);
  const open = await socksProxy(t, { 'kube.test': '127.0.0.1' });
  const locked = await socksProxy(t, { 'kube.test': '127.0.0.1' }, { user: 'u', pass: 'p' });
  const run = async (proxyUrl: string) => {
    write(dir, 'config', kubeconfig({ server: tls.url.replace('127.0.0.1', 'kube.test'), 'certificate-authority': 'ca.crt', 'tls-server-name': 'localhost', 'proxy-url': proxyUrl }, { token: 't' }));
    const client = await createClient(testCtx(['--kubeconfig', join(dir, 'config')], { cwd: dir }));
    try {
      return await client.get('/s');
    } finally {
      client.close();
    }
  };
  assert.deepEqual(await run(open.url), { url: '/s', body: '' });
  assert.deepEqual(open.seen, [`kube.test:${tls.port}`]);
  assert.deepEqual(await run(locked.url.replace('socks5://', 'socks5://u:p@')), { url: '/s', body: '' });
  assert.deepEqual(locked.auth, ['u:p']);
  await assert.rejects(run(locked.url.replace('socks5://', 'socks5://u:wrong@')), /username\/password authentication failed/);
});

test('connection options for upgraded connections carry credentials and TLS settings', async (t) => {
  const { dir, pki } = await tlsSetup(t);
  const client = await createClient(testCtx(['-s', 'https://127.0.0.1:6443', '--certificate-authority', 'ca.crt', '--token', 'x', '--tls-server-name', 'api.local'], { cwd: dir }));
  const o = await client.connectionOptions('/api/v1/namespaces/d/pods/p/exec', { command: ['sh', '-c'], stdout: true });
  assert.equal(o.url, 'https://127.0.0.1:6443/api/v1/namespaces/d/pods/p/exec?command=sh&command=-c&stdout=true');
  assert.equal((o.headers as Record<string, string>).Authorization, 'Bearer x');
  assert.equal(o.tls.ca?.toString(), pki.caCert);
  assert.equal(o.tls.servername, 'api.local');
  assert.equal(o.tls.rejectUnauthorized, true);
  client.close();
});
