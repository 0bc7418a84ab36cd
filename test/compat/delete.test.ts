// Differential tests of `delete`: real kubectl 1.32 and ktl delete the same objects on one bundled
// server. Each case creates its objects (with real kubectl) before each of the two runs, and where
// the deletion has effects beyond the output (cascades, finalizers) the server's state after each
// run is compared too.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SKIP, normalize, startCompat, type Compat } from './harness.ts';

const cm = (name: string, ns: string, labels: Record<string, string> = {}, extra = '') =>
  `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  namespace: ${ns}
  labels: ${JSON.stringify(labels)}
${extra}data: {k: v}
---
`;
const secret = (name: string, ns: string, labels: Record<string, string> = {}) =>
  `apiVersion: v1
kind: Secret
metadata:
  name: ${name}
  namespace: ${ns}
  labels: ${JSON.stringify(labels)}
stringData: {k: v}
---
`;
const deployment = (name: string, ns: string) =>
  `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: c, image: nginx}]}
---
`;
const pod = (name: string, ns: string, node?: string) =>
  `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${ns}}
spec: {${node ? `nodeName: ${node}, ` : ''}containers: [{name: c, image: nginx}]}
---
`;
const clusterRole = (name: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: ${name}}
rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
---
`;

// client-go's reflector sometimes logs that the wait's watch was closed early when --timeout ends
// it; whether it does is a race inside kubectl, so that line is not compared.
const SHORT_WATCH = /^W<klog> reflector\.go:\d+\] .*very short watch.*\n/gm;
const norm = (s: string) => normalize(s).replace(SHORT_WATCH, '');

interface CaseOptions {
  /** Objects (YAML) created before each run. */
  seed?: string | (() => Promise<unknown>);
  input?: string;
  /** The server's state after a run, compared between the two runs. */
  probe?: () => Promise<string>;
}

describe('kubectl delete', { skip: SKIP }, () => {
  let c: Compat;
  const cleanups: (() => unknown)[] = [];
  const ok = async (args: string[], input?: string) => {
    const r = await c.kubectl(args, { input });
    assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const apply = (manifest: string) => ok(['apply', '-f', '-'], manifest);
  /** Runs the delete through both binaries; seeds before each and compares probes after each. */
  const same = async (args: string[], opts: CaseOptions = {}): Promise<void> => {
    const states: string[] = [];
    let runs = 0;
    const seed = async () => {
      if (runs++ > 0 && opts.probe) states.push(await opts.probe());
      if (typeof opts.seed === 'string') await apply(opts.seed);
      else if (opts.seed) await opts.seed();
    };
    await c.same(['delete', ...args], { input: opts.input, setup: seed, normalize: norm });
    if (opts.probe) {
      states.push(await opts.probe());
      assert.equal(normalize(states[1]!), normalize(states[0]!), `kubectl delete ${args.join(' ')}: server state differs after the runs`);
    }
  };
  const exists = async (args: string[]) => (await c.kubectl(['get', ...args, '-o', 'name'])).stdout.trim() || 'gone';

  before(async () => {
    c = await startCompat({ after: (fn) => cleanups.push(fn) });
    for (const ns of ['dl', 'sel', 'all1', 'all2', 'xa', 'xb', 'casc', 'fin', 'pods', 'cat', 'inter']) await ok(['create', 'namespace', ns]);
    // a node that exists: its pods wait for a kubelet to finish their graceful deletion
    await apply('apiVersion: v1\nkind: Node\nmetadata: {name: node1}\n');
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  describe('by name', () => {
    test('one object', () => same(['configmap', 'one', '-n', 'dl'], { seed: cm('one', 'dl') }));
    test('several names', () => same(['cm', 'a1', 'a2', 'a3', '-n', 'dl'], { seed: cm('a1', 'dl') + cm('a2', 'dl') + cm('a3', 'dl') }));
    test('a missing name among found ones', () =>
      same(['cm', 'b1', 'nope', 'b2', 'nope2', '-n', 'dl'], { seed: cm('b1', 'dl') + cm('b2', 'dl') }));
    test('only a missing name', () => same(['cm', 'nope', '-n', 'dl']));
    test('--ignore-not-found', () => same(['cm', 'nope', '-n', 'dl', '--ignore-not-found']));
    test('--ignore-not-found=false with --all keeps nothing to report', () => same(['secrets', '--all', '-n', 'dl', '--ignore-not-found=false']));
    test('TYPE/NAME pairs of several types', () => same(['cm/p1', 'secret/p2', '-n', 'dl'], { seed: cm('p1', 'dl') + secret('p2', 'dl') }));
    test('several types with one name', () => same(['cm,secret', 'both', '-n', 'dl'], { seed: cm('both', 'dl') + secret('both', 'dl') }));
    test('several types, one missing', () => same(['secret,cm', 'half', '-n', 'dl'], { seed: cm('half', 'dl') }));
    test('group-qualified kinds', () => same(['deployment', 'web', '-n', 'dl'], { seed: deployment('web', 'dl') }));
    test('a fully qualified type', () => same(['deployments.v1.apps/web2', '-n', 'dl'], { seed: deployment('web2', 'dl') }));
    test('-o name', () => same(['cm', 'on1', 'on2', '-n', 'dl', '-o', 'name'], { seed: cm('on1', 'dl') + cm('on2', 'dl') }));
    test('-o name for a group kind', () => same(['deploy/web3', '-n', 'dl', '-o', 'name'], { seed: deployment('web3', 'dl') }));
  });

  describe('from files', () => {
    test('-f with several documents', () => {
      const f = c.file('two.yaml', cm('f1', 'dl') + secret('f2', 'dl'));
      return same(['-f', f], { seed: cm('f1', 'dl') + secret('f2', 'dl') });
    });
    test('-f naming an object that does not exist', () => {
      const f = c.file('missing.yaml', cm('f3', 'dl') + cm('f-missing', 'dl'));
      return same(['-f', f], { seed: cm('f3', 'dl') });
    });
    test('-f from stdin', () => same(['-f', '-'], { seed: cm('f4', 'dl'), input: cm('f4', 'dl') }));
    test('-f a directory, -R', () => {
      mkdirSync(join(c.dir, 'tree', 'sub'), { recursive: true });
      c.file('tree/a.yaml', cm('t1', 'dl'));
      c.file('tree/sub/b.yaml', cm('t2', 'dl'));
      return same(['-f', join(c.dir, 'tree'), '-R'], { seed: cm('t1', 'dl') + cm('t2', 'dl') });
    });
    test('-f with -l keeps only matching objects', () => {
      const f = c.file('labelled.yaml', cm('l1', 'dl', { pick: 'yes' }) + cm('l2', 'dl'));
      return same(['-f', f, '-l', 'pick=yes'], { seed: cm('l1', 'dl', { pick: 'yes' }) + cm('l2', 'dl'), probe: () => exists(['cm', 'l2', '-n', 'dl']) });
    });
    test('-f with --all ignores what is missing', () => same(['-f', c.file('gone.yaml', cm('never', 'dl')), '--all']));
    test('-f with TYPE/NAME', () => same(['-f', c.file('x.yaml', cm('x', 'dl')), 'cm/x']));
    test('-f with a type', () => same(['-f', c.file('y.yaml', cm('y', 'dl')), 'cm']));
    test('-f with a missing path', () => same(['-f', join(c.dir, 'nope.yaml')]));
    test('-f with a kind the server does not know, among known ones', () => {
      const f = c.file('unknown.yaml', cm('u1', 'dl') + 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: dl}\n---\n' + cm('u2', 'dl'));
      return same(['-f', f], { seed: cm('u1', 'dl') + cm('u2', 'dl') });
    });
    test('-f whose namespace differs from -n', () => same(['-f', c.file('other-ns.yaml', cm('o1', 'sel')), '-n', 'dl']));
  });

  describe('selectors', () => {
    const seed = secret('s1', 'sel', { tier: 'web' }) + secret('s2', 'sel', { tier: 'web' }) + secret('s3', 'sel', { tier: 'db' });
    test('-l', () => same(['secrets', '-l', 'tier=web', '-n', 'sel'], { seed, probe: () => exists(['secrets', '-n', 'sel']) }));
    test('-l matching nothing', () => same(['secrets', '-l', 'tier=none', '-n', 'sel']));
    test('--field-selector', () => same(['secrets', '--field-selector', 'metadata.name=s3', '-n', 'sel'], { seed }));
    test('an unsupported field selector', () => same(['secrets', '--field-selector', 'spec.nope=1', '-n', 'sel']));
    test('--all', () => same(['secrets', '--all', '-n', 'all1'], { seed: secret('x1', 'all1') + secret('x2', 'all1') }));
    test('--all in an empty namespace', () => same(['secrets,deployments', '--all', '-n', 'all2']));
    test('-A -l across namespaces', () =>
      same(['secrets', '-A', '-l', 'spread=yes'], { seed: secret('sp', 'xa', { spread: 'yes' }) + secret('sp', 'xb', { spread: 'yes' }) + secret('keep', 'xb') }));
    test('--all and -l together', () => same(['secrets', '--all', '-l', 'a=b']));
    test('-l with names', () => same(['secrets', 'a', '-l', 'a=b']));
    test('--all with TYPE/NAME', () => same(['secret/a', '--all']));
    test('a selector without a type', () => same(['--all']));
    test('-A with a name', () => same(['secrets', 'a', '-A']));
    // pod templates: a type no other case (and nothing in the server) creates
    const template = (ns: string) => `apiVersion: v1\nkind: PodTemplate\nmetadata: {name: everywhere, namespace: ${ns}}\ntemplate: {spec: {containers: [{name: c, image: nginx}]}}\n---\n`;
    test('-A --all', () => same(['podtemplates', '-A', '--all'], { seed: template('xa') + template('xb') }));
    test('--all in a namespace that does not exist', () => same(['secrets', '--all', '-n', 'no-such-ns']));
    test('-l and --field-selector together', () =>
      same(['secrets', '-l', 'tier=web', '--field-selector', 'metadata.name!=s1', '-n', 'sel'], { seed, probe: () => exists(['secrets', '-n', 'sel']) }));
    test('an invalid label selector', () => same(['secrets', '-l', 'a b', '-n', 'sel']));
  });

  describe('flags', () => {
    test('--dry-run=client', () => same(['cm', 'dr', 'not-there', '-n', 'dl', '--dry-run=client'], { seed: cm('dr', 'dl'), probe: () => exists(['cm', 'dr', '-n', 'dl']) }));
    test('--dry-run=server', () => same(['cm', 'dr', '-n', 'dl', '--dry-run=server'], { seed: cm('dr', 'dl'), probe: () => exists(['cm', 'dr', '-n', 'dl']) }));
    test('--dry-run=server, missing object', () => same(['cm', 'nope', '-n', 'dl', '--dry-run=server']));
    test('bare --dry-run is deprecated', () => same(['cm', 'dr', '-n', 'dl', '--dry-run']));
    test('--dry-run with -o name', () => same(['cm', 'dr', '-n', 'dl', '--dry-run=client', '-o', 'name']));
    test('--dry-run=bogus', () => same(['cm', 'dr', '-n', 'dl', '--dry-run=bogus']));
    test('--cascade=bogus', () => same(['cm', 'dr', '-n', 'dl', '--cascade=bogus']));
    test('--cascade=true is deprecated', () => same(['cm', 'ct', '-n', 'dl', '--cascade=true'], { seed: cm('ct', 'dl') }));
    test('--cascade=false is deprecated', () => same(['cm', 'ct', '-n', 'dl', '--cascade=false'], { seed: cm('ct', 'dl') }));
    test('bare --cascade', () => same(['cm', 'ct', '-n', 'dl', '--cascade'], { seed: cm('ct', 'dl') }));
    test('--now with --grace-period', () => same(['cm', 'x', '-n', 'dl', '--now', '--grace-period=5']));
    test('--force with a positive grace period', () => same(['cm', 'x', '-n', 'dl', '--force', '--grace-period=3']));
    test('--grace-period=0 without --force', () => same(['cm', 'g0', '-n', 'dl', '--grace-period=0'], { seed: cm('g0', 'dl') }));
    test('--force on a configmap', () => same(['cm', 'g1', '-n', 'dl', '--force'], { seed: cm('g1', 'dl') }));
    test('-o yaml is refused', () => same(['cm', 'x', '-n', 'dl', '-o', 'yaml']));
    test('a bad --timeout', () => same(['cm', 'x', '-n', 'dl', '--timeout=soon']));
    test('a bad --grace-period', () => same(['cm', 'x', '-n', 'dl', '--grace-period=abc']));
  });

  describe('usage errors', () => {
    test('no arguments', () => same([]));
    test('a type without names', () => same(['configmaps']));
    test('several types without names', () => same(['configmaps,secrets']));
    test('an unknown type', () => same(['bogus', 'x']));
    test('an unknown type with --all', () => same(['cm,bogus', '--all']));
    test('pairs mixed with a type', () => same(['cm', 'secret/x']));
  });

  describe('cluster scope', () => {
    test('-n with cluster-scoped objects warns once', () => same(['clusterrole', 'cr1', 'cr2', '-n', 'dl'], { seed: clusterRole('cr1') + clusterRole('cr2') }));
    test('-n with a missing cluster-scoped object', () => same(['clusterrole', 'nope', '-n', 'dl']));
    test('no warning without -n', () => same(['clusterrole/cr3'], { seed: clusterRole('cr3') }));
    test('-f mixing scopes with -n', () => {
      const f = c.file('mixed.yaml', cm('m1', 'dl') + clusterRole('cr4'));
      return same(['-f', f, '-n', 'dl'], { seed: cm('m1', 'dl') + clusterRole('cr4') });
    });
  });

  describe('cascades', () => {
    // an owner and a dependent configmap; the server's garbage collector acts on the policy
    const seed = async () => {
      await c.kubectl(['wait', '--for=delete', 'cm/child', '-n', 'casc', '--timeout=10s']);
      await apply(deployment('owner', 'casc'));
      const uid = (await ok(['get', 'deploy', 'owner', '-n', 'casc', '-o', 'jsonpath={.metadata.uid}'])).trim();
      await apply(cm('child', 'casc', {}, `  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: owner, uid: ${uid}}]\n`));
    };
    // the dependent is gone shortly after a background delete; orphaned it stays without owner
    const child = async () => {
      await c.kubectl(['wait', '--for=delete', 'cm/child', '-n', 'casc', '--timeout=3s']);
      return (await c.kubectl(['get', 'cm', 'child', '-n', 'casc', '-o', 'jsonpath={.metadata.name} owners={.metadata.ownerReferences}'])).stdout || 'gone';
    };
    const orphanSeed = async () => {
      await c.kubectl(['delete', 'cm', 'child', '-n', 'casc', '--ignore-not-found']);
      await seed();
    };
    test('background (default)', () => same(['deploy', 'owner', '-n', 'casc'], { seed, probe: child }));
    test('foreground', () => same(['deploy', 'owner', '-n', 'casc', '--cascade=foreground'], { seed, probe: child }));
    test('orphan', () => same(['deploy', 'owner', '-n', 'casc', '--cascade=orphan'], { seed: orphanSeed, probe: child }));
  });

  describe('waiting', () => {
    // a finalizer nobody removes keeps the object until the seed clears it
    const held = async () => {
      await c.kubectl(['patch', 'cm', 'held', '-n', 'fin', '--type=merge', '-p', '{"metadata":{"finalizers":null}}']);
      await c.kubectl(['wait', '--for=delete', 'cm/held', '-n', 'fin', '--timeout=10s']);
      await apply(cm('held', 'fin', {}, '  finalizers: [example.com/hold]\n'));
    };
    const terminating = async () => (await ok(['get', 'cm', 'held', '-n', 'fin', '-o', 'jsonpath={.metadata.finalizers} {.metadata.deletionTimestamp}'])).replace(/\S+T\S+Z/, 'set');
    test('a finalizer outlasts --timeout', () => same(['cm', 'held', '-n', 'fin', '--timeout=1s'], { seed: held, probe: terminating }));
    test('--wait=false returns at once', () => same(['cm', 'held', '-n', 'fin', '--wait=false'], { seed: held, probe: terminating }));
    test('the timeout names the first object still there', () => same(['cm', 'held', 'free', '-n', 'fin', '--timeout=1s'], { seed: async () => (await held(), apply(cm('free', 'fin'))) }));
    test('a negative --timeout gives up at once', () => same(['cm', 'held', '-n', 'fin', '--timeout=-1s'], { seed: held }));
    test('-o name with a timeout', () => same(['cm/held', '-n', 'fin', '--timeout=1s', '-o', 'name'], { seed: held }));
    // a pod bound to an existing node lingers in graceful deletion (no kubelet here)
    const bound = async () => {
      await c.kubectl(['delete', 'pod', 'bound', '-n', 'pods', '--force', '--ignore-not-found']);
      await apply(pod('bound', 'pods', 'node1'));
    };
    test('a graceful pod deletion outlasts --timeout', () => same(['pod', 'bound', '-n', 'pods', '--timeout=1s'], { seed: bound }));
    test('--now on a bound pod, not waiting', () => same(['pod', 'bound', '-n', 'pods', '--now', '--wait=false'], { seed: bound }));
    test('--force removes a bound pod at once', () => same(['pod', 'bound', '-n', 'pods', '--force'], { seed: bound, probe: () => exists(['pod', 'bound', '-n', 'pods']) }));
    test('--grace-period=0 --force', () => same(['pod', 'bound', '-n', 'pods', '--grace-period=0', '--force'], { seed: bound }));
    test('an unscheduled pod goes at once', () => same(['pod', 'free', '-n', 'pods'], { seed: pod('free', 'pods') }));
    test('a namespace waits for its contents', () =>
      same(['namespace', 'doomed'], {
        seed: async () => {
          await c.kubectl(['wait', '--for=delete', 'namespace/doomed', '--timeout=20s']);
          await ok(['create', 'namespace', 'doomed']);
          await apply(cm('inside', 'doomed') + secret('inside', 'doomed'));
        },
      }));
  });

  describe('categories', () => {
    test('all --all', () => same(['all', '--all', '-n', 'cat'], { seed: deployment('cd', 'cat') + pod('cp', 'cat') }));
  });

  describe('--raw', () => {
    test('an object', () => same(['--raw', '/api/v1/namespaces/dl/configmaps/raw1'], { seed: cm('raw1', 'dl') }));
    test('with a body from -f', () =>
      same(['--raw', '/api/v1/namespaces/dl/configmaps/raw2', '-f', c.file('opts.json', '{"kind":"DeleteOptions","apiVersion":"v1","dryRun":["All"]}')], { seed: cm('raw2', 'dl') }));
    test('a missing object', () => same(['--raw', '/api/v1/namespaces/dl/configmaps/nope']));
    test('a missing body file', () => same(['--raw', '/api/v1/namespaces/dl/configmaps/nope', '-f', 'no-such-file.json']));
    test('not a path', () => same(['--raw', 'relative/path']));
    test('a bad escape', () => same(['--raw', '/api/%zz']));
    test('with -o name', () => same(['--raw', '/api', '-o', 'name']));
    test('with -i', () => same(['--raw', '/api', '-i']));
    test('with two files', () => same(['--raw', '/api', '-f', 'a', '-f', 'b']));
    test('with --all and -l', () => same(['--raw', '/api', '--all', '-l', 'a=b']));
  });

  describe('completion', () => {
    test('types', () => c.same(['__complete', 'delete', '']).then(() => undefined));
    test('names of a cluster-scoped type', () => c.same(['__complete', 'delete', 'clusterrole', 'system:a']).then(() => undefined));
    test('TYPE/ prefixes', () => c.same(['__complete', 'delete', 'namespace/']).then(() => undefined));
  });

  describe('--interactive', () => {
    const seed = secret('i1', 'inter') + secret('i2', 'inter');
    const left = () => exists(['secrets', '-n', 'inter']);
    test('confirmed', () => same(['secrets', 'i1', 'i2', '-n', 'inter', '-i'], { seed, input: 'y\n', probe: left }));
    test('refused', () => same(['secrets', '--all', '-n', 'inter', '-i'], { seed, input: 'n\n', probe: left }));
    test('no answer', () => same(['secrets', 'i1', '-n', 'inter', '-i'], { seed }));
    test('nothing selected', () => same(['secrets', '-l', 'none=here', '-n', 'inter', '-i']));
  });
});
