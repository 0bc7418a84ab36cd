// Differential tests of `version`, `cluster-info` and `cluster-info dump`: real kubectl 1.32 and
// ktl against the same servers (the bundled one, and small fake /version servers for the skew
// warning). Only the client's own version facts are masked, and only those.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SKIP, normalize, startCompat, type Compat } from './harness.ts';

/** The fields of clientVersion that name the build rather than the kubectl line (major/minor stay compared). */
const CLIENT_FIELDS = 'gitVersion|gitCommit|gitTreeState|buildDate|goVersion|compiler';
const GO_CLIENT_FIELDS = 'GitVersion|GitCommit|GitTreeState|BuildDate|GoVersion|Compiler';

/** Masks the client's build facts: the `Client Version:` line, and those fields inside clientVersion (JSON or YAML). */
export function maskClientVersion(s: string): string {
  return s
    .replace(/^Client Version: .*$/m, 'Client Version: <client>')
    .replace(/"clientVersion": \{[^}]*\}/, (block) => block.replace(new RegExp(`("(?:${CLIENT_FIELDS})": )"[^"]*"`, 'g'), '$1"<client>"'))
    .replace(/^clientVersion:\n(?: {2}.*\n)*/m, (block) => block.replace(new RegExp(`^( {2}(?:${CLIENT_FIELDS}): ).*$`, 'gm'), '$1<client>'))
    // --match-server-version prints the client's version.Info with Go's %#v
    .replace(/client version \(version\.Info\{[^}]*\}\)/, (block) => block.replace(new RegExp(`((?:${GO_CLIENT_FIELDS}):)"[^"]*"`, 'g'), '$1"<client>"'));
}

test('maskClientVersion masks only the client build fields', () => {
  const json = '{\n  "clientVersion": {\n    "major": "1",\n    "gitVersion": "v1.32.5",\n    "platform": "linux/amd64"\n  },\n  "serverVersion": {\n    "gitVersion": "v1.33.0"\n  }\n}\n';
  assert.equal(maskClientVersion(json), '{\n  "clientVersion": {\n    "major": "1",\n    "gitVersion": "<client>",\n    "platform": "linux/amd64"\n  },\n  "serverVersion": {\n    "gitVersion": "v1.33.0"\n  }\n}\n');
  const yaml = 'clientVersion:\n  buildDate: "2025"\n  minor: "32"\nserverVersion:\n  buildDate: "2026"\n';
  assert.equal(maskClientVersion(yaml), 'clientVersion:\n  buildDate: <client>\n  minor: "32"\nserverVersion:\n  buildDate: "2026"\n');
  assert.equal(maskClientVersion('Client Version: v1\nServer Version: v2\n'), 'Client Version: <client>\nServer Version: v2\n');
  assert.equal(
    maskClientVersion('server version (&version.Info{Major:"1", GitVersion:"v1.33"}) differs from client version (version.Info{Major:"1", GitVersion:"v1.32.5"})'),
    'server version (&version.Info{Major:"1", GitVersion:"v1.33"}) differs from client version (version.Info{Major:"1", GitVersion:"<client>"})',
  );
});

const norm = (s: string) => maskClientVersion(normalize(s));

/** A plain-HTTP server answering /version with `body` (and 404 elsewhere). */
async function fakeVersionServer(status: number, body: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/version')) {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(body);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end('{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,"message":"nothing here"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, server };
}

const versionBody = (gitVersion: string, major = '1', minor = '29') =>
  JSON.stringify({ major, minor, gitVersion, gitCommit: 'abc', gitTreeState: 'clean', buildDate: '2024-01-01T00:00:00Z', goVersion: 'go1.21', compiler: 'gc', platform: 'linux/amd64', extra: 'dropped' });

describe('kubectl version', { skip: SKIP }, () => {
  let c: Compat;
  const cleanups: (() => unknown)[] = [];
  const same = (args: string[], env?: NodeJS.ProcessEnv) => c.same(args, { normalize: norm, env });

  before(async () => {
    c = await startCompat({ after: (fn) => cleanups.push(fn) });
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  test('text, json, yaml', async () => {
    await same(['version']);
    await same(['version', '-o', 'json']);
    await same(['version', '-o', 'yaml']);
  });

  test('--client', async () => {
    await same(['version', '--client']);
    await same(['version', '--client', '-o', 'json']);
    await same(['version', '--client', '-o', 'yaml']);
    // with --client, extra arguments and a bad context are not looked at
    await same(['version', '--client', 'extra']);
    await same(['version', '--client', '--context', 'nope']);
  });

  test('argument and flag errors', async () => {
    await same(['version', 'extra']);
    await same(['version', '-o', 'wide']);
    await same(['version', '--client', '-o', 'wide']);
    await same(['version', '-o', 'wide', 'extra']);
    await same(['version', '--short']);
  });

  test('no server: the client lines, then the error', async () => {
    await same(['version', '-s', 'https://127.0.0.1:1']);
    await same(['version', '-s', 'https://127.0.0.1:1', '-o', 'json']);
    await same(['version', '-s', 'https://127.0.0.1:1', '-o', 'yaml']);
    const empty = c.file('empty.kubeconfig', '');
    await same(['version'], { KUBECONFIG: empty });
    await same(['version', '--context', 'nope']);
  });

  test('--match-server-version', async () => {
    await same(['version', '--match-server-version']);
  });

  test('skew warning and odd /version answers', async () => {
    const servers: Server[] = [];
    try {
      for (const [status, body] of [
        [200, versionBody('v1.29.3')],
        [200, versionBody('v1.31.0')],
        [200, versionBody('v1.34.1-rc.0+abc', '1', '34')],
        [200, versionBody('v2.32.0', '2', '32')],
        [200, versionBody('not-a-version')],
        [200, versionBody('v1.2')],
        [200, JSON.stringify({ gitVersion: 'v1.32.0' })],
        [500, '{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"InternalError","code":500,"message":"broken"}'],
      ] as const) {
        const fake = await fakeVersionServer(status, body);
        servers.push(fake.server);
        await same(['version', '-s', fake.url]);
        await same(['version', '-s', fake.url, '-o', 'json']);
      }
    } finally {
      for (const s of servers) s.close();
    }
  });
});

describe('kubectl cluster-info', { skip: SKIP }, () => {
  let c: Compat;
  const cleanups: (() => unknown)[] = [];
  const same = (args: string[]) => c.same(args, { normalize: norm });
  const ok = async (args: string[], input?: string) => {
    const r = await c.kubectl(args, { input });
    assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
  };

  before(async () => {
    c = await startCompat({ after: (fn) => cleanups.push(fn) });
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  test('no cluster services yet', async () => {
    await same(['cluster-info']);
  });

  test('services of every shape', async () => {
    await ok(['apply', '-f', '-'], `apiVersion: v1
kind: Service
metadata: {name: kube-dns, namespace: kube-system, labels: {kubernetes.io/cluster-service: "true", kubernetes.io/name: CoreDNS}}
spec: {ports: [{name: dns, port: 53, protocol: UDP}, {name: dns-tcp, port: 53, protocol: TCP}]}
---
apiVersion: v1
kind: Service
metadata: {name: metrics-server, namespace: kube-system, labels: {kubernetes.io/cluster-service: "true"}}
spec: {ports: [{port: 443, targetPort: 4443}]}
---
apiVersion: v1
kind: Service
metadata: {name: secure, namespace: kube-system, labels: {kubernetes.io/cluster-service: "true"}}
spec: {ports: [{name: https, port: 8443}]}
---
apiVersion: v1
kind: Service
metadata: {name: external, namespace: kube-system, labels: {kubernetes.io/cluster-service: "true"}}
spec: {type: ExternalName, externalName: example.com}
---
apiVersion: v1
kind: Service
metadata: {name: lb, namespace: kube-system, labels: {kubernetes.io/cluster-service: "true", kubernetes.io/name: LoadBalancer}}
spec: {type: LoadBalancer, ports: [{name: http, port: 80}, {name: alt, port: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: not-labelled, namespace: kube-system}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: elsewhere, namespace: default, labels: {kubernetes.io/cluster-service: "true"}}
spec: {ports: [{port: 80}]}
`);
    await ok(['patch', 'service', 'lb', '-n', 'kube-system', '--subresource=status', '--type=merge', '-p', '{"status":{"loadBalancer":{"ingress":[{"hostname":"lb.example.com"},{"ip":"1.2.3.4"}]}}}']);
    await same(['cluster-info']);
    await same(['cluster-info', 'ignored-argument']);
  });

  test('-n picks the namespace; the context namespace does not', async () => {
    await same(['cluster-info', '-n', 'default']);
    await same(['cluster-info', '-n', 'missing']);
  });

  test('the host is printed as configured', async () => {
    await same(['cluster-info', '-s', `${c.srv.url}/`]);
  });

  test('errors', async () => {
    await same(['cluster-info', '-s', 'https://127.0.0.1:1']);
    await same(['cluster-info', '--context', 'nope']);
    await same(['cluster-info', '--bogus']);
  });
});

/** Every file under dir, relative path → contents. */
function tree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) Object.assign(out, tree(dir, rel));
    else out[rel] = readFileSync(join(dir, rel), 'utf8');
  }
  return out;
}

describe('kubectl cluster-info dump', { skip: SKIP }, () => {
  let c: Compat;
  const cleanups: (() => unknown)[] = [];
  const same = (args: string[]) => c.same(args, { normalize: norm });
  const ok = async (args: string[], input?: string) => {
    const r = await c.kubectl(args, { input });
    assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
  };

  before(async () => {
    c = await startCompat({ after: (fn) => cleanups.push(fn) });
    await ok(['create', 'namespace', 'apps']);
    await ok(['run', 'web', '--image=nginx', '--labels=app=web', '-n', 'apps']);
    await ok(['create', 'deployment', 'api', '--image=nginx', '-n', 'apps']);
    await ok(['create', 'service', 'clusterip', 'api', '--tcp=80:8080', '-n', 'apps']);
    await ok(['apply', '-f', '-'], `apiVersion: v1
kind: Pod
metadata: {name: two, namespace: default}
spec:
  initContainers: [{name: init, image: busybox}]
  containers: [{name: main, image: nginx, resources: {limits: {cpu: 500m}}}, {name: side, image: busybox}]
---
apiVersion: v1
kind: Event
metadata: {name: two.1, namespace: default}
involvedObject: {kind: Pod, name: two, namespace: default, apiVersion: v1}
reason: Scheduled
message: assigned
type: Normal
firstTimestamp: "2026-01-02T03:04:05Z"
lastTimestamp: "2026-01-02T03:04:05Z"
count: 1
`);
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  test('to stdout', async () => {
    await same(['cluster-info', 'dump']);
    await same(['cluster-info', 'dump', '-o', 'yaml']);
    await same(['cluster-info', 'dump', '--namespaces', 'apps,missing']);
    await same(['cluster-info', 'dump', '-A']);
    await same(['cluster-info', 'dump', '--show-managed-fields', '--namespaces', 'default']);
  });

  test('other formats and errors', async () => {
    await same(['cluster-info', 'dump', '-o', 'jsonpath={.kind}{"\\n"}']);
    await same(['cluster-info', 'dump', '--template={{.kind}}{{"\\n"}}']);
    await same(['cluster-info', 'dump', '-o', 'name']);
    await same(['cluster-info', 'dump', '-o', 'wide']);
    await same(['cluster-info', 'dump', '--pod-running-timeout=0s']);
    await same(['cluster-info', 'dump', '-s', 'https://127.0.0.1:1']);
  });

  test('--output-directory', async () => {
    const dir = mkdtempSync(join(c.dir, 'dump-'));
    const expected = await c.kubectl(['cluster-info', 'dump', '--namespaces', 'default,apps', '-o', 'yaml', '--output-directory', dir]);
    const expectedFiles = tree(dir);
    rmSync(dir, { recursive: true });
    const actual = await c.ktl(['cluster-info', 'dump', '--namespaces', 'default,apps', '-o', 'yaml', '--output-directory', dir]);
    const actualFiles = tree(dir);
    assert.deepEqual({ ...actual, stdout: norm(actual.stdout) }, { ...expected, stdout: norm(expected.stdout) });
    assert.deepEqual(Object.keys(actualFiles), Object.keys(expectedFiles));
    for (const [name, text] of Object.entries(expectedFiles)) assert.equal(norm(actualFiles[name]!), norm(text), name);
  });
});
