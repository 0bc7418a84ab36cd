// Differential tests of `events`: real kubectl 1.32 and ktl list, filter, print and watch the same
// Event objects (core v1, and events.k8s.io v1 ones, which the typed core client reads too) on
// one bundled server.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SKIP, normalize, startCompat, type Compat } from './harness.ts';

// Ages also appear inside "(x4 over 50m)".
const AGE = /(?<=\(|\s)(\d+d\d*h?|\d+h\d*m?|\d+m\d*s?|\d+s)(?=\))/g;
const norm = (s: string) => normalize(s).replace(AGE, (m) => '~'.repeat(m.length));

/** Event manifests with times relative to `now`. */
function fixtures(now: number): string {
  // Ages of 10m..179m print as "<n>m", whose width holds while the suite runs; shorter ones
  // ("3m7s") change width from one second to the next, between the kubectl and the ktl run.
  const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const agoMicro = (minutes: number) => new Date(now - minutes * 60_000).toISOString().replace(/\.(\d+)Z$/, '.$1000Z');
  const core = (ns: string, name: string, body: string) => `---
apiVersion: v1
kind: Event
metadata: {name: ${name}, namespace: ${ns}}
${body}
`;
  const many = Array.from({ length: 15 }, (_, i) =>
    core('many', `same-${String.fromCharCode(111 - i)}`, `involvedObject: {kind: Pod, name: p${i}, namespace: many, apiVersion: v1}
reason: R${i}
message: "tied ${i}"
type: ${i % 3 ? 'Normal' : 'Warning'}
firstTimestamp: ${ago(30)}
lastTimestamp: ${ago(30)}
count: 1`),
  ).join('');
  return (
    core('default', 'web.scaled', `involvedObject: {kind: Deployment, name: web, namespace: default, apiVersion: apps/v1}
reason: ScalingReplicaSet
message: "Scaled up replica set web-abc to 3  "
type: Normal
source: {component: deployment-controller}
firstTimestamp: ${ago(150)}
lastTimestamp: ${ago(150)}
count: 1`) +
    core('default', 'pod.backoff', `involvedObject: {kind: Pod, name: lonely-1, namespace: default, apiVersion: v1, fieldPath: "spec.containers{c}"}
reason: BackOff
message: "Back-off restarting failed container c in pod lonely-1_default"
type: Warning
source: {component: kubelet, host: node1}
firstTimestamp: ${ago(50)}
lastTimestamp: ${ago(15)}
count: 4`) +
    core('default', 'pod.pulled', `involvedObject: {kind: Pod, name: lonely-1, namespace: default}
reason: Pulled
message: "image pulled"
type: Normal
eventTime: ${agoMicro(45)}
reportingComponent: kubelet
reportingInstance: node1
action: Pull
series: {count: 3, lastObservedTime: ${agoMicro(12)}}`) +
    core('default', 'cm.updated', `involvedObject: {kind: ConfigMap, name: settings, namespace: default, apiVersion: v1}
reason: Updated
message: "config changed"
type: Normal
source: {component: operator}
firstTimestamp: ${ago(2000)}
lastTimestamp: ${ago(2000)}
count: 1`) +
    core('kube-system', 'node.starting', `involvedObject: {kind: Node, name: node1, namespace: kube-system}
reason: Starting
message: "Starting kubelet."
type: Normal
firstTimestamp: ${ago(100)}
lastTimestamp: ${ago(100)}`) +
    core('odd', 'no-times', `involvedObject: {name: nameless, namespace: odd}
reason: Mystery
message: "line one\\nline two"
type: Custom`) +
    core('odd', 'escape', `involvedObject: {kind: Pod, name: "p\\e[31m", namespace: odd}
reason: "Esc\\r"
message: "  padded\\t tab  "
type: Warning
firstTimestamp: ${ago(13)}
lastTimestamp: ${ago(11)}
count: 2`) +
    many +
    `---
apiVersion: events.k8s.io/v1
kind: Event
metadata: {name: new-style, namespace: default}
regarding: {kind: Pod, name: p2, namespace: default, apiVersion: v1}
reason: Created
note: "created container"
type: Normal
eventTime: ${agoMicro(25)}
reportingController: kubelet
reportingInstance: node1
action: Create
`
  );
}

describe('kubectl events', { skip: SKIP }, () => {
  let c: Compat;
  const cleanups: (() => unknown)[] = [];
  const same = (args: string[]) => c.same(['events', ...args], { normalize: norm });
  const ok = async (args: string[], input?: string) => {
    const r = await c.kubectl(args, { input });
    assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
  };

  before(async () => {
    c = await startCompat({ after: (fn) => cleanups.push(fn) });
    for (const ns of ['odd', 'many', 'quiet']) await ok(['create', 'namespace', ns]);
    await ok(['create', '-f', '-'], fixtures(Date.now()));
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  test('tables', async () => {
    await same([]);
    await same(['-A']);
    await same(['-n', 'kube-system']);
    await same(['-n', 'odd']);
    // 15 events seen at the same moment: Go's unstable sort decides their order
    await same(['-n', 'many']);
    await same(['--no-headers']);
    await same(['-A', '--no-headers']);
    await same(['--chunk-size=1']);
    await same(['ignored', 'arguments']);
  });

  test('nothing found', async () => {
    await same(['-n', 'quiet']);
    await same(['-n', 'no-such-namespace']);
    await same(['-A', '--for', 'pod/nobody']);
    await same(['-n', 'kube-system', '--types', 'Warning']);
  });

  test('--for', async () => {
    await same(['--for', 'pod/lonely-1']);
    await same(['--for', 'Pod/lonely-1']);
    await same(['--for', 'deploy/web']);
    await same(['--for', 'deployments.apps/web']);
    await same(['--for', 'deployments.v1.apps/web']);
    await same(['--for', 'cm/settings', '-o', 'yaml']);
    await same(['--for', 'pod/']);
    await same(['-A', '--for', 'node/node1']);
    await same(['--for', 'pod/a,b=c']);
  });

  test('--for errors', async () => {
    await same(['--for', 'pod']);
    await same(['--for', 'a/b/c']);
    await same(['--for', 'nosuchtype/x']);
    await same(['--for', 'x.y.z/w']);
    await same(['--for', '/x']);
    await same(['--for', '.apps/x']);
  });

  test('--types', async () => {
    await same(['--types', 'Warning']);
    await same(['--types', 'normal']);
    await same(['--types', 'Normal,Warning', '-A']);
    await same(['--types', 'Warning', '--types', 'Normal', '-n', 'many']);
    await same(['--types', 'Bogus']);
    await same(['--types', 'Normal,']);
    // the printer is checked before the types
    await same(['--types', 'Bogus', '-o', 'wide']);
  });

  test('-o formats', async () => {
    await same(['-o', 'yaml']);
    await same(['-o', 'json']);
    await same(['-A', '-o', 'json']);
    await same(['-n', 'odd', '-o', 'yaml']);
    await same(['-o', 'json', '--show-managed-fields', '--for', 'deploy/web']);
    await same(['-o', 'yaml', '--show-managed-fields', '--for', 'deploy/web']);
    await same(['-o', 'jsonpath={.items[*].reason}']);
    await same(['-o', 'jsonpath={.items[0]}']);
    await same(['-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.type}{"\\n"}{end}']);
    await same(['-o', 'go-template={{range .items}}{{.reason}} {{.count}}{{"\\n"}}{{end}}']);
    await same(['-o', 'custom-columns=R:.reason']);
    await same(['-o', 'wide']);
    // printing failures are dropped silently, exit code 0
    await same(['-o', 'name']);
    await same(['-o', 'jsonpath={.nothing}', '--allow-missing-template-keys=false']);
    await same(['-o', 'go-template={{.nothing.deeper}}']);
    await same(['-o', 'go-template']);
    await same(['-o', 'jsonpath={']);
    // --template without -o leaves the table
    await same(['--template', '{{.kind}}']);
  });

  test('watch until the request timeout', async () => {
    await same(['-w', '--request-timeout=1s']);
    await same(['-w', '--request-timeout=1s', '-A', '--no-headers']);
    await same(['-w', '--request-timeout=1s', '-o', 'yaml']);
    await same(['-w', '--request-timeout=1s', '-o', 'json', '--types', 'warning']);
    await same(['-w', '--request-timeout=1s', '-o', 'name', '-n', 'many']);
    await same(['-w', '--request-timeout=1s', '--for', 'pod/lonely-1']);
  });

  test('watch shows events created while it runs, and not deleted ones', async () => {
    const event = JSON.stringify({
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'live.1', namespace: 'quiet' },
      involvedObject: { kind: 'Pod', name: 'live', namespace: 'quiet' }, reason: 'LiveOne', message: 'arrived during the watch', type: 'Warning',
      firstTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), lastTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), count: 1,
    });
    const watchOnce = async (command: string[]) => {
      const child = spawn(command[0]!, [...command.slice(1), 'events', '-w', '-n', 'quiet'], { env: { PATH: process.env.PATH, ...c.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      const saw = (text: string) => new Promise<void>((resolve) => {
        const check = () => (stdout.includes(text) ? resolve() : undefined);
        child.stdout.on('data', check);
        check();
      });
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
      // the watch is open once the server has it: wait for the server to see a watcher by creating after a first event
      await c.kubectl(['create', '-f', '-'], { input: event.replace('live.1', 'live.0').replace('LiveOne', 'LiveZero') });
      await saw('LiveZero');
      await c.kubectl(['create', '-f', '-'], { input: event });
      await saw('LiveOne');
      await c.kubectl(['delete', 'event', 'live.0', 'live.1', '-n', 'quiet']);
      // a deletion is not printed: a later event shows the stream moved past it
      await c.kubectl(['create', '-f', '-'], { input: event.replace('live.1', 'live.2').replace('LiveOne', 'LiveTwo') });
      await saw('LiveTwo');
      await c.kubectl(['delete', 'event', 'live.2', '-n', 'quiet']);
      child.kill('SIGTERM');
      await exited;
      return { stdout, stderr };
    };
    const expected = await watchOnce([join(c.dir, 'real', 'kubectl')]);
    const actual = await watchOnce([process.execPath, join(c.dir, 'bin', 'kubectl')]);
    assert.equal(norm(actual.stdout), norm(expected.stdout));
    assert.equal(actual.stderr, expected.stderr);
    assert.match(expected.stdout, /LiveZero[\s\S]*LiveOne[\s\S]*LiveTwo/);
  });

  test('configuration and connection errors', async () => {
    await same(['--context', 'nope']);
    await same(['-s', 'https://127.0.0.1:1']);
    await same(['--bogus']);
  });
});
