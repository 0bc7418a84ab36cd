// Differential tests of `get`: real kubectl 1.32 and ktl (installed as `kubectl`) against one
// bundled server: tables of several kinds and their decorations, every -o format, selectors,
// paging, sorting, not-found paths, -f manifests, --raw, --subresource, argument and flag errors,
// and watches that see changes made while they run.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SKIP, normalize, startCompat, type Compat, type RunOptions } from './harness.ts';

const FIXTURES = `apiVersion: v1
kind: ConfigMap
metadata: {name: a1, labels: {app: web, tier: fe, app.kubernetes.io/name: shop}}
data: {x: "1", y: "2"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: b2, labels: {app: db}}
data: {size: "10"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c3-with-a-longer-name}
data: {size: "9"}
---
apiVersion: v1
kind: Namespace
metadata: {name: team}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: t1, namespace: team}
---
apiVersion: v1
kind: Pod
metadata: {name: p1, labels: {app: web}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Service
metadata: {name: s1}
spec: {ports: [{port: 80, targetPort: 8080}], selector: {app: web}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Node
metadata: {name: node1, labels: {zone: a}}
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high}
value: 1000
`;

describe('kubectl get', { skip: SKIP }, () => {
  let c: Compat;
  const cleanups: (() => unknown)[] = [];
  const same = (args: string[], opts: RunOptions = {}) => c.same(['get', ...args], opts).then(() => undefined);
  const ok = async (args: string[], input?: string) => {
    const r = await c.kubectl(args, { input });
    assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  let one = '';
  let multi = '';
  let dir = '';
  let other = '';
  let mismatch = '';
  let unknownKind = '';

  before(async () => {
    c = await startCompat({ after: (fn) => cleanups.push(fn) });
    await ok(['apply', '-f', '-'], FIXTURES);
    one = c.file('one.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a1\n');
    multi = c.file('multi.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a1}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: nope}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s1}\n');
    dir = join(c.dir, 'manifests');
    mkdirSync(dir);
    c.file('manifests/x.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b2}\n');
    other = c.file('team.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: t1, namespace: team}\n');
    mismatch = other;
    unknownKind = c.file('unknown.yaml', 'apiVersion: v1\nkind: Nope\nmetadata: {name: x}\n');
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  describe('tables', () => {
    test('configmaps', () => same(['configmaps']));
    test('short name', () => same(['cm']));
    test('pods', () => same(['pods']));
    test('pods -o wide', () => same(['pods', '-o', 'wide']));
    test('deployments -o wide', () => same(['deploy', '-o', 'wide']));
    test('services', () => same(['svc']));
    test('cluster-scoped: nodes', () => same(['nodes']));
    test('cluster-scoped: namespaces', () => same(['ns']));
    test('cluster-scoped with a group', () => same(['priorityclasses']));
    test('fully qualified type', () => same(['deployments.v1.apps']));
    // an exact short-name match drops the version it was given
    test('short name with a version that is not served', () => same(['deploy.v9.apps']));
    test('-A', () => same(['cm', '-A']));
    test('-A on a cluster-scoped type', () => same(['nodes', '-A']));
    test('-n', () => same(['cm', '-n', 'team']));
    test('-l', () => same(['cm', '-l', 'app=web']));
    test('-l with set syntax', () => same(['cm', '-l', 'app in (web,db)']));
    test('--field-selector', () => same(['cm', '--field-selector', 'metadata.name=b2']));
    test('--show-kind', () => same(['cm', '--show-kind']));
    test('-L', () => same(['cm', '-L', 'app,app.kubernetes.io/name']));
    test('-L repeated, with --show-labels', () => same(['cm', '-L', 'app', '-L', 'tier', '--show-labels']));
    test('--show-labels -A', () => same(['cm', '--show-labels', '-A']));
    test('--no-headers', () => same(['cm', '--no-headers']));
    test('--no-headers with two types', () => same(['cm,svc', '--no-headers']));
    test('two types', () => same(['cm,svc']));
    test('a type with a namespaced and a cluster-scoped one', () => same(['cm,nodes', '-A']));
    test('get all', () => same(['all']));
    test('get all -A', () => same(['all', '-A']));
    test('names', () => same(['cm', 'a1', 'b2']));
    test('TYPE/NAME words of two types', () => same(['cm/a1', 'svc/s1', 'deploy/web']));
    test('two types and two names', () => same(['cm,svc', 'a1', 's1']));
    test('--chunk-size=1 over several objects', () => same(['cm', '--chunk-size=1']));
    test('--chunk-size=0', () => same(['cm', '--chunk-size=0']));
    test('--server-print=false', () => same(['cm', '--server-print=false']));
    test('--server-print=false -A --show-labels', () => same(['cm', '--server-print=false', '-A', '--show-labels']));
  });

  describe('empty results', () => {
    test('in a namespace', () => same(['secrets', '-l', 'none=here']));
    test('across namespaces', () => same(['secrets', '-A', '-l', 'none=here']));
    test('cluster-scoped', () => same(['nodes', '-l', 'none=here']));
    test('a namespace that does not exist', () => same(['cm', '-n', 'nowhere']));
    test('json', () => same(['cm', '-l', 'none=here', '-o', 'json']));
    test('name', () => same(['cm', '-l', 'none=here', '-o', 'name']));
    test('custom columns', () => same(['cm', '-l', 'none=here', '-o', 'custom-columns=N:.metadata.name']));
    test('with --ignore-not-found', () => same(['cm', '-l', 'none=here', '--ignore-not-found']));
  });

  describe('output formats', () => {
    test('-o json, one object', () => same(['cm', 'a1', '-o', 'json']));
    test('-o yaml, one object', () => same(['cm', 'a1', '-o', 'yaml']));
    test('-o json, a list', () => same(['cm', '-o', 'json']));
    test('-o yaml, a list', () => same(['cm', '-o', 'yaml']));
    test('-o yaml, two named objects', () => same(['cm', 'a1', 'b2', '-o', 'yaml']));
    test('-o json --chunk-size=1', () => same(['cm', '-o', 'json', '--chunk-size=1']));
    test('--show-managed-fields', () => same(['cm', 'a1', '-o', 'json', '--show-managed-fields']));
    test('-o name', () => same(['cm,deploy', '-o', 'name']));
    test('-o name, one object', () => same(['deploy/web', '-o', 'name']));
    test('-o jsonpath on a list', () => same(['cm', '-o', 'jsonpath={.items[*].metadata.name}']));
    test('-o jsonpath on one object', () => same(['cm', 'a1', '-o', 'jsonpath={.data}']));
    test('-o jsonpath-as-json', () => same(['cm', 'a1', '-o', 'jsonpath-as-json={.metadata.name}']));
    test('-o go-template', () => same(['cm', '-o', 'go-template={{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}']));
    test('--template alone', () => same(['cm', 'a1', '--template', '{{.metadata.name}}']));
    test('missing key with --allow-missing-template-keys=false', () => same(['cm', 'a1', '-o', 'jsonpath={.nope}', '--allow-missing-template-keys=false']));
    test('-o custom-columns', () => same(['cm', '-o', 'custom-columns=NAME:.metadata.name,DATA:.data.size']));
    test('-o custom-columns --no-headers', () => same(['cm', '-o', 'custom-columns=NAME:.metadata.name', '--no-headers']));
    test('unknown -o', () => same(['cm', '-o', 'bogus']));
    test('--show-labels with -o yaml', () => same(['cm', '-o', 'yaml', '--show-labels']));
  });

  describe('sorting', () => {
    test('--sort-by name', () => same(['cm', '--sort-by=.metadata.name']));
    test('--sort-by quantities as strings', () => same(['cm', '--sort-by=.data.size']));
    test('--sort-by a missing field in a table', () => same(['cm', '--sort-by=.nope']));
    test('--sort-by with two types', () => same(['cm,svc', '--sort-by=.metadata.name']));
    test('--sort-by an unsortable field', () => same(['cm', '--sort-by=.data']));
    test('--sort-by -o name', () => same(['cm', '-o', 'name', '--sort-by={.metadata.name}']));
    test('--sort-by -o name on a missing field', () => same(['cm', '-o', 'name', '--sort-by=.nope']));
    test('--sort-by --server-print=false', () => same(['cm', '--server-print=false', '--sort-by=.metadata.name']));
  });

  describe('not found', () => {
    test('one name', () => same(['cm', 'nope']));
    test('found and missing', () => same(['cm', 'a1', 'nope', 'nope2']));
    test('found and missing, -o json', () => same(['cm', 'a1', 'nope', '-o', 'json']));
    test('missing, -o name', () => same(['cm', 'nope', '-o', 'name']));
    test('TYPE/NAME of two types', () => same(['cm/nope', 'svc/nope']));
    test('--ignore-not-found', () => same(['cm', 'nope', '--ignore-not-found']));
    test('--ignore-not-found keeps the found', () => same(['cm', 'nope', 'a1', '--ignore-not-found', '-o', 'json']));
    test('unknown type', () => same(['nosuchthing']));
    test('unknown type among known ones', () => same(['cm,nosuch']));
    test('an empty type', () => same(['cm,,svc']));
  });

  describe('-f manifests', () => {
    test('one object', () => same(['-f', one]));
    test('one object, -o json', () => same(['-f', one, '-o', 'json']));
    test('several objects, one missing', () => same(['-f', multi]));
    test('several objects, -o name', () => same(['-f', multi, '-o', 'name']));
    test('a directory', () => same(['-f', dir, '-o', 'json']));
    test('stdin', () => same(['-f', '-', '-o', 'name'], { input: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b2}\n' }));
    test('object of another namespace', () => same(['-f', other]));
    test('namespace mismatch', () => same(['-f', mismatch, '-n', 'default']));
    test('unknown kind', () => same(['-f', unknownKind]));
    test('missing file', () => same(['-f', join(c.dir, 'nothere.yaml')]));
    test('files and arguments', () => same(['-f', one, 'cm']));
  });

  describe('--raw and --subresource', () => {
    test('--raw', () => same(['--raw', '/api/v1/namespaces/default/configmaps/a1']));
    test('--raw with a query', () => same(['--raw', '/api/v1/namespaces/default/configmaps?limit=1']));
    test('--raw not found', () => same(['--raw', '/api/v1/namespaces/default/configmaps/nope']));
    test('--raw unknown path', () => same(['--raw', '/nope']));
    test('--raw relative', () => same(['--raw', 'api']));
    test('--raw with arguments', () => same(['cm', '--raw', '/api']));
    test('--raw with -o', () => same(['--raw', '/api', '-o', 'json']));
    test('--raw with -l', () => same(['--raw', '/api', '-l', 'a=b']));
    test('--subresource=status', () => same(['deploy', 'web', '--subresource=status']));
    test('--subresource=scale -o json', () => same(['deploy', 'web', '--subresource=scale', '-o', 'json']));
    test('--subresource on a collection', () => same(['deploy', '--subresource=scale']));
  });

  describe('argument and flag errors', () => {
    test('no type', () => same([]));
    test('unknown flag', () => same(['cm', '--bogus']));
    test('flag without its value', () => same(['cm', '-o']));
    test('bad --chunk-size', () => same(['cm', '--chunk-size=x']));
    test('name with a selector', () => same(['cm', 'a1', '-l', 'a=b']));
    test('name with -A', () => same(['cm', 'a1', '-A']));
    test('TYPE/NAME then a bare type', () => same(['cm/a1', 'svc']));
    test('a type, then TYPE/NAME', () => same(['cm', 'cm/a1']));
    test('TYPE/NAME with a selector', () => same(['cm/a1', '-l', 'a=b']));
    test('TYPE/NAME with a field selector', () => same(['cm/a1', '--field-selector', 'metadata.name=a1']));
    test('TYPE/NAME with -f', () => same(['cm/a1', '-f', one]));
    test('a type with -f', () => same(['cm', '-f', one]));
    test('missing paths come first, together', () => same(['-f', join(c.dir, 'nx1.yaml'), '-f', join(c.dir, 'nx2.yaml'), 'cm/a1']));
    test('a missing path before TYPE/NAME', () => same(['cm/a1', '-f', join(c.dir, 'nx1.yaml')]));
    test('names with a selector, before type lookup', () => same(['nosuch', 'x', '-l', 'a=b']));
    test('bad label selector', () => same(['cm', '-l', 'bad label']));
    test('bad field selector', () => same(['cm,secrets', '--field-selector', 'bogus=x']));
    test('--output-watch-events without --watch', () => same(['cm', '--output-watch-events']));
  });

  describe('watch', () => {
    const real = () => join(c.dir, 'real', 'kubectl');
    const shim = () => join(c.dir, 'bin', 'kubectl');
    let serial = 0;

    interface Running {
      stdout: () => string;
      done: Promise<{ code: number; stdout: string; stderr: string }>;
    }
    function start(bin: string, args: string[]): Running {
      const child = spawn(bin, args, { env: { PATH: process.env.PATH, ...c.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const done = new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      });
      return { stdout: () => stdout, done };
    }
    const until = async (cond: () => boolean, ms: number) => {
      const end = Date.now() + ms;
      while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    };

    /**
     * Both watch at once; `change` runs once both have printed what exists (or after a while for
     * --watch-only), so each sees the same events before --request-timeout ends the watch.
     */
    async function watchSame(args: string[], change: (name: string) => Promise<unknown>, opts: { printsFirst?: boolean } = {}) {
      const full = ['get', ...args, '--request-timeout=5s'];
      const k = start(real(), full);
      const t = start(process.execPath, [shim(), ...full]);
      if (opts.printsFirst ?? true) await until(() => k.stdout() !== '' && t.stdout() !== '', 4000);
      // the watch request follows the first output by a moment; a watch from resourceVersion 0
      // (one named object) only sees what happens after it is open
      await new Promise((r) => setTimeout(r, 1200));
      await change(`w${++serial}`);
      const [expected, actual] = await Promise.all([k.done, t.done]);
      const label = `kubectl ${full.join(' ')}`;
      assert.equal(normalize(actual.stdout), normalize(expected.stdout), `${label}: stdout differs`);
      assert.equal(normalize(actual.stderr), normalize(expected.stderr), `${label}: stderr differs`);
      assert.equal(actual.code, expected.code, `${label}: exit code differs`);
    }
    const createChangeDelete = async (name: string) => {
      await ok(['create', 'configmap', name, '-n', 'team']);
      await ok(['label', 'configmap', name, '-n', 'team', 'step=two']);
      await ok(['delete', 'configmap', name, '-n', 'team']);
    };
    const touchT1 = async (name: string) => {
      await ok(['label', 'configmap', 't1', '-n', 'team', `touch=${name}`, '--overwrite']);
    };

    test('-w, table', () => watchSame(['cm', '-n', 'team', '-w'], createChangeDelete));
    test('-w --output-watch-events', () => watchSame(['cm', '-n', 'team', '-w', '--output-watch-events'], createChangeDelete));
    test('--watch-only', () => watchSame(['cm', '-n', 'team', '--watch-only'], createChangeDelete, { printsFirst: false }));
    test('-w -o name', () => watchSame(['cm', '-n', 'team', '-w', '-o', 'name'], createChangeDelete));
    test('-w -o json --output-watch-events', () => watchSame(['cm', '-n', 'team', '-w', '-o', 'json', '--output-watch-events'], createChangeDelete));
    test('-w -o yaml', () => watchSame(['cm', '-n', 'team', '-w', '-o', 'yaml'], createChangeDelete));
    test('-w on one object', () => watchSame(['cm', 't1', '-n', 'team', '-w'], touchT1));
    test('-w -A with a selector', () => watchSame(['cm', '-A', '-w', '-l', 'step'], createChangeDelete, { printsFirst: false }));
    test('-w on two types', () => same(['cm,svc', '-w']));
    test('-w on two names', () => same(['cm', 'a1', 'b2', '-w', '--request-timeout=5s']));
    test('-w on a missing object', () => same(['cm', 'nope', '-w']));
    test('-w without a type', () => same(['-w']));
    test('-w with --sort-by on a missing field', () => same(['cm', '-w', '--sort-by=.nope', '--request-timeout=5s']));
  });
});
