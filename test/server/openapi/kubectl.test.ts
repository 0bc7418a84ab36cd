// Real kubectl against a throwaway loopback server that serves only legacy discovery (from
// BUILTIN_RESOURCES) and the OpenAPI documents: `explain` reads v2 protobuf on 1.27/1.28 and v3
// on 1.29+, and `create` sends fieldValidation=Strict only if the support check finds it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { promisify } from 'node:util';
import { builtinGroups, builtinResources } from '../../../src/api/resources.ts';
import { jsonFields, typeNameForKind } from '../../../src/api/types.ts';
import { OpenApiService, V2_PROTOBUF } from '../../../src/server/openapi/service.ts';

const run = promisify(execFile);

function kubectlDir(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const k = join(dir, 'kubectl');
    if (existsSync(k)) return dirname(realpathSync(k));
  }
  return undefined;
}
const KUBECTL_DIR = kubectlDir();
const binary = (v: string) => (KUBECTL_DIR && existsSync(join(KUBECTL_DIR, `kubectl.${v}`)) ? join(KUBECTL_DIR, `kubectl.${v}`) : undefined);
const skipFor = (v: string) => (binary(v) ? false : `kubectl.${v} not installed`);

function handler(svc: OpenApiService, requests: string[]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url!, 'http://localhost');
    const path = url.pathname;
    requests.push(`${req.method} ${req.url}`);
    const send = (body: string | Buffer, type = 'application/json', code = 200) => {
      res.writeHead(code, { 'content-type': type });
      res.end(body);
    };
    const json = (o: unknown) => send(JSON.stringify(o));
    if (path === '/version') return json({ major: '1', minor: '33', gitVersion: 'v1.33.0', platform: 'linux/amd64' });
    if (path === '/api') return json({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] });
    if (path === '/apis') {
      const groups = builtinGroups().filter((g) => g.name).map((g) => ({
        name: g.name,
        versions: g.versions.map((v) => ({ groupVersion: `${g.name}/${v}`, version: v })),
        preferredVersion: { groupVersion: `${g.name}/${g.versions[0]}`, version: g.versions[0] },
      }));
      return json({ kind: 'APIGroupList', apiVersion: 'v1', groups });
    }
    const gv = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
    if (gv) {
      const group = gv[2] ?? '';
      const version = gv[1] ?? gv[3]!;
      const resources = builtinResources.filter((r) => r.group === group && r.version === version).flatMap((r) => [
        { name: r.resource, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs, shortNames: r.shortNames, categories: r.categories },
        ...(r.subresources ?? []).map((s) => ({ name: `${r.resource}/${s.name}`, singularName: '', namespaced: r.namespaced, kind: s.kind, verbs: s.verbs })),
      ]);
      return json({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources });
    }
    if (path === '/openapi/v2') {
      return String(req.headers.accept).includes('protobuf') ? send(svc.v2Protobuf().body, V2_PROTOBUF) : send(svc.v2Json().body);
    }
    if (path === '/openapi/v3') return send(svc.v3Index().body);
    const doc = path.startsWith('/openapi/v3/') ? svc.v3Document(path.slice('/openapi/v3/'.length)) : undefined;
    if (doc) return send(doc.body);
    send(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }), 'application/json', 404);
  };
}

async function stub(t: TestContext) {
  const requests: string[] = [];
  const svc = new OpenApiService({ serverVersion: 'v1.33.0', resources: () => builtinResources });
  const server = createServer(handler(svc, requests));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const dir = mkdtempSync(join(tmpdir(), 'ktl-openapi-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const kubeconfig = join(dir, 'kubeconfig');
  const port = (server.address() as AddressInfo).port;
  writeFileSync(kubeconfig, [
    'apiVersion: v1', 'kind: Config', 'current-context: stub',
    'clusters: [{name: stub, cluster: {server: "http://127.0.0.1:' + port + '"}}]',
    'contexts: [{name: stub, context: {cluster: stub, user: stub}}]', 'users: [{name: stub, user: {}}]', '',
  ].join('\n'));
  const kubectl = async (version: string, args: string[]) => {
    const r = await run(binary(version)!, ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, `cache-${version}`), ...args], { encoding: 'utf8' }).catch((e) => e);
    return { stdout: String(r.stdout), stderr: String(r.stderr), code: r.code ?? 0 };
  };
  return { kubectl, requests, dir };
}

/** Field names under FIELDS: in `kubectl explain` output (two-space indent, name then <type>). */
const explainedFields = (out: string) => [...out.matchAll(/^ {2}([A-Za-z$][\w$-]*)\t?\s*</gm)].map((m) => m[1]);

test('kubectl 1.27 explains from the v2 protobuf', { skip: skipFor('1.27') }, async (t) => {
  const { kubectl, requests } = await stub(t);
  const r = await kubectl('1.27', ['explain', 'deployment.spec.strategy']);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /FIELD: +strategy <DeploymentStrategy>/);
  const strategy = jsonFields(jsonFields(jsonFields(typeNameForKind('apps', 'v1', 'Deployment')!).find((f) => f.name === 'spec')!.type).find((f) => f.name === 'strategy')!.type);
  assert.deepEqual(explainedFields(r.stdout), strategy.map((f) => f.name).sort());
  assert.ok(requests.some((x) => x.startsWith('GET /openapi/v2')));
});

test('kubectl 1.33 explains from the v3 documents', { skip: skipFor('1.33') }, async (t) => {
  const { kubectl, requests } = await stub(t);
  const r = await kubectl('1.33', ['explain', 'pod.spec.containers']);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /FIELD: +containers <\[\]Container>/);
  assert.deepEqual(explainedFields(r.stdout), jsonFields('io.k8s.api.core.v1.Container').map((f) => f.name).sort());
  assert.ok(requests.some((x) => x.startsWith('GET /openapi/v3/api/v1?hash=')));
});

for (const version of ['1.27', '1.28', '1.29', '1.33']) {
  test(`kubectl ${version} finds server-side field validation`, { skip: skipFor(version) }, async (t) => {
    const { kubectl, requests, dir } = await stub(t);
    const manifest = join(dir, 'cm.yaml');
    writeFileSync(manifest, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: default}\ndata: {a: b}\n');
    await kubectl(version, ['create', '-f', manifest]); // the stub answers 404; only the request matters
    assert.ok(requests.includes('POST /api/v1/namespaces/default/configmaps?fieldManager=kubectl-create&fieldValidation=Strict'), requests.join('\n'));
  });
}
