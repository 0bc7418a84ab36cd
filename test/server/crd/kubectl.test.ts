// Real kubectl (1.33 and 1.27) against CRDs on the bundled server: apply a CRD, use its custom
// resources through discovery (printer columns, short names, explain from OpenAPI), validation
// errors, and deleting the CRD with its custom resources. Skips where kubectl is not installed.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { kubectlBinary, run, startServer, type TestServer } from '../../helpers/server.ts';
import { FIXTURES } from './crd-helpers.ts';

for (const version of ['1.27', '1.30', '1.32', '1.33']) {
  const binary = kubectlBinary(version);
  describe(`kubectl ${version} with CRDs`, { skip: binary ? false : `kubectl.${version} is not installed` }, () => {
    let srv: TestServer;
    let env: NodeJS.ProcessEnv;
    const cleanups: (() => unknown)[] = [];
    const k = (args: string[], input?: string) => run(binary!, args, env, input);
    const ok = async (...args: string[]) => {
      const r = await k(args);
      assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed:\n${r.stderr}`);
      assert.equal(r.stderr, '', `kubectl ${args.join(' ')} printed:\n${r.stderr}`);
      return r.stdout;
    };
    before(async () => {
      srv = await startServer({ after: (fn) => cleanups.push(fn) });
      env = { KUBECONFIG: srv.kubeconfig, HOME: mkdtempSync(join(tmpdir(), 'ktl-home-')) };
    });
    after(async () => {
      for (const fn of cleanups.reverse()) await fn();
    });

    test('apply the CRD, create a custom resource, get it with printer columns', async () => {
      assert.equal(await ok('apply', '-f', join(FIXTURES, 'crontab-crd.yaml')), 'customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created\n');
      // kubectl discovers the new group on "no matches for kind" and retries
      assert.equal(await ok('create', '-f', join(FIXTURES, 'crontab.yaml')), 'crontab.stable.example.com/my-new-cron-object created\n');
      const table = await ok('get', 'crontabs');
      assert.match(table, /^NAME\s+SPEC\s+REPLICAS\s+AGE\n/);
      assert.match(table, /^my-new-cron-object\s+\* \* \* \* \*\/5\s+1\s+\d+s\n$/m);
      const wide = await ok('get', 'ct', '-o', 'wide');
      assert.match(wide, /^NAME\s+SPEC\s+REPLICAS\s+IMAGE\s+AGE\n/);
      assert.match(wide, /my-awesome-cron-image/);
      const yaml = await ok('get', 'crontab', 'my-new-cron-object', '-o', 'yaml');
      assert.match(yaml, /^apiVersion: stable\.example\.com\/v1$/m);
      assert.match(yaml, /^  policy: Allow$/m, 'schema default applied');
      const all = await ok('get', 'all');
      assert.match(all, /crontab\.stable\.example\.com\/my-new-cron-object/, 'the "all" category includes crontabs');
      assert.match(await ok('get', 'crd'), /^crontabs\.stable\.example\.com\s+\d{4}-\d\d-\d\dT/m);
    });

    test('explain crontab.spec comes from the CRD schema', async () => {
      const out = await ok('explain', 'crontab.spec');
      assert.match(out, /^KIND:\s+CronTab$/m);
      assert.match(out, /^VERSION:\s+v1$/m);
      assert.match(out, /^FIELD: spec <Object>$/m);
      assert.match(out, /What to run and when\./);
      assert.match(out, /^\s+cronSpec\s+<string> -required-$/m);
      assert.match(out, /^\s+replicas\s+<integer>$/m);
    });

    test('an invalid custom resource: kubectl prints the 422 causes', async () => {
      const bad = 'apiVersion: stable.example.com/v1\nkind: CronTab\nmetadata:\n  name: bad\nspec:\n  cronSpec: "* * * * *"\n  replicas: 11\n';
      const r = await k(['create', '-f', '-'], bad);
      assert.equal(r.code, 1);
      assert.equal(r.stderr, 'The CronTab "bad" is invalid: spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10\n');
    });

    test('unknown fields of a custom resource fail strict validation', async () => {
      const typo = 'apiVersion: stable.example.com/v1\nkind: CronTab\nmetadata:\n  name: typo\nspec:\n  cronSpec: "* * * * *"\n  imagee: x\n';
      const r = await k(['create', '-f', '-'], typo);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /strict decoding error: unknown field "spec\.imagee"/);
    });

    test('scale a custom resource through its scale subresource', async () => {
      assert.equal(await ok('scale', 'crontab/my-new-cron-object', '--replicas=3'), 'crontab.stable.example.com/my-new-cron-object scaled\n');
      assert.equal(await ok('get', 'crontab', 'my-new-cron-object', '-o', 'jsonpath={.spec.replicas}'), '3');
    });

    test('apply again, server-side apply and merge patches of custom resources', async () => {
      const cr = (name: string, image: string) => `apiVersion: stable.example.com/v1\nkind: CronTab\nmetadata:\n  name: ${name}\nspec:\n  cronSpec: "* * * * *"\n  image: ${image}\n`;
      assert.equal((await k(['apply', '-f', '-'], cr('applied', 'one'))).stdout, 'crontab.stable.example.com/applied created\n');
      assert.equal((await k(['apply', '-f', '-'], cr('applied', 'two'))).stdout, 'crontab.stable.example.com/applied configured\n');
      assert.equal(await ok('apply', '-f', join(FIXTURES, 'crontab-crd.yaml')), 'customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com unchanged\n');
      const ssa = await k(['apply', '--server-side', '-f', '-'], cr('ssa', 'one'));
      assert.equal(ssa.stdout, 'crontab.stable.example.com/ssa serverside-applied\n', ssa.stderr);
      const fields = JSON.parse(await ok('get', 'crontab', 'ssa', '-o', 'jsonpath={.metadata.managedFields}'));
      assert.deepEqual(
        fields.map((f: any) => [f.manager, f.operation, f.fieldsV1]),
        [['kubectl', 'Apply', { 'f:spec': { 'f:cronSpec': {}, 'f:image': {} } }]],
      );
      assert.equal(await ok('patch', 'crontab', 'applied', '--type=merge', '-p', '{"spec":{"replicas":4}}'), 'crontab.stable.example.com/applied patched\n');
      const invalid = await k(['patch', 'crontab', 'applied', '--type=merge', '-p', '{"spec":{"replicas":40}}']);
      assert.equal(invalid.stderr, 'The CronTab "applied" is invalid: spec.replicas: Invalid value: 40: spec.replicas in body should be less than or equal to 10\n');
      const smp = await k(['patch', 'crontab', 'applied', '-p', '{"spec":{"replicas":4}}']);
      assert.equal(smp.code, 1);
      assert.match(smp.stderr, /application\/strategic-merge-patch\+json is not supported by stable\.example\.com\/v1, Kind=CronTab/);
    });

    test('deleting the CRD takes its custom resources with it', async () => {
      // kubectl waits until the CRD is gone, which needs its custom resources gone first
      assert.equal(await ok('delete', 'crd', 'crontabs.stable.example.com', '--timeout=20s'), 'customresourcedefinition.apiextensions.k8s.io "crontabs.stable.example.com" deleted\n');
      assert.equal((await k(['get', 'crd'])).stderr, 'No resources found\n');
      const gone = await k(['get', 'crontabs']);
      assert.equal(gone.code, 1);
      // kubectl's discovery cache still maps crontabs, so the list itself is what fails (as on a real cluster)
      assert.equal(gone.stderr, 'Error from server (NotFound): Unable to list "stable.example.com/v1, Resource=crontabs": the server could not find the requested resource\n');
      const list = (await srv.request('GET', '/apis/stable.example.com/v1/namespaces/default/crontabs')).status;
      assert.equal(list, 404);
    });
  });
}
