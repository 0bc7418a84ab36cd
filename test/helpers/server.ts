// Test harness: a real ktl server on 127.0.0.1:0 (in this process), an HTTPS client with the admin
// certificate, and runners for real kubectl against it.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest, Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type KtlServer, type KtlServerOptions } from '../../src/server/server.ts';
import { adminEntries, configFromEntries, serializeKubeconfig } from '../../src/kubeconfig/index.ts';


export interface TestServer {
  server: KtlServer;
  url: string;
  dataDir: string;
  /** Path of an admin kubeconfig (context "ktl"). */
  kubeconfig: string;
  request(method: string, path: string, options?: RequestOptions): Promise<HttpAnswer>;
  /** Start a streaming GET (watch) and collect its lines. */
  stream(path: string, options?: RequestOptions): Promise<Stream>;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Present no client certificate (anonymous). */
  anonymous?: boolean;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = any>(): T;
}

export interface Stream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Resolves with the next complete line (parsed JSON). */
  next<T = any>(timeoutMs?: number): Promise<T>;
  /** Resolves when the server ends the response. */
  ended: Promise<void>;
  close(): void;
}

/** Where cleanup is registered: a test's context, or a suite's after() hook. */
export interface Cleanup {
  after(fn: () => unknown): void;
}

export async function startServer(t: Cleanup, options: Partial<KtlServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ktl-test-'));
  const server = await createServer({ port: 0, storage: 'memory', ...options, dataDir });
  const kubeconfig = join(dataDir, 'admin.kubeconfig');
  const { ca, admin } = server.pki;
  const entries = adminEntries({ server: server.url, caPem: ca.certPem, clientCertPem: admin.certPem, clientKeyPem: admin.keyPem });
  writeFileSync(kubeconfig, serializeKubeconfig(configFromEntries(entries)), { mode: 0o600 });
  const agent = new Agent({ ca: server.pki.ca.certPem, cert: server.pki.admin.certPem, key: server.pki.admin.keyPem, keepAlive: true });
  const anonymousAgent = new Agent({ ca: server.pki.ca.certPem, keepAlive: true });
  const streams = new Set<() => void>();
  t.after(async () => {
    for (const close of streams) close();
    agent.destroy();
    anonymousAgent.destroy();
    await server.close();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  function open(method: string, path: string, o: RequestOptions) {
    const body = o.body === undefined ? undefined : typeof o.body === 'string' || Buffer.isBuffer(o.body) ? o.body : JSON.stringify(o.body);
    // Node's client sends a DELETE body without framing unless Content-Length is set.
    const headers: Record<string, string> = {
      ...(body !== undefined ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) } : {}),
      ...o.headers,
    };
    const req = httpsRequest(new URL(path, server.url), { method, headers, agent: o.anonymous ? anonymousAgent : agent });
    if (body !== undefined) req.write(body);
    req.end();
    return req;
  }

  return {
    server,
    url: server.url,
    dataDir,
    kubeconfig,
    request(method, path, o = {}) {
      return new Promise((resolve, reject) => {
        const req = open(method, path, o);
        req.on('error', reject);
        req.on('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
          });
        });
      });
    },
    stream(path, o = {}) {
      return new Promise((resolve, reject) => {
        const req = open('GET', path, o);
        req.on('error', reject);
        req.on('response', (res) => {
          const lines: string[] = [];
          const waiters: ((line: string) => void)[] = [];
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            let nl: number;
            while ((nl = buffer.indexOf('\n')) >= 0) {
              const line = buffer.slice(0, nl);
              buffer = buffer.slice(nl + 1);
              const w = waiters.shift();
              if (w) w(line);
              else lines.push(line);
            }
          });
          const ended = new Promise<void>((r) => res.on('close', () => r()));
          const close = () => req.destroy();
          streams.add(close);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            ended,
            close,
            next(timeoutMs = 5000) {
              const line = lines.shift();
              if (line !== undefined) return Promise.resolve(JSON.parse(line));
              return new Promise((res2, rej2) => {
                const timer = setTimeout(() => rej2(new Error(`no watch event within ${timeoutMs} ms`)), timeoutMs);
                waiters.push((l) => {
                  clearTimeout(timer);
                  res2(JSON.parse(l));
                });
              });
            },
          });
        });
      });
    },
  };
}

/** The directory of the versioned kubectl binaries, or undefined when kubectl is not installed. */
export function kubectlBinary(version?: string): string | undefined {
  try {
    const real = execFileSync('sh', ['-c', 'readlink -f "$(command -v kubectl)"'], { encoding: 'utf8' }).trim();
    if (!real) return undefined;
    if (!version) return real;
    const versioned = join(real, '..', `kubectl.${version}`);
    execFileSync(versioned, ['version', '--client'], { stdio: 'ignore' });
    return versioned;
  } catch {
    return undefined;
  }
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command (real kubectl) with a private cache dir and the server's kubeconfig. */
export function run(binary: string, args: string[], env: NodeJS.ProcessEnv = {}, input?: string, timeoutMs = 60_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}
