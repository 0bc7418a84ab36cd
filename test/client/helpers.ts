// Test helpers for the client: a ClientCtx built from global flags as ktl's main would parse them,
// with captured streams; kubeconfig files in a scratch directory; throwaway HTTP(S) servers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { FlagSet, Flags } from '../../src/cli/flags.ts';
import { GLOBAL_FLAGS, globalOptions } from '../../src/cli/global-flags.ts';
import { loadKubeconfig } from '../../src/kubeconfig/index.ts';
import type { ClientCtx } from '../../src/client/index.ts';
import type { Cleanup } from '../helpers/server.ts';

export interface TestCtx extends ClientCtx {
  out(): string;
  err(): string;
}

/** A ClientCtx as `ktl <args>` would build it (global flags parsed by the real flag set). */
export function testCtx(args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; home?: string; stdin?: string; commandPath?: string[] } = {}): TestCtx {
  const parsed = new FlagSet(GLOBAL_FLAGS).parse(args);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...opts.env };
  const home = opts.home ?? env.HOME ?? tmpdir();
  const globals = globalOptions(new Flags(parsed), env, home);
  let out = '';
  let err = '';
  const stdin = new PassThrough();
  stdin.end(opts.stdin ?? '');
  const cwd = opts.cwd ?? process.cwd();
  return {
    io: { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) }, in: stdin, isTTY: false },
    env,
    program: 'kubectl',
    home,
    cwd,
    globals,
    commandPath: opts.commandPath,
    kubeconfig: () => loadKubeconfig({ explicitPath: globals.kubeconfig || undefined, env, home, cwd }),
    out: () => out,
    err: () => err,
  };
}

/** A scratch directory removed after the test. */
export function scratch(t: Cleanup): string {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-client-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function write(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface TestHttpServer {
  url: string;
  port: number;
  requests: Recorded[];
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

async function listen(t: Cleanup, server: Server, scheme: string, handler: Handler): Promise<TestHttpServer> {
  const requests: Recorded[] = [];
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (body += d));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  t.after(() => new Promise<void>((r) => {
    server.closeAllConnections?.();
    server.close(() => r());
  }));
  const port = (server.address() as AddressInfo).port;
  return { url: `${scheme}://127.0.0.1:${port}`, port, requests };
}

export function httpServer(t: Cleanup, handler: Handler): Promise<TestHttpServer> {
  return listen(t, createHttpServer(), 'http', handler);
}

export interface Pki {
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A CA that signed nothing here. */
  otherCa: string;
}

/** A CA, a server certificate for localhost/127.0.0.1 and a client certificate, made with openssl. */
export function makePki(dir: string): Pki {
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const key = (name: string) => run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-out', name]);
  key('ca.key');
  run(['req', '-x509', '-new', '-key', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=test-ca']);
  key('other.key');
  run(['req', '-x509', '-new', '-key', 'other.key', '-out', 'other.crt', '-days', '2', '-subj', '/CN=other-ca']);
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  key('server.key');
  run(['req', '-new', '-key', 'server.key', '-out', 'server.csr', '-subj', '/CN=server']);
  run(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'san.ext']);
  key('client.key');
  run(['req', '-new', '-key', 'client.key', '-out', 'client.csr', '-subj', '/CN=alice/O=devs']);
  run(['x509', '-req', '-in', 'client.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'client.crt', '-days', '2']);
  const read = (n: string) => execFileSync('cat', [join(dir, n)], { encoding: 'utf8' });
  return {
    caCert: read('ca.crt'), serverCert: read('server.crt'), serverKey: read('server.key'), clientCert: read('client.crt'),
    clientKey: read('client.key'), otherCa: read('other.crt'),
  };
}

export function httpsServer(t: Cleanup, pki: Pki, handler: Handler): Promise<TestHttpServer> {
  const server = createHttpsServer({ key: pki.serverKey, cert: pki.serverCert, ca: pki.caCert, requestCert: true, rejectUnauthorized: false });
  return listen(t, server as unknown as Server, 'https', handler);
}

/** A kubeconfig with one context "c" (cluster "c", user "u"). */
export function kubeconfig(cluster: Record<string, unknown>, user: Record<string, unknown>, extra = ''): string {
  const y = (o: Record<string, unknown>) => JSON.stringify(o);
  return `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: ${y(cluster)}
users:
- name: u
  user: ${y(user)}
contexts:
- name: c
  context: {cluster: c, user: u}
current-context: c
${extra}`;
}

export interface TestProxy {
  url: string;
  port: number;
  /** CONNECT targets and absolute-form request lines seen. */
  seen: string[];
  /** Proxy-Authorization headers seen. */
  auth: (string | undefined)[];
}

/**
 * An HTTP proxy: CONNECT tunnels and absolute-form requests. Names in `hosts` are mapped to
 * addresses (so a test can use a non-loopback name, which Go's proxy rules would otherwise skip).
 */
export async function connectProxy(t: Cleanup, hosts: Record<string, string> = {}, deny = false): Promise<TestProxy> {
  const { createServer } = await import('node:http');
  const { connect } = await import('node:net');
  const seen: string[] = [];
  const auth: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    auth.push(req.headers['proxy-authorization'] as string | undefined);
    const target = new URL(req.url!);
    const host = hosts[target.hostname] ?? target.hostname;
    const upstream = connect(Number(target.port || 80), host, () => {
      const headers = Object.entries(req.headers).filter(([k]) => k !== 'proxy-authorization').map(([k, v]) => `${k}: ${v}`).join('\r\n');
      upstream.write(`${req.method} ${target.pathname}${target.search} HTTP/1.1\r\n${headers}\r\nconnection: close\r\n\r\n`);
      req.pipe(upstream);
      upstream.pipe(res.socket!);
    });
    upstream.on('error', () => res.destroy());
  });
  server.on('connect', (req, socket, head) => {
    seen.push(`CONNECT ${req.url}`);
    auth.push(req.headers['proxy-authorization'] as string | undefined);
    if (deny) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const [name, port] = [req.url!.slice(0, req.url!.lastIndexOf(':')), req.url!.slice(req.url!.lastIndexOf(':') + 1)];
    const upstream = connect(Number(port), hosts[name] ?? name, () => {
      socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  t.after(() => new Promise<void>((r) => {
    server.closeAllConnections();
    server.close(() => r());
  }));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, port, seen, auth };
}

/** A SOCKS5 proxy (no authentication, or user/pass when given). */
export async function socksProxy(t: Cleanup, hosts: Record<string, string> = {}, creds?: { user: string; pass: string }): Promise<TestProxy> {
  const net = await import('node:net');
  const seen: string[] = [];
  const auth: (string | undefined)[] = [];
  const server = net.createServer((socket) => {
    let buf = Buffer.alloc(0);
    let stage = 0;
    socket.on('data', function onData(chunk: Buffer) {
      buf = Buffer.concat([buf, chunk]);
      if (stage === 0 && buf.length >= 2 && buf.length >= 2 + buf[1]!) {
        const methods = [...buf.subarray(2, 2 + buf[1]!)];
        buf = buf.subarray(2 + methods.length);
        if (creds) {
          socket.write(Buffer.from([5, 2]));
          stage = 1;
        } else {
          socket.write(Buffer.from([5, 0]));
          stage = 2;
        }
      }
      if (stage === 1 && buf.length >= 2) {
        const ulen = buf[1]!;
        if (buf.length < 3 + ulen) return;
        const plen = buf[2 + ulen]!;
        if (buf.length < 3 + ulen + plen) return;
        const user = buf.subarray(2, 2 + ulen).toString();
        const pass = buf.subarray(3 + ulen, 3 + ulen + plen).toString();
        auth.push(`${user}:${pass}`);
        buf = buf.subarray(3 + ulen + plen);
        const ok = user === creds!.user && pass === creds!.pass;
        socket.write(Buffer.from([1, ok ? 0 : 1]));
        if (!ok) return socket.end();
        stage = 2;
      }
      if (stage === 2 && buf.length >= 5) {
        const atyp = buf[3]!;
        const len = atyp === 1 ? 4 : atyp === 3 ? 1 + buf[4]! : 16;
        if (buf.length < 4 + len + 2) return;
        const host = atyp === 1 ? [...buf.subarray(4, 8)].join('.') : buf.subarray(5, 5 + buf[4]!).toString();
        const port = buf.readUInt16BE(4 + len);
        seen.push(`${host}:${port}`);
        socket.off('data', onData);
        const rest = buf.subarray(4 + len + 2);
        stage = 3;
        const upstream = net.connect(port, hosts[host] ?? host, () => {
          socket.write(Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0, 0]));
          if (rest.length) upstream.write(rest);
          upstream.pipe(socket);
          socket.pipe(upstream);
        });
        upstream.on('error', () => socket.end(Buffer.from([5, 5, 0, 1, 0, 0, 0, 0, 0, 0])));
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  t.after(() => new Promise<void>((r) => {
    for (const s of sockets) s.destroy();
    server.close(() => r());
  }));
  const port = (server.address() as AddressInfo).port;
  return { url: `socks5://127.0.0.1:${port}`, port, seen, auth };
}

/** Discovery documents of a small API server: core v1 and apps, with kinds, short names and categories. */
export const LEGACY_DISCOVERY = {
  api: { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '10.0.0.1:6443' }] },
  apis: {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [
      { name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } },
      {
        name: 'example.com',
        versions: [{ groupVersion: 'example.com/v2', version: 'v2' }, { groupVersion: 'example.com/v1', version: 'v1' }],
        preferredVersion: { groupVersion: 'example.com/v2', version: 'v2' },
      },
      { name: 'metrics.k8s.io', versions: [{ groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1' }], preferredVersion: { groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1' } },
    ],
  },
  'v1': {
    kind: 'APIResourceList',
    groupVersion: 'v1',
    resources: [
      { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['get', 'list'], shortNames: ['po'], categories: ['all'], storageVersionHash: 'xPOwRZ+Yhw8=' },
      { name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] },
      { name: 'events', singularName: 'event', namespaced: true, kind: 'Event', verbs: ['get', 'list'], shortNames: ['ev'] },
      { name: 'widgets', singularName: '', namespaced: false, kind: 'Widget', verbs: ['get', 'list'], shortNames: ['w'] },
    ],
  },
  'apps/v1': {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: 'apps/v1',
    resources: [
      { name: 'deployments', singularName: 'deployment', namespaced: true, kind: 'Deployment', verbs: ['get', 'list'], shortNames: ['deploy'], categories: ['all'] },
      { name: 'deployments/scale', singularName: 'deployment', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get'] },
    ],
  },
  'example.com/v2': {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: 'example.com/v2',
    resources: [
      { name: 'gadgets', singularName: 'gadget', namespaced: true, kind: 'Gadget', verbs: ['get', 'list'], shortNames: ['w', 'gd'], categories: ['all', 'toys'] },
      { name: 'events', singularName: 'event', namespaced: true, kind: 'Event', verbs: ['get', 'list'], shortNames: ['ev'] },
    ],
  },
  'example.com/v1': {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: 'example.com/v1',
    resources: [
      { name: 'gadgets', singularName: 'gadget', namespaced: true, kind: 'Gadget', verbs: ['get', 'list'], shortNames: ['gd'], categories: ['all', 'toys'] },
      { name: 'oldies', singularName: 'oldie', namespaced: true, kind: 'Oldie', verbs: ['get', 'list'] },
    ],
  },
} as Record<string, unknown>;

/**
 * An API server with legacy (non-aggregated) discovery; metrics.k8s.io answers 503 (not listed at
 * all when `healthy`); lists are empty.
 */
export function legacyApiServer(t: Cleanup, opts: { healthy?: boolean } = {}): Promise<TestHttpServer> {
  return httpServer(t, (req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    const key = path === '/api' ? 'api' : path === '/apis' ? 'apis' : path === '/api/v1' ? 'v1' : path.startsWith('/apis/') ? path.slice(6) : '';
    if (key === 'apis' && opts.healthy) {
      const apis = LEGACY_DISCOVERY.apis as { groups: { name: string }[] };
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ...apis, groups: apis.groups.filter((g) => g.name !== 'metrics.k8s.io') }));
      return;
    }
    if (key === 'metrics.k8s.io/v1beta1') {
      res.writeHead(503, { 'Content-Type': 'text/plain' });
      res.end('service unavailable');
      return;
    }
    const doc = LEGACY_DISCOVERY[key];
    if (doc) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(doc));
      return;
    }
    if (/\/(pods|deployments|gadgets|events|widgets|oldies)$/.test(path)) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ kind: 'List', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [] }));
      return;
    }
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 }));
  });
}
