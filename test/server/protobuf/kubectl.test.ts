// Real kubectl (≥1.32 sends typed bodies as protobuf) through a recording proxy in front of a real
// server: the proxy decodes each protobuf body and forwards it as JSON, as the server will once the
// decoder is wired in. Each decoded body must equal what the same kubectl prints for the object
// with --dry-run=client -o json (Go's JSON of the same struct), key order included.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Agent, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeProtobufObject, isProtobufContentType } from '../../../src/server/protobuf/decode.ts';
import { isApiError } from '../../../src/server/status.ts';
import { kubectlBinary, run, startServer, type Cleanup, type TestServer } from '../../helpers/server.ts';

const KUBECTL_133 = kubectlBinary('1.33');
const KUBECTL_132 = kubectlBinary('1.32');

interface Recorded {
  method: string;
  path: string;
  decoded: unknown;
}

/** A plain-HTTP proxy to the server (with the admin certificate) that turns protobuf bodies into JSON. */
async function startProxy(t: Cleanup, srv: TestServer): Promise<{ kubeconfig: string; bodies: Recorded[]; dir: string }> {
  const { ca, admin } = srv.server.pki;
  const agent = new Agent({ ca: ca.certPem, cert: admin.certPem, key: admin.keyPem, keepAlive: true });
  const bodies: Recorded[] = [];
  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const headers = { ...req.headers };
    delete headers.host;
    if (isProtobufContentType(req.headers['content-type'])) {
      let decoded: unknown;
      try {
        decoded = decodeProtobufObject(body);
      } catch (e) {
        if (!isApiError(e)) throw e;
        res.writeHead(e.code, { 'content-type': 'application/json' }).end(JSON.stringify(e.status));
        return;
      }
      bodies.push({ method: req.method!, path: req.url!, decoded });
      body = Buffer.from(JSON.stringify(decoded));
      headers['content-type'] = 'application/json';
    }
    headers['content-length'] = String(body.length);
    const up = httpsRequest(new URL(req.url!, srv.url), { method: req.method, headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    up.on('error', (e) => res.writeHead(502).end(String(e)));
    up.end(body);
  };
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => forward(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  t.after(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
    agent.destroy();
  });
  const dir = mkdtempSync(join(tmpdir(), 'ktl-pb-'));
  const kubeconfig = join(dir, 'config');
  const { port } = proxy.address() as AddressInfo;
  writeFileSync(
    kubeconfig,
    `apiVersion: v1\nkind: Config\nclusters: [{name: p, cluster: {server: "http://127.0.0.1:${port}"}}]\n` +
      `users: [{name: p, user: {}}]\ncontexts: [{name: p, context: {cluster: p, user: p}}]\ncurrent-context: p\n`,
  );
  return { kubeconfig, bodies, dir };
}

test('bodies of real kubectl create/auth calls decode to kubectl\'s own JSON of the object', { skip: !KUBECTL_133 && 'kubectl 1.33 not installed' }, async (t) => {
  const srv = await startServer(t);
  const { kubeconfig, bodies, dir } = await startProxy(t, srv);
  const kubectl = (binary: string, args: string[]) => run(binary, ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache'), ...args]);

  /** Runs `create ...`, returns the single protobuf body it sent, decoded. */
  async function sent(binary: string, args: string[]) {
    const before = bodies.length;
    const r = await kubectl(binary, args);
    assert.equal(bodies.length, before + 1, `one protobuf body for ${args.join(' ')}: ${r.stderr}`);
    return { result: r, body: bodies.at(-1)! };
  }

  const creates: [string, string[], string][] = [
    [KUBECTL_133!, ['create', 'configmap', 'x', '--from-literal=a=b'], 'configmap/x created\n'],
    [KUBECTL_132 ?? KUBECTL_133!, ['create', 'namespace', 'y'], 'namespace/y created\n'],
    [KUBECTL_133!, ['create', 'secret', 'generic', 's', '--from-literal=k=v\u00e9'], 'secret/s created\n'],
    [KUBECTL_133!, ['create', 'deployment', 'web', '--image=nginx', '--replicas=0', '--port=80'], 'deployment.apps/web created\n'],
    [KUBECTL_133!, ['create', 'service', 'clusterip', 'svc', '--tcp=80:8080'], 'service/svc created\n'],
    [KUBECTL_133!, ['create', 'quota', 'q', '--hard=cpu=1500m,memory=1Gi,pods=10'], 'resourcequota/q created\n'],
    [KUBECTL_133!, ['create', 'poddisruptionbudget', 'pdb', '--selector=app=web', '--min-available=50%'], 'poddisruptionbudget.policy/pdb created\n'],
    [KUBECTL_133!, ['create', 'cronjob', 'cj', '--image=busybox', '--schedule=*/5 * * * *', '--', 'date'], 'cronjob.batch/cj created\n'],
    [KUBECTL_133!, ['create', 'role', 'r', '--verb=get,list', '--resource=pods,deployments.apps'], 'role.rbac.authorization.k8s.io/r created\n'],
    [KUBECTL_133!, ['create', 'ingress', 'ing', '--rule=foo.com/bar*=svc:8080'], 'ingress.networking.k8s.io/ing created\n'],
  ];
  for (const [binary, args, stdout] of creates) {
    const oracle = await kubectl(binary, [args[0]!, '--dry-run=client', '-o', 'json', ...args.slice(1)]);
    assert.equal(oracle.code, 0, oracle.stderr);
    const { result, body } = await sent(binary, args);
    assert.equal(body.method, 'POST');
    const want = JSON.parse(oracle.stdout);
    assert.deepEqual(body.decoded, want, args.join(' '));
    assert.equal(JSON.stringify(body.decoded), JSON.stringify(want), `key order: ${args.join(' ')}`);
    assert.deepEqual({ code: result.code, stdout: result.stdout }, { code: 0, stdout }, result.stderr);
  }

  // The objects reached the server intact.
  const cm = await srv.request('GET', '/api/v1/namespaces/default/configmaps/x');
  assert.deepEqual(cm.json().data, { a: 'b' });
  const secret = await srv.request('GET', '/api/v1/namespaces/default/secrets/s');
  assert.equal(Buffer.from(secret.json().data.k, 'base64').toString('utf8'), 'v\u00e9');
  const deploy = await srv.request('GET', '/apis/apps/v1/namespaces/default/deployments/web');
  assert.equal(deploy.json().spec.replicas, 0);

  // Calls with no client-side dry run: the Go JSON of these structs, written out.
  const ssar = await sent(KUBECTL_133!, ['auth', 'can-i', 'get', 'pods']);
  assert.deepEqual(ssar.body.decoded, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: { resourceAttributes: { namespace: 'default', verb: 'get', resource: 'pods' } },
    status: { allowed: false },
  });
  const whoami = await sent(KUBECTL_133!, ['auth', 'whoami']);
  assert.deepEqual(whoami.body.decoded, {
    kind: 'SelfSubjectReview',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { creationTimestamp: null },
    status: { userInfo: {} },
  });
  const token = await sent(KUBECTL_133!, ['create', 'token', 'default', '--duration=1h', '--audience=a1']);
  assert.equal(token.body.path, '/api/v1/namespaces/default/serviceaccounts/default/token');
  assert.deepEqual(token.body.decoded, {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: { audiences: ['a1'], expirationSeconds: 3600 },
    status: { token: '', expirationTimestamp: null },
  });
});
