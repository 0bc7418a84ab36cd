// Real kubectl 1.27, 1.30, 1.32 and 1.33 drive the bundled server: discovery, OpenAPI (explain and
// default validation), create/apply, every get format, watch and delete. Skips where kubectl is
// not installed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { kubectlBinary, run, startServer, type TestServer } from '../../helpers/server.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const VERSIONS = ['1.27', '1.30', '1.32', '1.33'];

for (const version of VERSIONS) {
  const binary = kubectlBinary(version);
  describe(`kubectl ${version}`, { skip: binary ? false : `kubectl.${version} is not installed` }, () => {
    let srv: TestServer;
    let env: NodeJS.ProcessEnv;
    const k = (...args: string[]) => run(binary!, args, env);
    const ok = async (...args: string[]) => {
      const r = await k(...args);
      assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed:\n${r.stderr}`);
      assert.doesNotMatch(r.stderr, /error|Error/, `kubectl ${args.join(' ')} printed errors:\n${r.stderr}`);
      return r.stdout;
    };

    const cleanups: (() => unknown)[] = [];
    before(async () => {
      srv = await startServer({ after: (fn) => cleanups.push(fn) });
      env = { KUBECONFIG: srv.kubeconfig, HOME: mkdtempSync(join(tmpdir(), 'ktl-home-')) };
    });
    after(async () => {
      for (const fn of cleanups.reverse()) await fn();
    });

    test('version, api-versions, api-resources', async () => {
      const v = await ok('version', '-o', 'json');
      assert.equal(JSON.parse(v).serverVersion.major, '1');
      const versions = (await ok('api-versions')).trim().split('\n');
      for (const gv of ['v1', 'apps/v1', 'batch/v1', 'autoscaling/v2', 'networking.k8s.io/v1', 'rbac.authorization.k8s.io/v1', 'apiextensions.k8s.io/v1'])
        assert.ok(versions.includes(gv), `api-versions lacks ${gv}`);
      const resources = await ok('api-resources');
      assert.match(resources, /^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/m);
      assert.match(resources, /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
      assert.match(resources, /^customresourcedefinitions\s+crd,crds\s+apiextensions\.k8s\.io\/v1\s+false\s+CustomResourceDefinition$/m);
    });

    test('explain pod.spec.containers', async () => {
      const out = await ok('explain', 'pod.spec.containers');
      assert.match(out, /^KIND:\s+Pod$/m);
      assert.match(out, /^FIELD:\s+containers <\[\]Container>$/m);
      assert.match(out, /^\s+image\s+<string>$/m);
      assert.match(out, /^\s+name\s+<string> -required-$/m);
    });

    test('create -f and apply -f with default validation', async () => {
      assert.equal(await ok('create', '-f', join(FIXTURES, 'hello-pod.yaml')), 'pod/hello-pod created\n');
      assert.equal(await ok('apply', '-f', join(FIXTURES, 'web-deployment.yaml')), 'deployment.apps/web created\n');
      const applied = JSON.parse(await ok('get', 'deployment', 'web', '-o', 'json'));
      assert.ok(applied.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'], 'apply records last-applied');
    });

    test('unknown fields fail strict validation', async () => {
      // Default (strict) validation reaches the server, which reports unknown fields as upstream.
      const child = await run(binary!, ['create', '-f', '-'], env, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: typo\ndata: {a: b}\ndatta: {}\n');
      assert.equal(child.code, 1);
      assert.match(child.stderr, /strict decoding error: unknown field "datta"/);
    });

    test('get: table, wide, yaml, json, jsonpath, name, all', async () => {
      const table = await ok('get', 'pods');
      assert.match(table, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/m);
      assert.match(table, /^hello-pod\s+0\/1\s+Pending\s+0\s+\d+s$/m);
      const wide = await ok('get', 'pods', '-o', 'wide');
      assert.match(wide, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/m);
      const yaml = await ok('get', 'pod', 'hello-pod', '-o', 'yaml');
      assert.match(yaml, /^kind: Pod$/m);
      assert.match(yaml, /^  name: hello-pod$/m);
      const json = JSON.parse(await ok('get', 'pod', 'hello-pod', '-o', 'json'));
      assert.equal(json.spec.containers[0].image, 'nigelpoulton/k8sbook:1.0');
      assert.equal(await ok('get', 'pod', 'hello-pod', '-o', 'jsonpath={.metadata.labels.zone}'), 'prod');
      assert.equal(await ok('get', 'pods', '-o', 'name'), 'pod/hello-pod\n');
      const all = await ok('get', 'all');
      assert.match(all, /^pod\/hello-pod\s/m);
      assert.match(all, /^service\/kubernetes\s+ClusterIP\s+10\.96\.0\.1\s/m);
      assert.match(all, /^deployment\.apps\/web\s/m);
      const labelled = await ok('get', 'pods', '-l', 'zone=prod', '--show-labels');
      assert.match(labelled, /version=v1,zone=prod$/m);
    });

    test('get -w prints a change when it arrives', async () => {
      const watch = spawn(binary!, ['get', 'pods', '-w'], { env: { PATH: process.env.PATH, ...env } });
      let out = '';
      watch.stdout.on('data', (d) => (out += String(d)));
      try {
        await waitFor(() => /^hello-pod\s/m.test(out), 'the initial list');
        const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: watched\nspec:\n  containers:\n  - name: c\n    image: busybox\n';
        assert.equal((await run(binary!, ['create', '-f', '-'], env, pod)).code, 0);
        await waitFor(() => /^watched\s+0\/1\s+Pending\s+0\s+\d+s$/m.test(out), 'the new pod in the watch');
      } finally {
        watch.kill();
      }
      assert.match(out, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/m);
      await ok('delete', 'pod', 'watched');
    });

    test('delete returns once the object is gone', async () => {
      assert.equal(await ok('delete', 'pod', 'hello-pod'), 'pod "hello-pod" deleted\n');
      assert.equal(await ok('delete', '-f', join(FIXTURES, 'web-deployment.yaml')), 'deployment.apps "web" deleted\n');
      const gone = await k('get', 'pod', 'hello-pod');
      assert.equal(gone.code, 1);
      assert.equal(gone.stderr, 'Error from server (NotFound): pods "hello-pod" not found\n');
    });
  });
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
