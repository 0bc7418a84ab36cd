// CLI figures as ratios ktl/kubectl, both run as processes in the same session against one bundled
// server: `get pods` (50 pods), `get pods -A -o json` (5000 pods), `__complete get pod ''` and
// `config view`. Each command runs alternately with both binaries after a warm-up (discovery cache
// filled), and the medians are compared. Run: npm run bench (or node --import tsx bench/cli.ts [--quick]).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KTL_BIN, ensureBuilt, startServerProcess, type ServerProcess } from '../test/helpers/ktl-process.ts';
import { kubectlBinary } from '../test/helpers/server.ts';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 5 : 15;
const SMALL = 50;
const LARGE = quick ? 1000 : 5000;
const NAMESPACES = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const pod = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app: 'bench' } },
  spec: { containers: [{ name: 'c', image: 'registry.example.com/bench:1.0', ports: [{ containerPort: 8080 }] }] },
});

async function createPods(server: ServerProcess, namespace: string, count: number): Promise<void> {
  await server.call('POST', '/api/v1/namespaces', { metadata: { name: namespace } });
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < count) {
        const name = `pod-${String(next++).padStart(5, '0')}`;
        const r = await server.call('POST', `/api/v1/namespaces/${namespace}/pods`, pod(name));
        if (r.status !== 201) throw new Error(`create failed: ${r.status} ${JSON.stringify(r.json)}`);
      }
    }),
  );
}

/** Wall time of one run in ms; a failing command is an error, not a figure. */
function timeRun(bin: string, args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const r = spawnSync(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  return ms;
}

async function main() {
  ensureBuilt();
  const kubectl = kubectlBinary('1.32');
  const dir = mkdtempSync(join(tmpdir(), 'ktl-bench-cli-'));
  const server = await startServerProcess(join(dir, 'server'), ['--storage', 'memory']);
  try {
    await createPods(server, 'small', SMALL);
    for (let n = 0; n < NAMESPACES; n++) await createPods(server, `large-${n}`, LARGE / NAMESPACES);
    const cases: [string, string[]][] = [
      [`get pods (${SMALL} pods)`, ['get', 'pods', '-n', 'small']],
      [`get pods -A -o json (${LARGE + SMALL} pods)`, ['get', 'pods', '-A', '-o', 'json']],
      [`__complete get pod '' (${SMALL} pods)`, ['__complete', 'get', 'pod', '-n', 'small', '']],
      ['config view', ['config', 'view']],
    ];
    const rows: string[][] = [['command', 'ktl (median)', 'kubectl (median)', 'ktl/kubectl']];
    for (const [label, args] of cases) {
      const envFor = (who: string): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: join(dir, `home-${who}`), KUBECONFIG: server.kubeconfig });
      const ktlEnv = envFor('ktl');
      const kubectlEnv = envFor('kubectl');
      timeRun(KTL_BIN, args, ktlEnv);
      if (kubectl) timeRun(kubectl, args, kubectlEnv);
      const ktlTimes: number[] = [];
      const kubectlTimes: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        ktlTimes.push(timeRun(KTL_BIN, args, ktlEnv));
        if (kubectl) kubectlTimes.push(timeRun(kubectl, args, kubectlEnv));
      }
      const k = median(ktlTimes);
      const ref = kubectl ? median(kubectlTimes) : undefined;
      rows.push([label, `${k.toFixed(0)} ms`, ref === undefined ? 'n/a' : `${ref.toFixed(0)} ms`, ref === undefined ? 'n/a' : `${(k / ref).toFixed(2)}`]);
    }
    if (!kubectl) console.log('kubectl 1.32 is not installed: ratios are not available, ktl times only');
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    server.agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
