// Completion helpers that ask the server: resource types from discovery, object names, `type/name`,
// pods and what leads to them, containers and ports — against the real bundled server.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Invocation } from '../../../src/cli/command.ts';
import { containerOfFirstArg, podResourceName, podResourceNameAndContainer, resourceAndPort } from '../../../src/cli/completion/pods.ts';
import {
  completeNamespaces, completeResourceNames, completeResourceTypes, completeTypeSlashName, fixedValues, resourceName, resourceTypeAndName,
} from '../../../src/cli/completion/resources.ts';
import { createCtx, type Ctx } from '../../../src/cli/ctx.ts';
import { FlagSet, Flags } from '../../../src/cli/flags.ts';
import { GLOBAL_FLAGS, globalOptions } from '../../../src/cli/global-flags.ts';
import { startServer, type TestServer } from '../../helpers/server.ts';

let srv: TestServer;
const home = mkdtempSync(join(tmpdir(), 'ktl-comp-home-'));

function ctxFor(globalArgs: string[] = []): { ctx: Ctx; stderr: () => string } {
  let err = '';
  const flags = new Flags(new FlagSet(GLOBAL_FLAGS).parse(globalArgs));
  const env = { KUBECONFIG: srv.kubeconfig, HOME: home };
  const io = { out: { write: () => true }, err: { write: (s: string) => (err += s) } };
  return { ctx: createCtx(io, env, 'ktl', (h) => globalOptions(flags, env, h)), stderr: () => err };
}
const inv = (args: string[]): Invocation => ({ args, flags: new Flags(new FlagSet([]).parse([])), argsLenAtDash: -1, path: [] });

async function create(path: string, body: object) {
  const r = await srv.request('POST', path, { body });
  assert.ok(r.status < 300, `${path}: ${r.status} ${r.text}`);
}

const pod = (name: string, labels: Record<string, string>, containers: object[], init: object[] = []) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers, ...(init.length ? { initContainers: init } : {}) },
});

// Cleanups registered while the suite's before() runs must wait for the suite's end.
const cleanups: (() => unknown)[] = [];
after(async () => {
  for (const fn of cleanups) await fn();
});

before(async () => {
  srv = await startServer({ after: (fn) => cleanups.push(fn) });
  for (const name of ['a1', 'a2', 'b1']) await create('/api/v1/namespaces/default/configmaps', { metadata: { name } });
  await create('/api/v1/namespaces', { metadata: { name: 'team-a' } });
  await create('/api/v1/namespaces/team-a/configmaps', { metadata: { name: 't1' } });
  await create('/api/v1/namespaces/default/pods', pod('web-1', { app: 'web' }, [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }, { containerPort: 443 }] }, { name: 'sidecar', image: 'busybox' }], [{ name: 'setup', image: 'busybox' }]));
  await create('/api/v1/namespaces/default/pods', pod('db-0', { app: 'db' }, [{ name: 'postgres', image: 'postgres', ports: [{ containerPort: 5432 }] }]));
  await create('/apis/apps/v1/namespaces/default/deployments', {
    metadata: { name: 'web' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
  });
  await create('/api/v1/namespaces/default/services', { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 8080, targetPort: 80 }] } });
});

describe('resource types', () => {
  test('plurals, core first, then by group; .group for the others; only what can be read', async () => {
    const types = await completeResourceTypes(ctxFor().ctx, '');
    assert.ok(types.includes('pods') && types.includes('deployments.apps') && types.includes('jobs.batch'));
    assert.ok(!types.some((t) => t.includes('/')), 'no subresources');
    const core = types.filter((t) => !t.includes('.'));
    assert.deepEqual(types.slice(0, core.length), [...core].sort(), 'core resources first, sorted');
    const group = (t: string) => t.slice(t.indexOf('.') + 1);
    const rest = types.slice(core.length);
    assert.deepEqual(rest.map(group), [...rest.map(group)].sort(), 'then by group');
    assert.ok(!types.includes('bindings') && !types.includes('tokenreviews.authentication.k8s.io'), 'create-only resources are not offered');
  });

  test('by prefix, and the last element of a comma list', async () => {
    const { ctx } = ctxFor();
    assert.deepEqual(await completeResourceTypes(ctx, 'deploy'), ['deployments.apps']);
    assert.deepEqual(await completeResourceTypes(ctx, 'pods,se'), ['pods,secrets', 'pods,serviceaccounts', 'pods,services', 'pods,servicecidrs.networking.k8s.io']);
  });
});

describe('object names', () => {
  test('by any name of the type, by prefix, minus those typed', async () => {
    const { ctx } = ctxFor();
    assert.deepEqual(await completeResourceNames(ctx, 'configmaps', ''), ['a1', 'a2', 'b1', 'kube-root-ca.crt']);
    assert.deepEqual(await completeResourceNames(ctx, 'cm', 'a'), ['a1', 'a2']);
    assert.deepEqual(await completeResourceNames(ctx, 'configmap', '', ['a1', 'b1']), ['a2', 'kube-root-ca.crt']);
    assert.deepEqual(await completeResourceNames(ctx, 'deploy.apps', ''), ['web']);
    assert.deepEqual(await completeResourceNames(ctx, 'cm,svc', ''), ['a1', 'a2', 'b1', 'kube-root-ca.crt', 'kubernetes', 'web']);
    assert.deepEqual(await completeResourceNames(ctx, 'all', 'w'), ['web-1', 'web', 'web']);
    assert.deepEqual(await completeResourceNames(ctx, 'nosuch', ''), []);
    assert.deepEqual(await completeResourceNames(ctx, 'cm,nosuch', ''), [], 'one unknown type and nothing is listed, like get');
  });

  test('in the namespace of -n; namespaces themselves', async () => {
    assert.deepEqual(await completeResourceNames(ctxFor(['-n', 'team-a']).ctx, 'cm', ''), ['kube-root-ca.crt', 't1']);
    const namespaces = await completeNamespaces(ctxFor().ctx, 'kube-');
    assert.deepEqual(namespaces, ['kube-node-lease', 'kube-public', 'kube-system']);
  });

  test('type/name', async () => {
    const { ctx } = ctxFor();
    assert.deepEqual(await completeTypeSlashName(ctx, 'cm/a'), ['cm/a1', 'cm/a2']);
    assert.deepEqual(await completeTypeSlashName(ctx, 'configmaps/', ['configmaps/a1']), ['configmaps/a2', 'configmaps/b1', 'configmaps/kube-root-ca.crt']);
    assert.deepEqual(await completeTypeSlashName(ctx, 'cm'), []);
  });

  test('an unreachable server: nothing, and kubectl’s discovery complaint on stderr', async () => {
    let err = '';
    const flags = new Flags(new FlagSet(GLOBAL_FLAGS).parse(['--server', 'https://127.0.0.1:1', '--insecure-skip-tls-verify']));
    const env = { KUBECONFIG: srv.kubeconfig, HOME: mkdtempSync(join(tmpdir(), 'ktl-comp-dead-')) };
    const ctx = createCtx({ out: { write: () => true }, err: { write: (s: string) => (err += s) } }, env, 'ktl', (h) => globalOptions(flags, env, h));
    assert.deepEqual(await completeResourceNames(ctx, 'pods', ''), []);
    assert.match(err, /memcache\.go:\d+\] "Unhandled Error" err="couldn't get current server API group list: Get \\"https:\/\/127\.0\.0\.1:1\/api\?timeout=\d+s\\": dial tcp 127\.0\.0\.1:1: connect: connection refused"\n/);
  });
});

describe('complete() hooks', () => {
  const ask = async (hook: typeof podResourceName, args: string[], word: string) => hook(ctxFor().ctx, inv(args), word);

  test('resourceTypeAndName: types, then names; type/name words; the no-repeat form', async () => {
    const any = resourceTypeAndName();
    assert.deepEqual(await ask(any, [], 'configm'), { candidates: ['configmaps'], directive: 4 });
    assert.deepEqual(await ask(any, ['cm'], 'a'), { candidates: ['a1', 'a2'], directive: 4 });
    assert.deepEqual(await ask(any, ['cm', 'a1'], ''), { candidates: ['a2', 'b1', 'kube-root-ca.crt'], directive: 4 });
    assert.deepEqual(await ask(any, [], 'cm/b'), { candidates: ['cm/b1'], directive: 4 });
    assert.deepEqual(await ask(any, ['cm/a1'], 'cm/a'), { candidates: ['cm/a2'], directive: 4 });
    assert.deepEqual(await ask(any, ['cm/a1'], 'configm'), { candidates: ['configmaps/'], directive: 6 });
    const one = resourceTypeAndName({ allowedTypes: ['deployments', 'daemonsets', 'statefulsets'], repeat: false });
    assert.deepEqual(await ask(one, [], 'd'), { candidates: ['deployments', 'daemonsets'], directive: 4 });
    assert.deepEqual(await ask(one, ['deployments'], ''), { candidates: ['web'], directive: 4 });
    assert.deepEqual(await ask(one, ['deployments', 'web'], ''), { candidates: [], directive: 4 });
    assert.deepEqual(await ask(one, ['deployments/web'], 'd'), { candidates: [], directive: 4 });
  });

  test('resourceName and fixedValues', async () => {
    assert.deepEqual(await ask(resourceName('namespace'), [], 'team'), { candidates: ['team-a'], directive: 4 });
    assert.deepEqual(await ask(resourceName('namespace'), ['x'], ''), { candidates: [], directive: 4 });
    assert.deepEqual(await ask(fixedValues(['json', 'yaml', 'jsonpath']), [], 'js'), { candidates: ['json', 'jsonpath'], directive: 4 });
  });

  test('pods: names and kinds that lead to pods; no space after a lone kind/', async () => {
    assert.deepEqual(await ask(podResourceName, [], ''), {
      candidates: ['db-0', 'web-1', 'daemonsets/', 'deployments/', 'pods/', 'jobs/', 'replicasets/', 'replicationcontrollers/', 'services/', 'statefulsets/'],
      directive: 4,
    });
    assert.deepEqual(await ask(podResourceName, [], 'dep'), { candidates: ['deployments/'], directive: 6 });
    assert.deepEqual(await ask(podResourceName, [], 'deployments/'), { candidates: ['deployments/web'], directive: 4 });
    assert.deepEqual(await ask(podResourceName, ['web-1'], ''), { candidates: [], directive: 4 });
  });

  test('containers of a pod, init containers first, also through a deployment or service', async () => {
    assert.deepEqual(await ask(podResourceNameAndContainer, ['web-1'], ''), { candidates: ['setup', 'nginx', 'sidecar'], directive: 4 });
    assert.deepEqual(await ask(podResourceNameAndContainer, ['deployments/web'], 's'), { candidates: ['setup', 'sidecar'], directive: 4 });
    assert.deepEqual(await ask(containerOfFirstArg, ['svc/web'], 'n'), { candidates: ['nginx'], directive: 4 });
    assert.deepEqual(await ask(containerOfFirstArg, ['nosuch'], ''), { candidates: [], directive: 4 });
    assert.deepEqual(await ask(containerOfFirstArg, [], ''), { candidates: [], directive: 4 });
  });

  test('ports of a pod or a service, as local:remote', async () => {
    assert.deepEqual(await ask(resourceAndPort, ['web-1'], ''), { candidates: ['80:80', '443:443'], directive: 4 });
    assert.deepEqual(await ask(resourceAndPort, ['pod/db-0'], '9'), { candidates: ['9:5432'], directive: 4 });
    assert.deepEqual(await ask(resourceAndPort, ['svc/web'], ''), { candidates: ['8080:8080'], directive: 4 });
    assert.deepEqual(await ask(resourceAndPort, ['deployments/web'], '44'), { candidates: ['44:80', '44:443'], directive: 4 });
  });
});
