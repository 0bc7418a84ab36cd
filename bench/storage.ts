// Storage figures: writes/s, list latency with 10k matching keys among 100k, memory per 10k
// pod-sized objects. Run: node --import tsx bench/storage.ts [--quick]
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { KubeObject } from '../src/api/object.ts';
import { createMemoryStorage } from '../src/server/storage/memory.ts';
import { openSqliteStorage } from '../src/server/storage/sqlite.ts';
import type { Storage } from '../src/server/storage/storage.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const quick = process.argv.includes('--quick');
const N = quick ? 2_000 : 10_000;

/** A pod as a Deployment makes it, about 2 KB of JSON. */
const podName = (i: number) => `web-7d4b9c8f6d-${i.toString(36).padStart(5, '0')}`;

function pod(i: number, ns = 'default'): KubeObject {
  const name = podName(i);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ns,
      uid: `6f1c2a4e-0b7d-4c1e-9a3f-${i.toString(16).padStart(12, '0')}`,
      creationTimestamp: '2024-05-01T10:00:00Z',
      generateName: 'web-7d4b9c8f6d-',
      labels: { app: 'web', 'pod-template-hash': '7d4b9c8f6d', tier: 'frontend' },
      annotations: { 'kubectl.kubernetes.io/restartedAt': '2024-05-01T09:59:00Z' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9c8f6d', uid: '1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901', controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      containers: [
        {
          name: 'web',
          image: 'registry.example.com/team/web:1.27.3',
          ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
          env: [
            { name: 'LOG_LEVEL', value: 'info' },
            { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
          ],
          resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
          readinessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
          volumeMounts: [{ name: 'kube-api-access-x7k2p', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }],
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      volumes: [{ name: 'kube-api-access-x7k2p', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }, { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }] } }],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      nodeName: `node-${i % 50}`,
      schedulerName: 'default-scheduler',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: {
      phase: 'Running',
      conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastTransitionTime: '2024-05-01T10:00:05Z' })),
      hostIP: '10.0.0.12',
      podIP: `10.244.${(i >> 8) & 255}.${i & 255}`,
      startTime: '2024-05-01T10:00:00Z',
      containerStatuses: [{ name: 'web', ready: true, restartCount: 0, image: 'registry.example.com/team/web:1.27.3', imageID: 'registry.example.com/team/web@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0', containerID: 'containerd://4b825dc642cb6eb9a060e54bf8d69288fbee4904', started: true, state: { running: { startedAt: '2024-05-01T10:00:04Z' } } }],
      qosClass: 'Burstable',
    },
  };
}

const podKey = (i: number, ns = 'default') => `/registry/pods/${ns}/${podName(i)}`;
const ms = (t0: number) => performance.now() - t0;
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

async function timeWrites(label: string, s: Storage, count: number, inFlight: number, offset: number): Promise<void> {
  const t0 = performance.now();
  for (let i = 0; i < count; i += inFlight) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + inFlight); j++) batch.push(s.create(podKey(offset + j, 'bench'), pod(offset + j, 'bench')));
    await Promise.all(batch);
  }
  const t = ms(t0);
  console.log(`  ${label.padEnd(44)} ${fmt((count / t) * 1000, 0).padStart(8)} creates/s  (${fmt((t / count) * 1000, 0)} µs each)`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeList(label: string, s: Storage, prefix: string, opts: { revision?: number; limit?: number } = {}): Promise<void> {
  const runs: number[] = [];
  let count = 0;
  for (let r = 0; r < 15; r++) {
    const t0 = performance.now();
    count = 0;
    let after: string | undefined;
    for (;;) {
      const page = await s.list(prefix, { ...opts, after });
      count += page.items.length;
      if (page.remaining === 0) break;
      after = page.items.at(-1)!.key;
    }
    runs.push(ms(t0));
  }
  console.log(`  ${label.padEnd(44)} ${fmt(median(runs), 2).padStart(8)} ms median (${count} items)`);
}

/** Heap held by a storage with N pods (index, history and all), measured around forced GCs. */
async function heapPerObject(open: () => Promise<Storage>): Promise<string> {
  gc();
  gc();
  const base = process.memoryUsage().heapUsed;
  const store = await open();
  await Promise.all(Array.from({ length: N }, (_, i) => store.create(podKey(i), pod(i))));
  gc();
  const used = process.memoryUsage().heapUsed - base;
  await store.close();
  return `heap ${fmt(used / 1024 / 1024)} MiB for ${N} (${fmt(used / N / 1024, 2)} KiB per object, with their ${Math.min(N, 10_000)} history events)`;
}

async function main(): Promise<void> {
  console.log(`pod JSON size: ${JSON.stringify(pod(1)).length} bytes; N = ${N}`);
  const dir = await mkdtemp(join(tmpdir(), 'ktl-bench-'));
  try {
    console.log('\nwrites');
    const mem = createMemoryStorage();
    await timeWrites('memory, one at a time', mem, N, 1, 0);
    await timeWrites('memory, 100 in flight', mem, N, 100, N);
    await mem.close();
    const warm = await openSqliteStorage(join(dir, 'warm.db'));  // the first fsyncs on a new file are slow
    for (let i = 0; i < 300; i++) await warm.create(`/registry/warm/${i}`, pod(i));
    await warm.close();
    for (const groupCommit of [true, false]) {
      const s = await openSqliteStorage(join(dir, `w-${groupCommit}.db`), { groupCommit });
      const tag = groupCommit ? 'group commit' : 'no group commit';
      await timeWrites(`sqlite (${tag}), one at a time`, s, quick ? 500 : 2000, 1, 0);
      await timeWrites(`sqlite (${tag}), 100 in flight`, s, N, 100, 10 * N);
      await s.close();
    }

    console.log(`\nlist: ${N} pods in one namespace, ${9 * N} other objects`);
    const s = await openSqliteStorage(join(dir, 'list.db'));
    const writes = [];
    for (let i = 0; i < N; i++) writes.push(s.create(podKey(i), pod(i)));
    for (let i = 0; i < 9 * N; i++) {
      const ns = `ns-${i % 100}`;
      writes.push(s.create(`/registry/configmaps/${ns}/cm-${i}`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}`, namespace: ns }, data: { k: 'v' } }));
    }
    await Promise.all(writes);
    const before = s.revision();
    await Promise.all(Array.from({ length: 1000 }, (_, i) => s.update(podKey(i * 7), { ...pod(i * 7), spec: { changed: true } })));
    await timeList('list /registry/pods/ (all)', s, '/registry/pods/');
    await timeList('list /registry/pods/default/ (all)', s, '/registry/pods/default/');
    await timeList('list /registry/pods/ in pages of 500', s, '/registry/pods/', { limit: 500 });
    await timeList('list at an older revision (1000 writes back)', s, '/registry/pods/', { revision: before });
    await timeList('  same, in pages of 500', s, '/registry/pods/', { revision: before, limit: 500 });
    await timeList('list one namespace of configmaps', s, '/registry/configmaps/ns-1/');
    await s.close();
    const t0 = performance.now();
    const reopened = await openSqliteStorage(join(dir, 'list.db'));
    console.log(`  reopen (load ${10 * N} objects)                 ${fmt(ms(t0), 0).padStart(8)} ms`);
    await reopened.close();
    console.log(`  database file: ${fmt((await stat(join(dir, 'list.db'))).size / 1024 / 1024)} MiB`);

    console.log(`\nmemory: ${N} pods`);
    console.log(`  memory   ${await heapPerObject(async () => createMemoryStorage())}`);
    console.log(`  sqlite   ${await heapPerObject(() => openSqliteStorage(join(dir, 'mem.db')))}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
