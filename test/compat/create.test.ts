// Differential tests of `create`: real kubectl 1.32 and ktl against one bundled server. Objects
// built from flags are compared byte for byte (-o yaml/json with --dry-run=client); real creates
// use a different name per binary (k-… for kubectl, t-… for ktl) so that both succeed, and the
// outputs are compared with that prefix folded.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SKIP, normalize, startCompat, type Compat, type RunOptions } from './harness.ts';

// what the server allocates differs between two creates: cluster IPs and node ports
const norm = (s: string) =>
  normalize(s)
    .replace(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g, '<ip>')
    .replace(/("?nodePort"?:\s*)\d+/g, '$1<port>')
    .replace(/eyJ[\w.-]+/g, '<jwt>');

describe('kubectl create', { skip: SKIP }, () => {
  let c: Compat;
  let dir: string;
  const cleanups: (() => unknown)[] = [];
  const same = async (args: string[], opts: RunOptions & { normalize?: (s: string) => string } = {}): Promise<void> => {
    await c.same(['create', ...args], { normalize: norm, ...opts });
  };

  /**
   * Each binary creates its own objects: WHO in the arguments (and in `files`) becomes k for
   * kubectl and t for ktl; outputs are compared with the prefix folded back to WHO.
   */
  const twin = async (args: string[], opts: { input?: string; files?: Record<string, string> } = {}): Promise<void> => {
    const results = [];
    for (const [who, runner] of [['k', c.kubectl], ['t', c.ktl]] as const) {
      for (const [name, text] of Object.entries(opts.files ?? {})) writeFileSync(join(dir, name.replaceAll('WHO', who)), text.replaceAll('WHO', who));
      const r = await runner(['create', ...args.map((a) => a.replaceAll('WHO', who))], { input: opts.input?.replaceAll('WHO', who) });
      const fold = (s: string) => norm(s.replace(new RegExp(`\\b${who}-`, 'g'), 'WHO-'));
      results.push({ code: r.code, stdout: fold(r.stdout), stderr: fold(r.stderr) });
    }
    const [expected, actual] = results;
    const label = `kubectl create ${args.join(' ')}`;
    assert.equal(actual!.stdout, expected!.stdout, `${label}: stdout differs`);
    assert.equal(actual!.stderr, expected!.stderr, `${label}: stderr differs`);
    assert.equal(actual!.code, expected!.code, `${label}: exit code differs`);
  };

  before(async () => {
    c = await startCompat({ after: (fn) => cleanups.push(fn) });
    dir = c.dir;
    mkdirSync(join(dir, 'conf'));
    writeFileSync(join(dir, 'conf', 'app.ini'), '[main]\nmode = fast\n');
    writeFileSync(join(dir, 'conf', 'level'), '3');
    writeFileSync(join(dir, 'conf', 'blob.bin'), Buffer.from([0xff, 0xfe, 0x00, 0x01]));
    mkdirSync(join(dir, 'conf', 'sub'));
    writeFileSync(join(dir, 'conf', 'sub', 'ignored'), 'x');
    c.file('app.env', '# comment\nMODE=fast\n\n  LEVEL=3\nEMPTY=\n');
    c.file('bad-key.env', '1BAD=x\n');
    c.file('docker.json', '{"auths":{"r.example.com":{"auth":"dTpw"}}}');
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  describe('generators, --dry-run=client', () => {
    const generators: [string, string[]][] = [
      ['configmap from literals', ['configmap', 'cm1', '--from-literal=a=1', '--from-literal=b=two words']],
      ['configmap from a directory and a keyed file', ['configmap', 'cm2', '--from-file=CONF', '--from-file=renamed=CONF/level']],
      ['configmap from an env file', ['cm', 'cm3', '--from-env-file=ENV']],
      ['configmap with --append-hash', ['configmap', 'cm4', '--from-literal=a=1', '--append-hash']],
      ['configmap in an explicit namespace', ['configmap', 'cm5', '--from-literal=a=1', '-n', 'other']],
      ['secret generic', ['secret', 'generic', 's1', '--from-literal=user=app', '--from-file=CONF/level', '--type=custom/type']],
      ['secret generic from an env file with hash', ['secret', 'generic', 's2', '--from-env-file=ENV', '--append-hash']],
      ['secret docker-registry', ['secret', 'docker-registry', 's3', '--docker-username=u', '--docker-password=p<&>', '--docker-email=e@example.com']],
      ['secret docker-registry from a file', ['secret', 'docker-registry', 's4', '--from-file=DIR/docker.json']],
      ['deployment', ['deployment', 'web', '--image=nginx']],
      ['deployment with images, port, replicas', ['deploy', 'web', '--image=nginx:1.27', '--image=registry.example.com/team/redis@sha256:abc', '--port=80', '-r', '3']],
      ['deployment with a command', ['deployment', 'web', '--image=busybox', '--', 'sleep', '3600']],
      ['namespace', ['namespace', 'team-a']],
      ['serviceaccount', ['sa', 'builder', '-n', 'ci']],
      ['service clusterip', ['service', 'clusterip', 'svc', '--tcp=80:8080', '--tcp=443']],
      ['service clusterip headless', ['svc', 'clusterip', 'svc', '--clusterip=None']],
      ['service nodeport', ['service', 'nodeport', 'svc', '--tcp=80:http', '--node-port=30080']],
      ['service loadbalancer', ['service', 'loadbalancer', 'svc', '--tcp=5678:8080']],
      ['service externalname', ['service', 'externalname', 'svc', '--external-name=db.example.com']],
      ['job', ['job', 'once', '--image=busybox', '--', 'echo', 'hi']],
      ['cronjob', ['cronjob', 'tick', '--image=busybox', '--schedule=*/1 * * * *']],
      ['cronjob with restart and command', ['cj', 'tick', '--image=busybox', '--schedule=0 0 * * *', '--restart=Never', '--', 'date']],
      ['rolebinding', ['rolebinding', 'rb', '--role=reader', '--user=ann', '--group=devs', '--serviceaccount=ci:builder']],
      ['rolebinding to a cluster role', ['rolebinding', 'rb', '--clusterrole=view', '--user=bob']],
      ['clusterrolebinding', ['clusterrolebinding', 'crb', '--clusterrole=view', '--user=ann', '--serviceaccount=ci:builder']],
      ['quota', ['quota', 'q', '--hard=cpu=1000m,memory=1024Mi,pods=10', '--scopes=BestEffort,NotTerminating']],
      ['priorityclass', ['priorityclass', 'pc', '--value=1000', '--global-default', '--description=important <stuff>']],
      ['priorityclass preemption policy', ['pc', 'pc', '--value=5', '--preemption-policy=Never']],
      ['pdb min-available', ['pdb', 'p', '--selector=app=web,tier in (a,b),!legacy', '--min-available=50%']],
      ['pdb max-unavailable', ['poddisruptionbudget', 'p', '--selector=app=web', '--max-unavailable=1']],
      ['ingress', ['ingress', 'ing', '--rule=foo.com/=svc:http', '--rule=foo.com/api*=api:8080,tls=cert', '--rule=bar.com/x=b:80,tls=cert', '--rule=/y=c:1,tls']],
      ['ingress with default backend, class, annotations', ['ing', 'ing', '--default-backend=fallback:80', '--class=nginx', '--annotation=a=b', '--annotation=c=']],
      ['role', ['role', 'r', '--verb=get,list', '--verb=get', '--resource=pods,deployments.apps,pods/log,rs', '--resource-name=x']],
      ['role with all resources', ['role', 'r', '--verb=*', '--resource=*']],
      ['role with a special verb', ['role', 'r', '--verb=bind', '--resource=roles.rbac.authorization.k8s.io']],
      ['clusterrole', ['clusterrole', 'cr', '--verb=get', '--resource=nodes', '--non-resource-url=/logs/*', '--non-resource-url=/healthz']],
      ['clusterrole aggregation', ['clusterrole', 'cr', '--aggregation-rule=team=a, tier = b']],
    ];
    const expand = (args: string[]) => args.map((a) => a.replace('CONF', join(dir, 'conf')).replace('ENV', join(dir, 'app.env')).replace('DIR', dir));
    for (const [title, args] of generators) {
      // the flags go before a `--` that starts a container command
      const dash = args.indexOf('--');
      const withFlags = (flags: string[]) => expand(dash < 0 ? [...args, ...flags] : [...args.slice(0, dash), ...flags, ...args.slice(dash)]);
      test(`${title} -o yaml`, () => same(withFlags(['--dry-run=client', '-o', 'yaml'])));
      test(`${title} -o json`, () => same(withFlags(['--dry-run=client', '-o', 'json'])));
    }
    test('confirmation line', () => same(['deployment', 'web', '--image=nginx', '--dry-run=client']));
    test('-o name', () => same(['configmap', 'x', '--dry-run=client', '-o', 'name']));
    test('--save-config', () => same(['deployment', 'web', '--image=nginx', '--dry-run=client', '--save-config', '-o', 'yaml']));
    test('--save-config with annotations', () => same(['ingress', 'i', '--rule=a.com/=s:80', '--annotation=x=<y>', '--dry-run=client', '--save-config', '-o', 'json']));
    test('services ignore --save-config', () => same(['service', 'clusterip', 's', '--tcp=80', '--dry-run=client', '--save-config', '-o', 'yaml']));
    test('jsonpath output', () => same(['secret', 'generic', 's', '--from-literal=a=b', '--dry-run=client', '-o', 'jsonpath={.data.a}']));
    test('go-template output', () => same(['namespace', 'n', '--dry-run=client', '-o', 'go-template={{.metadata.name}}']));
    test('server dry run', () => same(['configmap', 'dry', '--from-literal=a=b', '--dry-run=server']));
    test('bare --dry-run warns', () => same(['namespace', 'n', '--dry-run', '-o', 'name'], { normalize: (s) => norm(s).replace(/\d{2}:\d{2}:\d{2}\.\d+\s+\d+/g, '<t>') }));
  });

  describe('validation errors', () => {
    const cases: string[][] = [
      [],
      ['nope'],
      ['configmap'],
      ['configmap', 'a', 'b'],
      ['deployment', 'd'],
      ['cronjob', 'c'],
      ['cronjob', 'c', '--image=x'],
      ['clusterrolebinding', 'x'],
      ['service', 'externalname', 's'],
      ['job', 'j'],
      ['job', 'j', '--image=a', '--from=cronjob/x'],
      ['job', 'j', '--from=cronjob/x', '--', 'cmd'],
      ['token'],
      ['service', 'nope'],
      ['configmap', 'x', '--from-literal=a'],
      ['configmap', 'x', '--from-literal==a'],
      ['configmap', 'x', '--from-file==a'],
      ['configmap', 'x', '--from-file=a='],
      ['configmap', 'x', '--from-file=a=b=c'],
      ['configmap', 'x', '--from-env-file=ENV', '--from-literal=a=b'],
      ['configmap', 'x', '--from-literal=a=b', '--from-literal=a=c', '--dry-run=client'],
      ['configmap', 'x', '--from-literal=a b=c', '--dry-run=client'],
      ['configmap', 'x', '--from-file=/nonexistent', '--dry-run=client'],
      ['configmap', 'x', '--from-file=k=CONF', '--dry-run=client'],
      ['configmap', 'x', '--from-env-file=CONF', '--dry-run=client'],
      ['configmap', 'x', '--from-env-file=BADENV', '--dry-run=client'],
      ['secret', 'generic', 'x', '--from-literal=a=b', '--from-literal=a=c', '--dry-run=client'],
      ['secret', 'generic', 'x', '--from-literal=..a=b', '--dry-run=client'],
      ['secret', 'generic', 'x', '--from-env-file=CONF', '--dry-run=client'],
      ['secret', 'docker-registry', 'x', '--dry-run=client'],
      ['secret', 'tls', 'x', '--dry-run=client'],
      ['secret', 'tls', 'x', '--cert=/nonexistent', '--key=/nonexistent', '--dry-run=client'],
      ['secret', 'tls', 'x', '--cert=ENV', '--key=ENV', '--dry-run=client'],
      ['service', 'clusterip', 's', '--dry-run=client'],
      ['service', 'clusterip', 's', '--tcp=abc:x', '--dry-run=client'],
      ['service', 'clusterip', 's', '--tcp=80:0', '--dry-run=client'],
      ['service', 'clusterip', 's', '--tcp=80:A', '--dry-run=client'],
      ['service', 'clusterip', 's', '--tcp=99999', '--dry-run=client'],
      ['service', 'nodeport', 's', '--clusterip=None', '--dry-run=client'],
      ['service', 'externalname', 's', '--external-name=A_B', '--dry-run=client'],
      ['deployment', 'd', '--image=a', '--image=b', '--dry-run=client', '--', 'cmd'],
      ['deployment', 'd', '--image=a', '--dry-run=bogus'],
      ['deployment', 'd', '--image=a', '--dry-run=client', '-o', 'bogus'],
      ['deployment', 'd', '--image=a', '--dry-run=client', '--validate=bogus'],
      ['role', 'r', '--dry-run=client'],
      ['role', 'r', '--verb=get', '--dry-run=client'],
      ['role', 'r', '--verb=get', '--resource=foo', '--dry-run=client'],
      ['role', 'r', '--verb=get', '--resource=pods.foo', '--dry-run=client'],
      ['role', 'r', '--verb=use', '--resource=pods', '--dry-run=client'],
      ['role', 'r', '--verb=get', '--resource=.apps', '--dry-run=client'],
      ['role', 'r', '--verb=frobnicate', '--resource=pods', '--dry-run=client', '-o', 'name'],
      ['clusterrole', 'r', '--dry-run=client'],
      ['clusterrole', 'r', '--verb=get', '--dry-run=client'],
      ['clusterrole', 'r', '--verb=list', '--non-resource-url=/x', '--dry-run=client'],
      ['clusterrole', 'r', '--verb=get', '--non-resource-url=x', '--dry-run=client'],
      ['clusterrole', 'r', '--verb=get', '--non-resource-url=/x*/y', '--dry-run=client'],
      ['clusterrole', 'r', '--aggregation-rule=a=b', '--verb=get', '--dry-run=client'],
      ['clusterrole', 'r', '--aggregation-rule=ab', '--dry-run=client'],
      ['rolebinding', 'rb', '--dry-run=client'],
      ['rolebinding', 'rb', '--role=a', '--clusterrole=b', '--dry-run=client'],
      ['rolebinding', 'rb', '--role=a', '--serviceaccount=foo', '--dry-run=client'],
      ['quota', 'q', '--hard=cpu', '--dry-run=client'],
      ['quota', 'q', '--hard=cpu=abc', '--dry-run=client'],
      ['quota', 'q', '--scopes=a,,b', '--dry-run=client'],
      ['pdb', 'p', '--dry-run=client'],
      ['pdb', 'p', '--selector=a=b', '--dry-run=client'],
      ['pdb', 'p', '--selector=a=b', '--min-available=1', '--max-unavailable=1', '--dry-run=client'],
      ['pdb', 'p', '--selector=a=b', '--min-available=x', '--dry-run=client'],
      ['pdb', 'p', '--selector=a!=b', '--min-available=1', '--dry-run=client'],
      ['pdb', 'p', '--selector=a>1', '--min-available=1', '--dry-run=client'],
      ['pdb', 'p', '--selector=a b', '--min-available=1', '--dry-run=client'],
      ['ingress', 'i', '--dry-run=client'],
      ['ingress', 'i', '--rule=foo', '--dry-run=client'],
      ['ingress', 'i', '--rule=a.com/=s:1', '--annotation=foo', '--dry-run=client'],
      ['ingress', 'i', '--default-backend=foo', '--dry-run=client'],
      ['token', 'default', '--duration=-1s'],
      ['token', 'default', '--duration=1500ms'],
      ['token', 'default', '--audience='],
      ['token', 'default', '--bound-object-name=x'],
      ['token', 'default', '--bound-object-uid=x'],
      ['token', 'default', '--bound-object-kind=Foo'],
      ['token', 'default', '--bound-object-kind=Pod'],
      ['token', 'nope'],
      ['priorityclass', 'p', '--value=abc'],
      ['job', 'j', '--from=cronjob/nope'],
      ['job', 'j', '--from=foo/bar'],
    ];
    const expand = (args: string[]) => args.map((a) => a.replace('BADENV', join(dir, 'bad-key.env')).replace('CONF', join(dir, 'conf')).replace('ENV', join(dir, 'app.env')));
    for (const args of cases) test(args.join(' ') || '(no arguments)', () => same(expand(args)));
  });

  describe('generators against the server', () => {
    const kinds: string[][] = [
      ['configmap', 'WHO-cm', '--from-literal=a=b'],
      ['secret', 'generic', 'WHO-s', '--from-literal=a=b'],
      ['secret', 'docker-registry', 'WHO-d', '--docker-username=u', '--docker-password=p'],
      ['deployment', 'WHO-web', '--image=nginx', '--replicas=2'],
      ['namespace', 'WHO-ns'],
      ['serviceaccount', 'WHO-sa'],
      ['service', 'clusterip', 'WHO-svc', '--tcp=80:8080'],
      ['service', 'nodeport', 'WHO-np', '--tcp=80'],
      ['service', 'externalname', 'WHO-ext', '--external-name=db.example.com'],
      ['job', 'WHO-job', '--image=busybox'],
      ['cronjob', 'WHO-cj', '--image=busybox', '--schedule=*/5 * * * *'],
      ['role', 'WHO-role', '--verb=get', '--resource=pods'],
      ['clusterrole', 'WHO-cr', '--aggregation-rule=a=b'],
      ['rolebinding', 'WHO-rb', '--role=WHO-role', '--user=u'],
      ['clusterrolebinding', 'WHO-crb', '--clusterrole=WHO-cr', '--group=g'],
      ['quota', 'WHO-q', '--hard=pods=4'],
      ['priorityclass', 'WHO-pc', '--value=7'],
      ['pdb', 'WHO-pdb', '--selector=app=x', '--min-available=1'],
      ['ingress', 'WHO-ing', '--rule=a.com/=s:80'],
    ];
    for (const args of kinds) {
      test(`${args[0]}: created`, () => twin(args));
      test(`${args[0]}: already exists`, () => twin(args));
    }
    for (const args of kinds.slice(0, 12)) {
      test(`${args[0]} -o json, --save-config`, () => twin([...args.map((a) => a.replace('WHO-', 'WHO-j')), '-o', 'json', '--save-config']));
    }
    test('-o yaml after creating', () => twin(['deployment', 'WHO-y', '--image=nginx', '-o', 'yaml']));
    test('server dry run -o yaml', () => twin(['configmap', 'WHO-sd', '--from-literal=k=v', '--dry-run=server', '-o', 'yaml']));
    test('rejected by the server', () => twin(['configmap', 'WHO-Bad', '--from-literal=a=b']));
    test('namespace that does not exist', () => twin(['configmap', 'WHO-x', '--from-literal=a=b', '-n', 'WHO-missing']));
    test('job from a cron job', async () => {
      await twin(['cronjob', 'WHO-src', '--image=busybox', '--schedule=0 * * * *']);
      await twin(['job', 'WHO-manual', '--from=cronjob/WHO-src', '-o', 'json']);
    });
    test('job from something else', () => twin(['job', 'WHO-other', '--from=deployment/WHO-web']));
    test('token -o yaml', () =>
      twin(['token', 'default', '--duration=2h', '--audience=a', '-o', 'yaml'], {}));
    test('token printed bare', async () => {
      const [k, t] = [await c.kubectl(['create', 'token', 'default']), await c.ktl(['create', 'token', 'default'])];
      assert.equal(t.code, k.code);
      assert.match(k.stdout, /^[\w-]+\.[\w-]+\.[\w-]+$/);
      assert.match(t.stdout, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    });
  });

  describe('create -f', () => {
    const multi = `apiVersion: v1
kind: ConfigMap
metadata:
  name: WHO-a
data:
  k: v
---
apiVersion: v1
kind: Secret
metadata:
  name: WHO-b
  labels:
    tier: back
stringData:
  p: q
`;
    const list = '{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"WHO-l1"}},{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"WHO-l2","labels":{"tier":"back"}}}]}\n';
    const invalid = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: WHO-inv\ndata:\n  'a b': c\n";
    const unknown = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: WHO-unk\nbogus: 1\n';
    const noKind = 'apiVersion: v1\nkind: Nope\nmetadata:\n  name: WHO-nope\n';
    const f = (name: string) => join(dir, name);

    test('multi-document YAML, dry run', () => twin(['-f', f('WHO-multi.yaml'), '--dry-run=client'], { files: { 'WHO-multi.yaml': multi } }));
    test('multi-document YAML, dry run -o yaml', () => twin(['-f', f('WHO-multi.yaml'), '--dry-run=client', '-o', 'yaml']));
    test('multi-document YAML, dry run -o json', () => twin(['-f', f('WHO-multi.yaml'), '--dry-run=client', '-o', 'json']));
    test('--save-config, dry run', () => twin(['-f', f('WHO-multi.yaml'), '--dry-run=client', '--save-config', '-o', 'json']));
    test('explicit namespace, dry run', () => twin(['-f', f('WHO-multi.yaml'), '-n', 'other', '--dry-run=client', '-o', 'yaml']));
    test('List, -o name', () => twin(['-f', f('WHO-list.json'), '--dry-run=client', '-o', 'name'], { files: { 'WHO-list.json': list } }));
    test('-l filter', () => twin(['-f', f('WHO-list.json'), '-f', f('WHO-multi.yaml'), '--dry-run=client', '-l', 'tier=back']));
    test('-l matching nothing', () => twin(['-f', f('WHO-list.json'), '--dry-run=client', '-l', 'tier=none']));
    test('server dry run', () => twin(['-f', f('WHO-multi.yaml'), '--dry-run=server']));
    test('created', () => twin(['-f', f('WHO-multi.yaml')]));
    test('already exists', () => twin(['-f', f('WHO-multi.yaml')]));
    test('mixed good and bad', () => twin(['-f', f('WHO-list.json'), '-f', f('WHO-multi.yaml'), '-f', f('WHO-inv.yaml')], { files: { 'WHO-inv.yaml': invalid } }));
    test('one invalid object', () => twin(['-f', f('WHO-inv.yaml'), '-o', 'name']));
    test('unknown field, strict validation', () => twin(['-f', f('WHO-unk.yaml'), '--dry-run=server'], { files: { 'WHO-unk.yaml': unknown } }));
    test('unknown field, --validate=false', () => twin(['-f', f('WHO-unk.yaml'), '--dry-run=server', '--validate=false']));
    test('unknown field, --validate=warn', () => twin(['-f', f('WHO-unk.yaml'), '--dry-run=server', '--validate=warn']));
    test('unknown kind', () => twin(['-f', f('WHO-nokind.yaml'), '-f', f('WHO-multi.yaml'), '--dry-run=server'], { files: { 'WHO-nokind.yaml': noKind } }));
    test('two unknown kinds besides objects that exist', () =>
      twin(['-f', f('WHO-nokind.yaml'), '-f', f('WHO-nokind2.yaml'), '-f', f('WHO-multi.yaml')], { files: { 'WHO-nokind2.yaml': noKind.replace('Nope', 'Nah') } }));
    test('unknown kinds only', () => twin(['-f', f('WHO-nokind.yaml'), '-f', f('WHO-nokind2.yaml')]));
    test('a directory', async () => {
      for (const who of ['k', 't']) mkdirSync(join(dir, `${who}-dir`, 'nested'), { recursive: true });
      await twin(['-f', f('WHO-dir'), '--dry-run=client', '-o', 'name'], {
        files: { 'WHO-dir/a.yaml': multi, 'WHO-dir/b.json': list, 'WHO-dir/notes.txt': 'not a manifest', 'WHO-dir/nested/c.yaml': invalid },
      });
    });
    test('a directory, -R', () => twin(['-f', f('WHO-dir'), '-R', '--dry-run=client', '-o', 'name']));
    test('stdin', () => twin(['-f', '-', '-o', 'name'], { input: multi.replaceAll('WHO-', 'WHO-stdin-') }));
    test('stdin, -o json', () => twin(['-f', '-', '--dry-run=client', '-o', 'json'], { input: list }));
    test('--raw', () => same(['-f', f('k-multi.yaml'), '--raw', '/api/v1/namespaces/default/configmaps']));
    test('--raw with several files', () => same(['-f', f('k-multi.yaml'), '-f', f('k-list.json'), '--raw', '/api/v1/namespaces/default/configmaps']));
    test('--raw with -o', () => same(['-f', f('k-multi.yaml'), '--raw', '/api/v1/namespaces/default/configmaps', '-o', 'yaml']));
    test('--raw with --edit', () => same(['-f', f('k-multi.yaml'), '--raw', '/api/v1/namespaces/default/configmaps', '--edit']));
    test('--raw posts the file', () =>
      twin(['-f', f('WHO-raw.json'), '--raw', '/api/v1/namespaces/default/configmaps'], {
        files: { 'WHO-raw.json': '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"WHO-raw"}}' },
      }));
    test('a missing path', () => same(['-f', '/nonexistent/file.yaml']));
    test('arguments are refused', () => same(['-f', f('k-multi.yaml'), 'extra']));
  });
});
