// Differential tests of the discovery commands (api-resources, api-versions, explain): real
// kubectl 1.32 and ktl against the same bundled server with CRDs, a dead server, a bad context,
// and a discovery server where one group fails.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CRDS, LATE_CRD, startBrokenDiscovery } from './discovery-fixtures.ts';
import { SKIP, startCompat, type Compat } from './harness.ts';

const DEAD = ['-s', 'http://127.0.0.1:1'];

describe('discovery commands', { skip: SKIP }, () => {
  let c: Compat;
  let broken: Awaited<ReturnType<typeof startBrokenDiscovery>>;
  const cleanups: (() => unknown)[] = [];
  const same = async (args: string[]): Promise<void> => {
    await c.same(args);
  };
  const ok = async (args: string[], input?: string) => {
    const r = await c.kubectl(args, { input });
    assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };

  before(async () => {
    c = await startCompat({ after: (fn) => cleanups.push(fn) });
    broken = await startBrokenDiscovery();
    await ok(['apply', '-f', '-'], CRDS);
    // the CRDs' resources and schemas are published shortly after creation
    await ok(['wait', '--for=condition=Established', 'crd/widgets.example.com', 'crd/gizmos.tools.example.org']);
    for (let i = 0; i < 50 && !(await c.kubectl(['explain', 'gizmos'])).stdout.includes('Gizmo'); i++) await new Promise((r) => setTimeout(r, 100));
  });
  after(async () => {
    await broken?.close();
    for (const fn of cleanups.reverse()) await fn();
  });

  describe('api-resources', () => {
    test('the table', () => same(['api-resources']));
    test('wide: verbs and categories', () => same(['api-resources', '-o', 'wide']));
    test('names', () => same(['api-resources', '-o', 'name']));
    test('namespaced only', () => same(['api-resources', '--namespaced=true']));
    test('cluster-wide only', () => same(['api-resources', '--namespaced=false', '-o', 'wide']));
    test('one group', () => same(['api-resources', '--api-group=apps']));
    test('the core group', () => same(['api-resources', '--api-group=']));
    test('a CRD group', () => same(['api-resources', '--api-group=example.com', '-o', 'wide']));
    test('a group with no resources', () => same(['api-resources', '--api-group=nothing.example']));
    test('by verbs', () => same(['api-resources', '--verbs=list,watch', '-o', 'name']));
    test('by repeated verbs', () => same(['api-resources', '--verbs=create', '--verbs=deletecollection']));
    test('by category', () => same(['api-resources', '--categories=all']));
    test('by several categories', () => same(['api-resources', '--categories=gadgets,all', '-o', 'wide']));
    test('sorted by name', () => same(['api-resources', '--sort-by=name']));
    test('sorted by kind', () => same(['api-resources', '--sort-by=kind', '-o', 'wide']));
    test('without headers', () => same(['api-resources', '--no-headers']));
    test('wide without headers', () => same(['api-resources', '--no-headers', '-o', 'wide', '--namespaced=false']));
    test('names ignore --no-headers', () => same(['api-resources', '-o', 'name', '--no-headers', '--api-group=apps']));
    test('an unknown output format', () => same(['api-resources', '-o', 'json']));
    test('an unknown sort field', () => same(['api-resources', '--sort-by=group']));
    test('arguments are refused', () => same(['api-resources', 'pods']));
    test('a dead server: the header, then the error', () => same(['api-resources', ...DEAD]));
    test('a context that does not exist', () => same(['api-resources', '--context=nope']));
    test('a failing group: what was found, then the error', () => same(['api-resources', '-s', broken.url]));
    test('a failing group, names', () => same(['api-resources', '-s', broken.url, '-o', 'name']));
    test('--cached answers from the cache; without it discovery is fresh', async () => {
      await same(['api-resources', '--api-group=parts.example.net']);
      await ok(['apply', '-f', '-'], LATE_CRD);
      await ok(['wait', '--for=condition=Established', 'crd/sprockets.parts.example.net']);
      const cached = await c.same(['api-resources', '--cached', '--api-group=parts.example.net']);
      assert.doesNotMatch(cached.stdout, /sprockets/);
      const fresh = await c.same(['api-resources', '--api-group=parts.example.net']);
      assert.match(fresh.stdout, /sprockets/);
    });
  });

  describe('api-versions', () => {
    test('every group/version, sorted', () => same(['api-versions']));
    test('arguments are refused', () => same(['api-versions', 'extra']));
    test('a dead server', () => same(['api-versions', ...DEAD]));
    test('a context that does not exist', () => same(['api-versions', '--context', 'nope']));
    test('a failing group does not matter', () => same(['api-versions', '-s', broken.url]));
  });

  describe('explain', () => {
    test('a core type', () => same(['explain', 'pods']));
    test('by short name', () => same(['explain', 'po']));
    test('a field', () => same(['explain', 'pods.spec']));
    test('a list field', () => same(['explain', 'pods.spec.containers']));
    test('a field with an enum', () => same(['explain', 'pods.spec.containers.ports.protocol']));
    test('fields listing enums', () => same(['explain', 'svc.spec']));
    test('a map field', () => same(['explain', 'pods.spec.containers.resources.limits']));
    test('a trailing dot', () => same(['explain', 'pods.']));
    test('a grouped type', () => same(['explain', 'deployments']));
    test('resource.group prefix', () => same(['explain', 'deployments.apps.spec.strategy']));
    test('a version in the name is a field', () => same(['explain', 'deployments.v1.apps']));
    test('short name with a group is a field path', () => same(['explain', 'deploy.apps.spec']));
    test('recursive', () => same(['explain', 'deployments', '--recursive']));
    test('recursive from a field', () => same(['explain', 'pods.spec.volumes', '--recursive']));
    test('recursive through cycles', () => same(['explain', 'crd.spec.versions.schema', '--recursive']));
    test('--api-version', () => same(['explain', 'deployments.spec.replicas', '--api-version=apps/v1']));
    test('--api-version takes the first word only', () => same(['explain', 'deployments.apps', '--api-version=apps/v1']));
    test('--api-version not served', () => same(['explain', 'deployments', '--api-version=apps/v2']));
    test('--api-version of the core group', () => same(['explain', 'deployments', '--api-version=v2']));
    test('--api-version malformed', () => same(['explain', 'deployments', '--api-version=a/b/c']));
    test('-o plaintext', () => same(['explain', 'cm', '-o', 'plaintext']));
    test('an unknown format', () => same(['explain', 'cm', '--output=yaml']));
    test('a field that does not exist', () => same(['explain', 'pods.nope']));
    test('the last field is named', () => same(['explain', 'pods.x.y']));
    test('a type that does not exist', () => same(['explain', 'nosuchthing']));
    test('an empty type', () => same(['explain', '']));
    test('an index in the path', () => same(['explain', 'pods.spec.containers[0]']));
    test('an index with --api-version', () => same(['explain', 'pods.spec.containers[0]', '--api-version=v1']));
    test('two JSONPaths', () => same(['explain', 'pods}{.x']));
    test('no type', () => same(['explain']));
    test('two types', () => same(['explain', 'pods', 'nodes']));
    test('a dead server', () => same(['explain', 'pods', ...DEAD]));
    test('a context that does not exist', () => same(['explain', 'pods', '--context=nope']));
    test('a CRD in its preferred version', () => same(['explain', 'widgets']));
    test('a CRD by short name, recursive', () => same(['explain', 'wd', '--recursive']));
    test('a CRD version: descriptions wrapped', () => same(['explain', 'widgets', '--api-version=example.com/v1']));
    test('CRD fields: enums, numbers, maps, arrays of arrays', () => same(['explain', 'widgets.spec', '--api-version=example.com/v1']));
    test('CRD recursive', () => same(['explain', 'widgets', '--api-version=example.com/v1', '--recursive']));
    test('a CRD enum field', () => same(['explain', 'widgets.spec.mode', '--api-version=example.com/v1']));
    test('a CRD number enum', () => same(['explain', 'widgets.spec.ratio', '--api-version=example.com/v1']));
    test('a deep CRD field', () => same(['explain', 'widgets.spec.parts.nested.deep.deeper', '--api-version=example.com/v1']));
    test('through a map of objects', () => same(['explain', 'widgets.spec.byName.value', '--api-version=example.com/v1']));
    test('a CRD with an open schema', () => same(['explain', 'gizmos']));
    test('a CRD group as a field', () => same(['explain', 'gizmos.tools']));
    test('a group-qualified CRD', () => same(['explain', 'widgets.example.com.spec']));
  });
});
