// A `ktl server` child process (the built bin/ktl), for tests that restart or kill the server.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { join } from 'node:path';
import { parseKubeconfig } from '../../src/kubeconfig/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');
export const KTL_BIN = join(ROOT, 'bin', 'ktl');

/** bin/ktl runs the bundle: build it when a test file runs on its own before `npm run build`. */
export function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'ktl.mjs'))) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** The admin kubeconfig the server wrote. */
  kubeconfig: string;
  agent: Agent;
  exited: Promise<number | null>;
  call(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }>;
}

export async function startServerProcess(dataDir: string, extraArgs: string[] = []): Promise<ServerProcess> {
  ensureBuilt();
  const kubeconfig = join(dataDir, `kubeconfig-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const child = spawn(process.execPath, [KTL_BIN, 'server', '--port', '0', '--data-dir', dataDir, '--write-kubeconfig', kubeconfig, ...extraArgs], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  let cluster, user;
  try {
    while (!existsSync(kubeconfig)) {
      if (child.exitCode !== null) throw new Error(`ktl server exited: ${stderr}`);
      if (Date.now() > deadline) throw new Error(`ktl server did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const config = await parseKubeconfig(readFileSync(kubeconfig, 'utf8'));
    cluster = config.clusters.ktl;
    user = config.authInfos.ktl;
    if (!cluster || !user) throw new Error(`the kubeconfig the server wrote has no "ktl" entries: ${kubeconfig}`);
  } catch (e) {
    // a server left running would keep the test process alive
    child.kill('SIGKILL');
    throw e;
  }
  const agent = new Agent({ ca: cluster.certificateAuthorityData, cert: user.clientCertificateData, key: user.clientKeyData, keepAlive: true, maxSockets: 32 });
  const url = cluster.server;
  return {
    child,
    url,
    kubeconfig,
    agent,
    exited,
    call(method, path, body) {
      return new Promise((resolve, reject) => {
        const text = body === undefined ? undefined : JSON.stringify(body);
        const req = request(new URL(path, url), {
          method,
          agent,
          headers: text ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) } : {},
        });
        req.on('error', reject);
        req.on('response', (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (data += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: data ? JSON.parse(data) : undefined }));
          res.on('error', reject);
        });
        req.end(text);
      });
    },
  };
}
