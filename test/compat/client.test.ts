// Differential cases for connection, configuration, authentication and discovery behaviour: real
// kubectl 1.32 and ktl's client against the same throwaway servers and kubeconfigs, comparing
// stdout, stderr and exit code, with ktl run as a process (installed under the name `kubectl`) doing
// `get --raw PATH` and `get TYPE`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { KUBECTL, SKIP } from './harness.ts';
import { connectProxy, httpServer, httpsServer, kubeconfig, legacyApiServer, makePki, socksProxy, write, type Pki } from '../client/helpers.ts';
import { KTL_BIN, ensureBuilt } from '../helpers/ktl-process.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { tmpdir } from 'node:os';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** klog lines carry a time and a process id. */
const normalize = (s: string) => s.replace(/^([EWI])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, '$1<time> <pid> ');

function kubectl(args: string[], cwd: string, env: NodeJS.ProcessEnv, input = ''): Promise<Result> {
  return runProcess(KUBECTL!, args, cwd, env, input);
}

/** ktl through a link named `kubectl`, so that its messages name the same program. */
let ktlShim = '';
function ktl(args: string[], cwd: string, env: NodeJS.ProcessEnv, input = ''): Promise<Result> {
  return runProcess(process.execPath, [ktlShim, ...args], cwd, env, input);
}

function runProcess(bin: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, input: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd, env: { PATH: process.env.PATH, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('client behaviour matches kubectl 1.32', { skip: SKIP }, () => {
  const cleanups: (() => unknown)[] = [];
  const t = { after: (fn: () => unknown) => cleanups.push(fn) };
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });
  let dir = '';
  let home = '';
  let pki: Pki;
  let tlsUrl = '';
  let oddUrl = '';
  let oddPort = 0;
  let hangPort = 0;
  let closePort = 0;
  let garbagePort = 0;
  let srv: TestServer;
  let proxyUrl = '';
  let denyProxyUrl = '';
  let socksUrl = '';

  function tcp(handler: (s: import('node:net').Socket) => void): Promise<number> {
    const server: NetServer = createNetServer(handler);
    const sockets = new Set<import('node:net').Socket>();
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    cleanups.push(() => new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }));
    return new Promise((r) => server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port)));
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ktl-compat-client-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    ensureBuilt();
    mkdirSync(join(dir, 'bin'));
    ktlShim = join(dir, 'bin', 'kubectl');
    symlinkSync(KTL_BIN, ktlShim);
    home = join(dir, 'home');
    mkdirSync(home);
    pki = makePki(dir);
    const tls = await httpsServer(t, pki, (req, res) => {
      if (req.headers.authorization === 'Bearer bad') {
        res.writeHead(401, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 }));
        return;
      }
      const cert = (req.socket as import('node:tls').TLSSocket).getPeerCertificate();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({
        path: req.url, auth: req.headers.authorization ?? null, cn: cert?.subject?.CN ?? null,
        as: [req.headers['impersonate-user'] ?? null, req.headers['impersonate-group'] ?? null, req.headers['impersonate-uid'] ?? null],
      }));
    });
    tlsUrl = tls.url;
    const odd = await httpServer(t, (req, res) => {
      const u = new URL(req.url!, 'http://x');
      const ct = u.searchParams.get('ct');
      if (u.pathname === '/warn') res.setHeader('Warning', ['299 - "first warning"', '299 - "first warning"', '299 - "second \\"quoted\\""', '199 - "not299"', 'garbage']);
      if (ct) res.setHeader('Content-Type', ct);
      res.statusCode = Number(u.searchParams.get('code') || 200);
      res.end(u.searchParams.get('body') ?? JSON.stringify({ path: u.pathname, auth: req.headers.authorization ?? null }));
    });
    oddUrl = odd.url;
    oddPort = odd.port;
    hangPort = await tcp(() => {});
    closePort = await tcp((s) => s.once('data', () => s.destroy()));
    garbagePort = await tcp((s) => s.once('data', () => s.end('garbage\r\n\r\n')));
    proxyUrl = (await connectProxy(t, { 'kubernetes.test': '127.0.0.1' })).url;
    denyProxyUrl = (await connectProxy(t, {}, true)).url;
    socksUrl = (await socksProxy(t, { 'kubernetes.test': '127.0.0.1' })).url;
    srv = await startServer(t);

    write(dir, 'token.txt', '  file-token \n');
    write(dir, 'plugin.sh', '#!/bin/sh\necho "plugin: $KUBERNETES_EXEC_INFO FOO=$FOO args=$*" >&2\necho \'{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"from-plugin"}}\'\n');
    chmodSync(join(dir, 'plugin.sh'), 0o755);
    write(dir, 'noexec.sh', '#!/bin/sh\n');
    const tlsCluster = { server: tlsUrl, 'certificate-authority': 'ca.crt' };
    write(dir, 'dead.kc', kubeconfig({ server: 'https://127.0.0.1:1' }, { token: 'abc' }));
    write(dir, 'broken.kc', 'apiVersion: v1\nkind: Config\nclusters: 5\n');
    write(dir, 'token.kc', kubeconfig(tlsCluster, { token: 'abc' }));
    write(dir, 'tokenfile.kc', kubeconfig(tlsCluster, { tokenFile: 'token.txt' }));
    write(dir, 'badtokenfile.kc', kubeconfig(tlsCluster, { tokenFile: 'missing.txt' }));
    write(dir, 'nouser.kc', kubeconfig({ server: tlsUrl, 'insecure-skip-tls-verify': true }, {}));
    write(dir, 'insecure-ca.kc', kubeconfig({ ...tlsCluster, 'insecure-skip-tls-verify': true }, { token: 'abc' }));
    write(dir, 'cert.kc', kubeconfig(tlsCluster, { 'client-certificate': 'client.crt', 'client-key': 'client.key' }));
    write(dir, 'cert-nokey.kc', kubeconfig(tlsCluster, { 'client-certificate': 'client.crt' }));
    write(dir, 'basic-token.kc', kubeconfig(tlsCluster, { token: 'x', username: 'a', password: 'b' }));
    write(dir, 'http-token.kc', kubeconfig({ server: oddUrl }, { token: 'secret' }));
    write(dir, 'proxy-bad.kc', kubeconfig({ ...tlsCluster, 'proxy-url': 'ftp://x' }, { token: 'abc' }));
    write(dir, 'proxy-dead.kc', kubeconfig({ ...tlsCluster, 'proxy-url': 'http://127.0.0.1:1' }, { token: 'abc' }));
    write(dir, 'noserver.kc', kubeconfig({}, { token: 'abc' }));
    write(dir, 'missing-ctx.kc', kubeconfig(tlsCluster, { token: 'abc' }).replace('current-context: c', 'current-context: gone'));
    write(dir, 'badns.kc', kubeconfig(tlsCluster, { token: 'abc' }).replace('{cluster: c, user: u}', '{cluster: c, user: u, namespace: Bad_NS}'));
    const exec = (e: Record<string, unknown>) => kubeconfig({ ...tlsCluster, extensions: [{ name: 'client.authentication.k8s.io/exec', extension: { zeta: 1, audience: 'aud' } }] }, { exec: e });
    const v1 = 'client.authentication.k8s.io/v1';
    const sh = (script: string) => ({ apiVersion: v1, command: 'sh', args: ['-c', script], interactiveMode: 'Never' });
    const cred = (o: unknown) => `echo '${JSON.stringify(o)}'`;
    write(dir, 'exec-ok.kc', exec({ apiVersion: v1, command: './plugin.sh', args: ['a', 'b'], env: [{ name: 'FOO', value: 'bar' }], provideClusterInfo: true, interactiveMode: 'Never' }));
    write(dir, 'exec-nomode.kc', exec({ apiVersion: v1, command: './plugin.sh' }));
    write(dir, 'exec-beta.kc', exec({ apiVersion: 'client.authentication.k8s.io/v1beta1', command: './plugin.sh' }));
    write(dir, 'exec-missing.kc', exec({ apiVersion: v1, command: 'no-such-plugin-anywhere', installHint: 'install it please', interactiveMode: 'Never' }));
    write(dir, 'exec-exit.kc', exec(sh('exit 3')));
    write(dir, 'exec-string.kc', exec(sh('echo notjson')));
    write(dir, 'exec-empty.kc', exec(sh('echo')));
    write(dir, 'exec-array.kc', exec(sh('echo [1]')));
    write(dir, 'exec-object.kc', exec(sh('echo {}')));
    write(dir, 'exec-nostatus.kc', exec(sh(cred({ apiVersion: v1, kind: 'ExecCredential' }))));
    write(dir, 'exec-emptystatus.kc', exec(sh(cred({ apiVersion: v1, kind: 'ExecCredential', status: {} }))));
    write(dir, 'exec-keyonly.kc', exec(sh(cred({ apiVersion: v1, kind: 'ExecCredential', status: { clientKeyData: 'x' } }))));
    write(dir, 'exec-otherversion.kc', exec(sh(cred({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: 'x' } }))));
    write(dir, 'exec-unknownversion.kc', exec(sh(cred({ apiVersion: 'foo/v1', kind: 'ExecCredential', status: { token: 'x' } }))));
    write(dir, 'exec-otherkind.kc', exec(sh(cred({ apiVersion: v1, kind: 'Foo', status: { token: 'x' } }))));
    write(dir, 'exec-yaml.kc', exec(sh('printf "apiVersion: client.authentication.k8s.io/v1\\nkind: ExecCredential\\nstatus: {token: yaml-token}\\n"')));
    write(dir, 'exec-unauthorized.kc', exec(sh(cred({ apiVersion: v1, kind: 'ExecCredential', status: { token: 'bad' } }))));
    write(dir, 'exec-v2.kc', exec({ apiVersion: 'client.authentication.k8s.io/v2', command: 'sh', interactiveMode: 'Never' }));
    write(dir, 'exec-always.kc', exec({ apiVersion: v1, command: './plugin.sh', interactiveMode: 'Always' }));
    write(dir, 'exec-nofile.kc', exec({ apiVersion: v1, command: './nonexistent.sh', interactiveMode: 'Never' }));
    write(dir, 'exec-noexec.kc', exec({ apiVersion: v1, command: './noexec.sh', interactiveMode: 'Never' }));
    write(dir, 'exec-invalid.kc', exec({ apiVersion: v1, command: '', interactiveMode: 'Bogus', env: [{ name: '', value: 'x' }] }));
    const ap = (name: string, config?: Record<string, string>) => kubeconfig(tlsCluster, { 'auth-provider': { name, ...(config ? { config } : {}) } });
    write(dir, 'ap-gcp.kc', ap('gcp'));
    write(dir, 'ap-azure.kc', ap('azure'));
    write(dir, 'ap-foo.kc', ap('foo'));
    write(dir, 'ap-noissuer.kc', ap('oidc', { 'id-token': 'abc' }));
    write(dir, 'ap-noclient.kc', ap('oidc', { 'idp-issuer-url': 'https://issuer.invalid' }));
    write(dir, 'ap-badjwt.kc', ap('oidc', { 'id-token': 'abc', 'idp-issuer-url': 'https://issuer.invalid', 'client-id': 'x' }));
    write(dir, 'ap-norefresh.kc', ap('oidc', { 'idp-issuer-url': 'https://issuer.invalid', 'client-id': 'x' }));
    const jwt = `e30.${Buffer.from(JSON.stringify({ exp: 4102444800 })).toString('base64url')}.sig`;
    write(dir, 'ap-valid.kc', ap('oidc', { 'id-token': jwt, 'idp-issuer-url': 'https://issuer.invalid', 'client-id': 'x' }));
    write(dir, 'ap-valid-token.kc', ap('oidc', { 'id-token': jwt, 'idp-issuer-url': 'https://issuer.invalid', 'client-id': 'x' }));
    write(dir, 'env-proxy.kc', kubeconfig({ server: tlsUrl.replace('127.0.0.1', 'kubernetes.test'), 'certificate-authority': 'ca.crt', 'tls-server-name': 'localhost' }, { token: 'abc' }));
    write(dir, 'proxy-url.kc', kubeconfig({ server: tlsUrl.replace('127.0.0.1', 'kubernetes.test'), 'certificate-authority': 'ca.crt', 'tls-server-name': 'localhost', 'proxy-url': proxyUrl }, { token: 'abc' }));
    write(dir, 'proxy-deny.kc', kubeconfig({ ...tlsCluster, 'proxy-url': denyProxyUrl }, { token: 'abc' }));
    write(dir, 'socks.kc', kubeconfig({ server: tlsUrl.replace('127.0.0.1', 'kubernetes.test'), 'certificate-authority': 'ca.crt', 'tls-server-name': 'localhost', 'proxy-url': socksUrl }, { token: 'abc' }));
  });

  let caches = 0;
  /** Each tool gets its own discovery cache (a shared one would make the second run a cache hit). */
  const withCaches = (args: string[]): [string[], string[]] => {
    const n = caches++;
    return [[...args, '--cache-dir', join(dir, `cache-${n}-kubectl`)], [...args, '--cache-dir', join(dir, `cache-${n}-ktl`)]];
  };

  /**
   * Runs `[args] get --raw TARGET` (raw) or `[args] get TARGET` (get) through kubectl and ktl;
   * `warm` runs each once before, so that the compared run reads its cache.
   */
  async function compare(mode: 'raw' | 'get', target: string, args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string; warm?: boolean } = {}): Promise<void> {
    const env = { HOME: home, ...opts.env };
    const [kubectlArgs, ktlArgs] = withCaches(args);
    const command = mode === 'raw' ? ['get', '--raw', target] : ['get', target];
    const kargs = [...kubectlArgs, ...command];
    const targs = [...ktlArgs, ...command];
    if (opts.warm) {
      await kubectl(kargs, dir, env, opts.input);
      await ktl(targs, dir, env, opts.input);
    }
    const expected = await kubectl(kargs, dir, env, opts.input);
    const actual = await ktl(targs, dir, env, opts.input);
    const label = `kubectl ${kargs.join(' ')}`;
    assert.equal(normalize(actual.stderr), normalize(expected.stderr), `${label}: stderr differs`);
    assert.equal(actual.code, expected.code, `${label}: exit code differs`);
    assert.equal(actual.stdout, expected.stdout, `${label}: stdout differs`);
  }

  /** Which of `want` (group/version/resource) the list requests logged by a test server went to, in order. */
  function listed(requests: { url: string }[], want: string[]): string[] {
    const hits: string[] = [];
    for (const r of requests) {
      const path = new URL(r.url, 'http://x').pathname;
      for (const w of want) {
        const [group, version, resource] = w.split('/') as [string, string, string];
        const base = group ? `/apis/${group}/${version}/` : `/api/${version}/`;
        if (path.startsWith(base) && path.endsWith(`/${resource}`) && !hits.includes(w)) hits.push(w);
      }
    }
    return hits;
  }

  /** `get TYPE` that succeeds: the same output, and both list the resources in `want`, in that order. */
  async function resolves(types: string, server: () => { url: string; requests: { url: string }[] }, want: string[]): Promise<void> {
    const srv = server();
    const env = { HOME: home };
    const [kubectlArgs, ktlArgs] = withCaches(['-s', srv.url]);
    let mark = srv.requests.length;
    const expected = await kubectl([...kubectlArgs, 'get', types], dir, env);
    assert.equal(expected.code, 0, expected.stderr);
    assert.deepEqual(listed(srv.requests.slice(mark), want), want, `kubectl get ${types}: lists`);
    mark = srv.requests.length;
    const actual = await ktl([...ktlArgs, 'get', types], dir, env);
    assert.deepEqual(listed(srv.requests.slice(mark), want), want, `ktl get ${types}: lists`);
    assert.equal(normalize(actual.stderr), normalize(expected.stderr), `get ${types}: stderr differs`);
    assert.equal(actual.stdout, expected.stdout, `get ${types}: stdout differs`);
    assert.equal(actual.code, expected.code);
  }

  const kc = (file: string) => ['--kubeconfig', file];
  const tlsArgs = () => ['-s', tlsUrl, '--certificate-authority', 'ca.crt'];

  describe('kubeconfig selection and validation', () => {
    test('dead server', () => compare('raw', '/version', kc('dead.kc')));
    test('--context that does not exist (raw)', () => compare('raw', '/version', [...kc('dead.kc'), '--context', 'nope']));
    test('--context that does not exist (namespace first)', () => compare('get', 'pods', [...kc('dead.kc'), '--context', 'nope']));
    test('--cluster that does not exist (raw)', () => compare('raw', '/version', [...kc('dead.kc'), '--cluster', 'nope']));
    test('--cluster that does not exist (namespace first)', () => compare('get', 'pods', [...kc('dead.kc'), '--cluster', 'nope']));
    test('--cluster that does not exist with -n', () => compare('get', 'pods', [...kc('dead.kc'), '--cluster', 'nope', '-n', 'x']));
    test('--user that does not exist', () => compare('raw', '/version', [...kc('dead.kc'), '--user', 'nope']));
    test('--user that does not exist (namespace first)', () => compare('get', 'pods', [...kc('dead.kc'), '--user', 'nope']));
    test('current-context that does not exist', () => compare('raw', '/version', kc('missing-ctx.kc')));
    test('current-context that does not exist (namespace first)', () => compare('get', 'pods', kc('missing-ctx.kc')));
    test('missing --kubeconfig file', () => compare('raw', '/version', kc('nofile.kc')));
    test('empty kubeconfig: localhost:8080', () => compare('raw', '/version', kc('/dev/null')));
    test('KUBERNETES_MASTER', () => compare('raw', '/version', kc('/dev/null'), { env: { KUBERNETES_MASTER: 'http://127.0.0.1:1' } }));
    test('cluster without server', () => compare('raw', '/version', kc('noserver.kc')));
    test('context namespace that is not a DNS label', () => compare('raw', '/version', kc('badns.kc')));
    test('token and basic auth together', () => compare('raw', '/version', kc('basic-token.kc')));
    test('--username/--password over a token', () => compare('raw', '/version', [...kc('token.kc'), '--username', 'a', '--password', 'b']));
    test('--as-group without --as', () => compare('raw', '/version', [...kc('token.kc'), '--as-group', 'g']));
    test('--as-uid without --as', () => compare('get', 'pods', [...kc('token.kc'), '--as-uid', '7']));
    test('client certificate without key', () => compare('raw', '/version', kc('cert-nokey.kc')));
    test('--client-certificate that does not exist', () => compare('raw', '/version', [...kc('dead.kc'), '--client-certificate', '/nonexistent']));
    test('--certificate-authority that does not exist', () => compare('raw', '/version', [...kc('dead.kc'), '--certificate-authority', '/nonexistent']));
    test('--certificate-authority that is not a certificate', () => compare('raw', '/version', [...kc('token.kc'), '--certificate-authority', 'server.key']));
    test('CA and insecure in the kubeconfig', () => compare('raw', '/version', kc('insecure-ca.kc')));
    test('--insecure-skip-tls-verify replaces the CA', () => compare('raw', '/version', [...kc('insecure-ca.kc'), '--insecure-skip-tls-verify']));
    test('--certificate-authority replaces insecure', () => compare('raw', '/version', [...kc('insecure-ca.kc'), '--certificate-authority', 'ca.crt']));
    test('server certificate given as CA', () => compare('raw', '/version', [...kc('insecure-ca.kc'), '--certificate-authority', 'server.crt']));
    test('--client-certificate over client-certificate-data', () => compare('raw', '/version', ['--kubeconfig', srv.kubeconfig, '--client-certificate', 'client.crt']));
    test('--client-certificate and --client-key over -data', () => compare('raw', '/version', ['--kubeconfig', srv.kubeconfig, '--client-certificate', 'client.crt', '--client-key', 'client.key']));
    test('invalid proxy-url', () => compare('raw', '/version', kc('proxy-bad.kc')));
    test('bad --request-timeout', () => compare('raw', '/version', [...kc('dead.kc'), '--request-timeout', 'abc']));
    test('negative --request-timeout', () => compare('raw', '/version', [...kc('dead.kc'), '--request-timeout', '-1']));
    test('bad --request-timeout (namespace first)', () => compare('get', 'pods', [...kc('dead.kc'), '--request-timeout', '1x']));
    test('--match-server-version without a server', () => compare('raw', '/version', [...kc('dead.kc'), '--match-server-version']));
    test('kubeconfig that does not parse', () => compare('raw', '/version', kc('broken.kc')));
  });

  describe('credentials and headers', () => {
    test('bearer token', () => compare('raw', '/version', kc('token.kc')));
    test('token file, trimmed', () => compare('raw', '/version', kc('tokenfile.kc')));
    test('token file that does not exist', () => compare('raw', '/version', kc('badtokenfile.kc')));
    test('--token flag', () => compare('raw', '/version', [...tlsArgs(), '--token', 'flag-token']));
    test('basic auth flags', () => compare('raw', '/version', [...tlsArgs(), '--username', 'bob', '--password', 'pw']));
    test('client certificate', () => compare('raw', '/version', kc('cert.kc')));
    test('impersonation', () => compare('raw', '/version', [...kc('token.kc'), '--as', 'bob', '--as-group', 'g1', '--as-group', 'g2', '--as-uid', '42']));
    test('no credentials to an http server', () => compare('raw', '/x', [...kc('http-token.kc'), '--token', 'flag']));
    test('no credentials to a scheme-less server', () => compare('raw', '/x', ['-s', `127.0.0.1:${oddPort}`, '--token', 'flag']));
    test('prompt for a username at EOF', () => compare('raw', '/version', kc('nouser.kc')));
    test('prompt for a password without a terminal', () => compare('raw', '/version', kc('nouser.kc'), { input: 'bob\n' }));
    test('server URL with a path, query and fragment', () => compare('raw', '/version', [...kc('token.kc'), '-s', `${tlsUrl}/prefix/path?q=1#f`]));
    test('query sorted like Go', () => compare('raw', '/version?b=2&a=1&a=0&c=x%20y', kc('token.kc')));
    test('--request-timeout as seconds', () => compare('raw', '/version', [...kc('token.kc'), '--request-timeout', '5']));
    test('--request-timeout as a duration', () => compare('raw', '/version', [...kc('token.kc'), '--request-timeout', '1m']));
  });

  describe('exec plugins', () => {
    test('v1 with args, env and cluster info', () => compare('raw', '/version', kc('exec-ok.kc')));
    test('v1 without interactiveMode', () => compare('raw', '/version', kc('exec-nomode.kc')));
    test('v1beta1 defaults to IfAvailable', () => compare('raw', '/version', kc('exec-beta.kc')));
    test('missing binary with install hint', () => compare('raw', '/version', kc('exec-missing.kc')));
    test('missing binary during discovery', () => compare('get', 'pods', kc('exec-missing.kc')));
    test('exit code', () => compare('raw', '/version', kc('exec-exit.kc')));
    test('exit code during discovery', () => compare('get', 'pods', kc('exec-exit.kc')));
    test('output not an object', () => compare('raw', '/version', kc('exec-string.kc')));
    test('empty output', () => compare('raw', '/version', kc('exec-empty.kc')));
    test('array output', () => compare('raw', '/version', kc('exec-array.kc')));
    test('empty object', () => compare('raw', '/version', kc('exec-object.kc')));
    test('no status', () => compare('raw', '/version', kc('exec-nostatus.kc')));
    test('empty status', () => compare('raw', '/version', kc('exec-emptystatus.kc')));
    test('key without certificate', () => compare('raw', '/version', kc('exec-keyonly.kc')));
    test('other API version', () => compare('raw', '/version', kc('exec-otherversion.kc')));
    test('unknown API version', () => compare('raw', '/version', kc('exec-unknownversion.kc')));
    test('other kind', () => compare('raw', '/version', kc('exec-otherkind.kc')));
    test('YAML output', () => compare('raw', '/version', kc('exec-yaml.kc')));
    test('401 with the plugin token', () => compare('raw', '/version', kc('exec-unauthorized.kc')));
    test('invalid plugin apiVersion', () => compare('raw', '/version', kc('exec-v2.kc')));
    test('Always without a terminal', () => compare('raw', '/version', kc('exec-always.kc')));
    test('plugin path that does not exist', () => compare('raw', '/version', kc('exec-nofile.kc')));
    test('plugin not executable', () => compare('raw', '/version', kc('exec-noexec.kc')));
    test('invalid exec settings', () => compare('raw', '/version', kc('exec-invalid.kc')));
    test('a token wins over the plugin', () => compare('raw', '/version', [...kc('exec-missing.kc'), '--token', 'x']));
  });

  describe('auth providers', () => {
    test('gcp was removed', () => compare('raw', '/version', kc('ap-gcp.kc')));
    test('azure was removed', () => compare('raw', '/version', kc('ap-azure.kc')));
    test('unknown provider', () => compare('raw', '/version', kc('ap-foo.kc')));
    test('oidc without issuer', () => compare('raw', '/version', kc('ap-noissuer.kc')));
    test('oidc without client id', () => compare('raw', '/version', kc('ap-noclient.kc')));
    test('oidc id-token that is not a JWT', () => compare('raw', '/version', kc('ap-badjwt.kc')));
    test('oidc without id-token or refresh-token', () => compare('raw', '/version', kc('ap-norefresh.kc')));
    test('oidc with a valid id-token', () => compare('raw', '/version', kc('ap-valid.kc')));
    test('a token wins over the provider', () => compare('raw', '/version', [...kc('ap-valid-token.kc'), '--token', 't']));
  });

  describe('transport errors and TLS', () => {
    test('unknown authority', () => compare('raw', '/version', ['-s', tlsUrl, '--token', 'abc']));
    test('hostname mismatch (DNS name)', () => compare('raw', '/version', ['-s', tlsUrl.replace('127.0.0.1', 'localhost'), '--token', 'abc', '--certificate-authority', 'ca.crt', '--tls-server-name', 'foo']));
    test('hostname mismatch (IP)', () => compare('raw', '/version', [...tlsArgs(), '--token', 'abc', '--tls-server-name', '10.1.1.1']));
    test('--tls-server-name that matches', () => compare('raw', '/version', ['-s', tlsUrl.replace('127.0.0.1', 'localhost'), '--token', 'abc', '--certificate-authority', 'ca.crt', '--tls-server-name', '127.0.0.1']));
    test('other CA', () => compare('raw', '/version', ['-s', tlsUrl, '--token', 'abc', '--certificate-authority', 'other.crt']));
    test('http to an https server', () => compare('raw', '/version', ['-s', tlsUrl.replace('https', 'http'), '--token', 'abc']));
    test('https to an http server', () => compare('raw', '/version', ['-s', oddUrl.replace('http', 'https'), '--token', 'abc']));
    test('https to a server that closes', () => compare('raw', '/version', ['-s', `https://127.0.0.1:${closePort}`, '--token', 'abc']));
    test('https to a server that is not TLS', () => compare('raw', '/version', ['-s', `https://127.0.0.1:${garbagePort}`, '--token', 'abc']));
    test('http server that closes', () => compare('raw', '/version', ['-s', `http://127.0.0.1:${closePort}`])); 
    test('http server that answers garbage', () => compare('raw', '/version', ['-s', `http://127.0.0.1:${garbagePort}`]));
    test('unknown host', () => compare('raw', '/version', ['-s', 'http://no-such-host.invalid']));
    test('timeout during the TLS handshake', async () => {
      // Go races its request context against the client timeout: kubectl prints any of these.
      const variants = [
        'context deadline exceeded',
        'net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
        'context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
      ].map((v) => `Unable to connect to the server: ${v}\n`);
      const args = ['-s', `https://127.0.0.1:${hangPort}`, '--token', 'x', '--request-timeout', '1'];
      const expected = await kubectl([...args, 'get', '--raw', '/version'], dir, { HOME: home });
      const actual = await ktl([...args, 'get', '--raw', '/version'], dir, { HOME: home });
      assert.ok(variants.includes(expected.stderr), expected.stderr);
      assert.ok(variants.includes(actual.stderr), actual.stderr);
      assert.equal(actual.code, expected.code);
    });
    test('timeout awaiting headers over http', async () => {
      const variants = ['net/http: request canceled (Client.Timeout exceeded while awaiting headers)', 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)', 'context deadline exceeded'].map(
        (v) => `Unable to connect to the server: ${v}\n`,
      );
      const args = ['-s', `http://127.0.0.1:${hangPort}`, '--request-timeout', '1'];
      const expected = await kubectl([...args, 'get', '--raw', '/version'], dir, { HOME: home });
      const actual = await ktl([...args, 'get', '--raw', '/version'], dir, { HOME: home });
      assert.ok(variants.includes(expected.stderr), expected.stderr);
      assert.ok(variants.includes(actual.stderr), actual.stderr);
      assert.equal(actual.code, expected.code);
    });
    test('proxy that is not there', () => compare('raw', '/version', kc('proxy-dead.kc')));
    test('proxy-url (CONNECT)', () => compare('raw', '/version', kc('proxy-url.kc')));
    test('proxy that refuses CONNECT', () => compare('raw', '/version', kc('proxy-deny.kc')));
    test('socks5 proxy-url', () => compare('raw', '/version', kc('socks.kc')));
    test('HTTPS_PROXY', () => compare('raw', '/version', kc('env-proxy.kc'), { env: { HTTPS_PROXY: proxyUrl } }));
    test('HTTPS_PROXY with NO_PROXY', () => compare('raw', '/version', kc('env-proxy.kc'), { env: { HTTPS_PROXY: proxyUrl, NO_PROXY: '.test' } }));
    test('HTTPS_PROXY skips loopback', () => compare('raw', '/version', kc('token.kc'), { env: { HTTPS_PROXY: 'http://127.0.0.1:1' } }));
  });

  describe('answers without a Status', () => {
    const odd = (q: string) => compare('raw', `/x?${q}`, ['-s', oddUrl]);
    test('500 text', () => odd('code=500&body=oops%20x'));
    test('500 JSON that is not a Status', () => odd('code=500&body=oops&ct=application/json'));
    test('500 HTML', () => odd('code=500&body=oops&ct=text/html'));
    test('503 text', () => odd('code=503&body=later&ct=text/plain'));
    test('404 text', () => odd('code=404&body=nope&ct=text/plain'));
    test('401 text', () => odd('code=401&body=nope&ct=text/plain'));
    test('403 text', () => odd('code=403&body=nope%20nope&ct=text/plain'));
    test('409 text', () => odd('code=409&body=x&ct=text/plain'));
    test('418 text', () => odd('code=418&body=teapot&ct=text/plain'));
    test('400 without content type', () => odd('code=400&body=bad'));
    test('Status with a reason', () => odd(`code=409&ct=application/json&body=${encodeURIComponent(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'boom', reason: 'Conflict', code: 409 }))}`));
    test('Status without status: Failure', () => odd(`code=409&ct=application/json&body=${encodeURIComponent(JSON.stringify({ kind: 'Status', apiVersion: 'v1', message: 'boom', reason: 'Conflict', code: 409 }))}`));
    test('Status without a reason', () => odd(`code=500&ct=application/json&body=${encodeURIComponent(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'plain', code: 500 }))}`));
    test('Invalid with one cause', () => odd(`code=422&ct=application/json&body=${encodeURIComponent(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'x', reason: 'Invalid', code: 422, details: { name: 'x', kind: 'configmaps', causes: [{ field: 'data.a', message: 'Invalid value: "b": bad' }] } }))}`));
    test('Invalid with several causes', () => odd(`code=422&ct=application/json&body=${encodeURIComponent(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'x', reason: 'Invalid', code: 422, details: { name: 'x', kind: 'configmaps', causes: [{ field: 'a', message: 'one' }, { field: 'b', message: 'two' }, { field: 'a', message: 'one' }] } }))}`));
    test('Invalid without details', () => odd(`code=422&ct=application/json&body=${encodeURIComponent(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'just wrong', reason: 'Invalid', code: 422 }))}`));
    test('Unauthorized Status', () => odd(`code=401&ct=application/json&body=${encodeURIComponent(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 }))}`));
    test('server warnings, deduplicated', () => compare('raw', '/warn?body=ok', ['-s', oddUrl]));
    test('--warnings-as-errors does not fail a raw request early', () => compare('raw', '/warn?body=ok&code=404', ['-s', oddUrl, '--warnings-as-errors']));
  });

  describe('resource types against the bundled server', () => {
    const srvArgs = () => ['--kubeconfig', srv.kubeconfig];
    test('unknown type', () => compare('get', 'nosuchthing', srvArgs()));
    test('unknown qualified type', () => compare('get', 'foo.bar', srvArgs()));
    test('unknown fully qualified type', () => compare('get', 'foo.v1.bar', srvArgs()));
    test('kind with group after version', () => compare('get', 'deployment.apps.v1', srvArgs()));
    test('unknown type after a known one', () => compare('get', 'pods,nosuch', srvArgs()));
    test('unknown type with a warm cache (rediscovery)', () => compare('get', 'nosuchthing', srvArgs(), { warm: true }));
    test('unknown kind with a warm cache', () => compare('get', 'Nosuch.v1.apps', srvArgs(), { warm: true }));
    test('dead server: one type', () => compare('get', 'pods', kc('dead.kc')));
    test('dead server: two types', () => compare('get', 'pods,svc', kc('dead.kc')));
    test('dead server: fully qualified type', () => compare('get', 'deployments.v1.apps', kc('dead.kc')));
    test('dead server: category', () => compare('get', 'all', kc('dead.kc')));
  });

  describe('legacy discovery (no aggregation)', () => {
    let legacy: Awaited<ReturnType<typeof legacyApiServer>>;
    const legacyArgs = () => ['-s', legacy.url];
    const server = () => legacy;
    before(async () => {
      legacy = await legacyApiServer(t);
    });
    test('unknown type logs the failing group once per discovery', () => compare('get', 'nosuch', legacyArgs()));
    test('unknown type with a warm cache', () => compare('get', 'nosuch', legacyArgs(), { warm: true }));
    test('a known type while a group fails', () => resolves('pods', server, ['/v1/pods']));
    test('short name shared by two groups', () => resolves('ev', server, ['/v1/events']));
    test('short name shared by core and another group resource', () => resolves('w', server, ['/v1/widgets']));
    test('preferred version', () => resolves('gadgets', server, ['example.com/v2/gadgets']));
    test('only in an older version', () => resolves('oldies', server, ['example.com/v1/oldies']));
    test('category across versions', () => resolves('toys', server, ['example.com/v2/gadgets']));
    test('all', () => resolves('all', server, ['/v1/pods', 'apps/v1/deployments', 'example.com/v2/gadgets']));
    test('kind without a singular name', () => resolves('Widget', server, ['/v1/widgets']));
    test('group prefix', () => resolves('gd.example', server, ['example.com/v2/gadgets']));
    test('explicit version', () => resolves('gadgets.v1.example.com', server, ['example.com/v1/gadgets']));
  });

  test('the discovery cache kubectl writes is the one ktl writes (legacy discovery)', async () => {
    const legacy = await legacyApiServer(t);
    const kubectlCache = join(dir, 'legacy-kubectl');
    const ktlCache = join(dir, 'legacy-ktl');
    await kubectl(['-s', legacy.url, '--cache-dir', kubectlCache, 'get', 'pods'], dir, { HOME: home });
    const r = await ktl(['-s', legacy.url, '--cache-dir', ktlCache, 'get', 'pods'], dir, { HOME: home });
    assert.equal(r.code, 0, r.stderr);
    sameTree(kubectlCache, ktlCache);
  });

  test('one cache directory serves both: each reads what the other wrote, without asking the server', async () => {
    const legacy = await legacyApiServer(t, { healthy: true });
    const discovery = () => legacy.requests.filter((r) => !/\/(pods|deployments|gadgets)(\?|$)/.test(new URL(r.url, 'http://x').pathname)).length;
    const byKubectl = join(dir, 'shared-by-kubectl');
    await kubectl(['-s', legacy.url, '--cache-dir', byKubectl, 'get', 'pods'], dir, { HOME: home });
    let before = discovery();
    const listedBefore = legacy.requests.length;
    const r = await ktl(['-s', legacy.url, '--cache-dir', byKubectl, 'get', 'deploy,gadgets'], dir, { HOME: home });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(listed(legacy.requests.slice(listedBefore), ['apps/v1/deployments', 'example.com/v2/gadgets']), ['apps/v1/deployments', 'example.com/v2/gadgets']);
    assert.equal(discovery(), before, 'ktl used kubectl\'s cache');
    const byKtl = join(dir, 'shared-by-ktl');
    await ktl(['-s', legacy.url, '--cache-dir', byKtl, 'get', 'pods'], dir, { HOME: home });
    before = discovery();
    const k = await kubectl(['-s', legacy.url, '--cache-dir', byKtl, 'get', 'deploy'], dir, { HOME: home });
    assert.equal(k.code, 0, k.stderr);
    assert.equal(discovery(), before, 'kubectl used ktl\'s cache');
  });

  function sameTree(kubectlCache: string, ktlCache: string): void {
    const files = (root: string): string[] => readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(root, f)).isFile()).sort();
    const theirs = files(join(kubectlCache, 'discovery'));
    assert.ok(theirs.length >= 3, 'kubectl wrote its cache');
    assert.deepEqual(files(join(ktlCache, 'discovery')), theirs);
    for (const f of theirs) assert.equal(readFileSync(join(ktlCache, 'discovery', f), 'utf8'), readFileSync(join(kubectlCache, 'discovery', f), 'utf8'), f);
    for (const f of theirs) assert.equal(statSync(join(ktlCache, 'discovery', f)).mode & 0o777, 0o660, `${f} mode`);
  }

  test('the discovery cache kubectl writes is the one ktl writes', async () => {
    const kubectlCache = join(dir, 'cache-kubectl');
    const ktlCache = join(dir, 'cache-ktl');
    await kubectl(['--kubeconfig', srv.kubeconfig, '--cache-dir', kubectlCache, 'get', 'pods'], dir, { HOME: home });
    const r = await ktl(['--kubeconfig', srv.kubeconfig, '--cache-dir', ktlCache, 'get', 'pods'], dir, { HOME: home });
    assert.equal(r.code, 0, r.stderr);
    sameTree(kubectlCache, ktlCache);
  });
});
