// Server figures, measured against a real `ktl server` child process over HTTPS:
// ready time, creates/s, list latency with 10k pods (JSON and Table), watch fan-out to 100
// watchers, and memory per 10k stored pods. Run: npm run bench (or node --import tsx bench/server.ts [--quick]).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../test/helpers/ktl-process.ts';

const quick = process.argv.includes('--quick');
const PODS = quick ? 2_000 : 10_000;
const CONCURRENCY = 32;
const WATCHERS = 100;

const pod = (i: number) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: `web-7d4b9c8f6d-${i.toString(36).padStart(5, '0')}`,
    labels: { app: 'web', 'pod-template-hash': '7d4b9c8f6d', tier: 'frontend' },
    annotations: { 'example.com/owner': 'team-web' },
  },
  spec: {
    containers: [
      {
        name: 'web',
        image: 'registry.example.com/team/web:1.27.3',
        ports: [{ containerPort: 8080, protocol: 'TCP' }],
        env: [
          { name: 'MODE', value: 'production' },
          { name: 'LOG_LEVEL', value: 'info' },
        ],
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
      },
    ],
    nodeSelector: { 'kubernetes.io/os': 'linux' },
  },
});

function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

async function createPods(server: ServerProcess, from: number, count: number): Promise<number> {
  let next = from;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < from + count) {
        const i = next++;
        const r = await server.call('POST', '/api/v1/namespaces/default/pods', pod(i));
        if (r.status !== 201) throw new Error(`create failed: ${r.status} ${JSON.stringify(r.json)}`);
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

function timedGet(server: ServerProcess, path: string, accept: string): Promise<{ ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(new URL(path, server.url), { agent: server.agent, headers: { Accept: accept } }, (res) => {
      let bytes = 0;
      res.on('data', (d: Buffer) => (bytes += d.length));
      res.on('end', () => resolve({ ms: performance.now() - started, bytes }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function watchFanOut(server: ServerProcess): Promise<{ p50: number; p99: number }> {
  const latencies: number[] = [];
  const sentAt = new Map<string, number>();
  let pending = 0;
  let done!: () => void;
  const allSeen = new Promise<void>((r) => (done = r));
  const list = (await server.call('GET', '/api/v1/namespaces/fanout/configmaps')).json;
  // One connection per watcher, apart from the pool the writes use.
  const agent = new Agent({ ...server.agent.options, keepAlive: false, maxSockets: Infinity });
  const requests = await Promise.all(
    Array.from(
      { length: WATCHERS },
      () =>
        new Promise<ReturnType<typeof request>>((resolve) => {
          const req = request(new URL(`/api/v1/namespaces/fanout/configmaps?watch=1&resourceVersion=${list.metadata.resourceVersion}`, server.url), { agent }, (res) => {
            let buffer = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              buffer += chunk;
              let nl: number;
              while ((nl = buffer.indexOf('\n')) >= 0) {
                const ev = JSON.parse(buffer.slice(0, nl));
                buffer = buffer.slice(nl + 1);
                const at = sentAt.get(ev.object.metadata.name);
                if (at !== undefined) latencies.push(performance.now() - at);
                if (--pending === 0) done();
              }
            });
          });
          req.on('response', () => resolve(req));
          req.end();
        }),
    ),
  );
  const EVENTS = 20;
  pending = EVENTS * WATCHERS;
  for (let i = 0; i < EVENTS; i++) {
    sentAt.set(`e${i}`, performance.now());
    await server.call('POST', '/api/v1/namespaces/fanout/configmaps', { metadata: { name: `e${i}` }, data: { i: String(i) } });
  }
  await allSeen;
  for (const r of requests) r.destroy();
  agent.destroy();
  return { p50: median(latencies), p99: percentile(latencies, 0.99) };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-bench-'));
  const rows: [string, string][] = [];
  try {
    const started = performance.now();
    const server = await startServerProcess(dir, ['--storage', 'sqlite']);
    rows.push(['server ready (fresh data dir, sqlite, process start to kubeconfig written)', `${(performance.now() - started).toFixed(0)} ms`]);
    const baseRss = rssKiB(server.child.pid!);
    const rate = await createPods(server, 0, PODS);
    rows.push([`creates/s (pods, ${CONCURRENCY} in flight, sqlite, fsync per commit group)`, rate.toFixed(0)]);
    const rss = rssKiB(server.child.pid!);
    rows.push([`memory per ${PODS} stored pods (process RSS growth)`, `${((rss - baseRss) / 1024).toFixed(1)} MiB`]);
    for (const [label, accept] of [
      ['JSON', 'application/json'],
      ['Table', 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json'],
    ] as const) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 7; i++) {
        const r = await timedGet(server, '/api/v1/namespaces/default/pods', accept);
        times.push(r.ms);
        bytes = r.bytes;
      }
      rows.push([`list ${PODS} pods, ${label} (median of 7, ${(bytes / 1024 / 1024).toFixed(1)} MiB)`, `${median(times).toFixed(0)} ms`]);
    }
    await server.call('POST', '/api/v1/namespaces', { metadata: { name: 'fanout' } });
    const fan = await watchFanOut(server);
    rows.push([`watch fan-out to ${WATCHERS} watchers (create → event received)`, `p50 ${fan.p50.toFixed(1)} ms, p99 ${fan.p99.toFixed(1)} ms`]);
    server.child.kill('SIGTERM');
    await server.exited;
    server.agent.destroy();
    const restartStarted = performance.now();
    const again = await startServerProcess(dir);
    rows.push([`server ready (restart with ${PODS} pods stored)`, `${(performance.now() - restartStarted).toFixed(0)} ms`]);
    again.child.kill('SIGTERM');
    await again.exited;
    again.agent.destroy();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

await main();
