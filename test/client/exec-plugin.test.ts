// Exec credential plugins: scripts written by the tests, run through the authenticator and through
// a whole client against a throwaway https server.
import assert from 'node:assert/strict';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ExecAuthenticator } from '../../src/client/exec-plugin.ts';
import { createClient } from '../../src/client/index.ts';
import type { ExecConfig } from '../../src/kubeconfig/index.ts';
import { httpServer, httpsServer, kubeconfig, makePki, scratch, testCtx, write } from './helpers.ts';

const V1 = 'client.authentication.k8s.io/v1';

/** A plugin that appends a line per run to `runs` and prints the given ExecCredential status. */
function plugin(dir: string, status: object, apiVersion = V1): string {
  const path = join(dir, `plugin-${Math.random().toString(36).slice(2)}.sh`);
  write(dir, path.slice(dir.length + 1), `#!/bin/sh
echo "run $*" >> "${dir}/runs"
printf '%s' "$KUBERNETES_EXEC_INFO" > "${dir}/info"
echo "FOO=$FOO" >> "${dir}/runs"
echo '${JSON.stringify({ apiVersion, kind: 'ExecCredential', status })}'
`);
  chmodSync(path, 0o755);
  return path;
}

function authenticator(dir: string, config: Partial<ExecConfig>, opts: { now?: () => Date; tty?: boolean; cluster?: boolean } = {}) {
  let stderr = '';
  const a = new ExecAuthenticator(
    { apiVersion: V1, command: 'x', interactiveMode: 'Never', ...config } as ExecConfig,
    opts.cluster ? { server: 'https://h:1', 'certificate-authority-data': 'Q0E=', config: { b: 1, a: { d: 2, c: 3 } } } : undefined,
    { stdinIsTerminal: opts.tty ?? false, stderr: { write: (s: string) => (stderr += s) }, env: { PATH: process.env.PATH } },
    opts.now,
  );
  return { a, stderr: () => stderr };
}

const runs = (dir: string) => {
  try {
    return readFileSync(join(dir, 'runs'), 'utf8').split('\n').filter((l) => l.startsWith('run')).length;
  } catch {
    return 0;
  }
};

test('v1: args, env and KUBERNETES_EXEC_INFO with cluster info in Go order', async (t) => {
  const dir = scratch(t);
  const { a } = authenticator(dir, { command: plugin(dir, { token: 'tok' }), args: ['a', 'b'], env: [{ name: 'FOO', value: 'bar' }], provideClusterInfo: true }, { cluster: true });
  assert.deepEqual(await a.credentials(), { token: 'tok' });
  assert.match(readFileSync(join(dir, 'runs'), 'utf8'), /^run a b\nFOO=bar\n$/);
  assert.equal(
    readFileSync(join(dir, 'info'), 'utf8'),
    '{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","spec":{"cluster":{"server":"https://h:1","certificate-authority-data":"Q0E=","config":{"a":{"c":3,"d":2},"b":1}},"interactive":false}}\n',
  );
});

test('v1beta1 without provideClusterInfo: no cluster', async (t) => {
  const dir = scratch(t);
  const { a } = authenticator(dir, { apiVersion: 'client.authentication.k8s.io/v1beta1', command: plugin(dir, { token: 'b' }, 'client.authentication.k8s.io/v1beta1'), interactiveMode: 'IfAvailable' }, { cluster: true });
  assert.deepEqual(await a.credentials(), { token: 'b' });
  assert.equal(readFileSync(join(dir, 'info'), 'utf8'), '{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1beta1","spec":{"interactive":false}}\n');
});

test('credentials are kept until they expire; a 401 runs the plugin again', async (t) => {
  const dir = scratch(t);
  let now = new Date('2030-01-01T00:00:00Z');
  const { a } = authenticator(dir, { command: plugin(dir, { token: 'tok', expirationTimestamp: '2030-01-01T00:10:00Z' }) }, { now: () => now });
  const first = await a.credentials();
  await a.credentials();
  assert.equal(runs(dir), 1, 'cached');
  now = new Date('2030-01-01T00:11:00Z');
  await a.credentials();
  assert.equal(runs(dir), 2, 'expired');
  now = new Date('2030-01-01T00:05:00Z');
  assert.equal(await a.unauthorized(first), undefined, 'old credentials: nothing to do');
  assert.equal(runs(dir), 2);
  assert.equal(await a.unauthorized(await a.credentials()), undefined);
  assert.equal(runs(dir), 3, 'refreshed after 401');
});

test('interactive modes', async (t) => {
  const dir = scratch(t);
  const always = authenticator(dir, { command: plugin(dir, { token: 't' }), interactiveMode: 'Always' });
  await assert.rejects(always.a.credentials(), { message: 'exec plugin cannot support interactive mode: standard input is not a terminal' });
  const tty = authenticator(dir, { command: plugin(dir, { token: 't' }), interactiveMode: 'Always' }, { tty: true });
  tty.a.stdinUnavailable = true;
  await assert.rejects(tty.a.credentials(), { message: 'exec plugin cannot support interactive mode: standard input is unavailable: used by stdin resource manifest reader' });
  const ifAvailable = authenticator(dir, { command: plugin(dir, { token: 't' }), interactiveMode: 'IfAvailable' }, { tty: true });
  ifAvailable.a.stdinUnavailable = true;
  await ifAvailable.a.credentials();
  assert.match(readFileSync(join(dir, 'info'), 'utf8'), /"interactive":false/);
});

test('a missing binary explains itself at most ten times', async (t) => {
  const dir = scratch(t);
  const { a } = authenticator(dir, { command: 'ktl-no-such-plugin', installHint: 'brew install it' });
  const first = await a.credentials().catch((e: Error) => e.message);
  assert.match(first as string, /^exec: executable ktl-no-such-plugin not found\n\nIt looks like you are trying to use a client-go credential plugin that is not installed\.\n/);
  assert.match(first as string, /\n\nbrew install it$/);
  for (let i = 0; i < 9; i++) await a.credentials().catch(() => {});
  assert.equal(await a.credentials().catch((e: Error) => e.message), 'exec: executable ktl-no-such-plugin not found');
});

test('bad plugin answers', async (t) => {
  const dir = scratch(t);
  const sh = (script: string) => authenticator(dir, { command: 'sh', args: ['-c', script] }).a.credentials();
  await assert.rejects(sh('exit 4'), { message: 'exec: executable sh failed with exit code 4' });
  await assert.rejects(sh('echo 42'), /^Error: decoding stdout: couldn't get version\/kind; json parse error: json: cannot unmarshal number into Go value/);
  await assert.rejects(sh(`echo '{"apiVersion":"${V1}","kind":"ExecCredential"}'`), { message: "exec plugin didn't return a status field" });
  await assert.rejects(sh(`echo '{"apiVersion":"${V1}","kind":"ExecCredential","status":{"clientCertificateData":"x"}}'`), { message: 'exec plugin returned only certificate or key, not both' });
  await assert.rejects(sh(`echo '{"apiVersion":"${V1}","kind":"ExecCredential","status":{"clientCertificateData":"x","clientKeyData":"y"}}'`), /^Error: failed parsing client key\/certificate: /);
  await assert.rejects(sh('echo {}'), { message: `exec plugin is configured to use API version ${V1}, plugin returned version client.authentication.k8s.io/__internal` });
  assert.throws(() => authenticator(dir, { apiVersion: 'v9' }), { message: 'exec plugin: invalid apiVersion "v9"' });
});

test('a plugin that returns a client certificate: used for TLS; its stderr passes through', async (t) => {
  const dir = scratch(t);
  const pki = makePki(dir);
  const srv = await httpsServer(t, pki, (req, res) => {
    const cn = (req.socket as import('node:tls').TLSSocket).getPeerCertificate()?.subject?.CN ?? null;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ cn, auth: req.headers.authorization ?? null }));
  });
  const script = `#!/bin/sh
echo hello from the plugin >&2
cat <<'EOF'
${JSON.stringify({ apiVersion: V1, kind: 'ExecCredential', status: { clientCertificateData: pki.clientCert, clientKeyData: pki.clientKey } })}
EOF
`;
  write(dir, 'certplugin.sh', script);
  chmodSync(join(dir, 'certplugin.sh'), 0o755);
  write(dir, 'config', kubeconfig({ server: srv.url, 'certificate-authority': 'ca.crt' }, { exec: { apiVersion: V1, command: './certplugin.sh', interactiveMode: 'Never' } }));
  const ctx = testCtx(['--kubeconfig', join(dir, 'config')], { cwd: dir, home: dir });
  const client = await createClient(ctx, { namespaceFirst: false });
  assert.deepEqual(await client.get('/version'), { cn: 'alice', auth: null });
  assert.equal(ctx.err(), 'hello from the plugin\n');
  client.close();
});

test('oidc: a valid id-token is sent; an expired one is refreshed and written back to the kubeconfig', async (t) => {
  const dir = scratch(t);
  const pki = makePki(dir);
  const jwt = (exp: number, tag: string) => `e30.${Buffer.from(JSON.stringify({ exp, tag })).toString('base64url')}.sig`;
  const fresh = jwt(4102444800, 'new');
  const tokenRequests: { auth?: string; body: string }[] = [];
  const issuer = await httpServer(t, (req, res, body) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    if (req.url === '/.well-known/openid-configuration') return void res.end(JSON.stringify({ token_endpoint: `http://127.0.0.1:${issuerPort()}/token` }));
    tokenRequests.push({ auth: req.headers.authorization, body });
    res.end(JSON.stringify({ id_token: fresh, refresh_token: 'r2', access_token: 'a' }));
  });
  const issuerPort = () => issuer.port;
  const api = await httpsServer(t, pki, (req, res) => res.end(JSON.stringify({ auth: req.headers.authorization })));
  const config = (idToken: string) =>
    kubeconfig({ server: api.url, 'certificate-authority': 'ca.crt' }, {
      'auth-provider': { name: 'oidc', config: { 'idp-issuer-url': issuer.url, 'client-id': 'cli', 'client-secret': 's3', 'refresh-token': 'r1', 'id-token': idToken } },
    });
  write(dir, 'valid', config(jwt(4102444800, 'old')));
  const valid = await createClient(testCtx(['--kubeconfig', join(dir, 'valid')], { cwd: dir }), { namespaceFirst: false });
  assert.deepEqual(await valid.get('/'), { auth: `Bearer ${jwt(4102444800, 'old')}` });
  assert.equal(tokenRequests.length, 0);
  valid.close();
  write(dir, 'expired', config(jwt(1000, 'old')));
  const expired = await createClient(testCtx(['--kubeconfig', join(dir, 'expired')], { cwd: dir }), { namespaceFirst: false });
  assert.deepEqual(await expired.get('/'), { auth: `Bearer ${fresh}` });
  assert.deepEqual(tokenRequests, [{ auth: `Basic ${Buffer.from('cli:s3').toString('base64')}`, body: 'grant_type=refresh_token&refresh_token=r1' }]);
  const saved = readFileSync(join(dir, 'expired'), 'utf8');
  assert.match(saved, new RegExp(`id-token: ${fresh.replace(/\./g, '\\.')}`));
  assert.match(saved, /refresh-token: r2/);
  expired.close();
});
