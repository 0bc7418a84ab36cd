// The generators' object builders: what kubectl would build from the same flags, without a server.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildConfigMap } from '../../../src/cli/create/configmap.ts';
import { buildDeployment, containerNameFor } from '../../../src/cli/create/deployment.ts';
import { buildIngress } from '../../../src/cli/create/ingress.ts';
import { buildCronJob, buildJob, jobFromCronJob } from '../../../src/cli/create/job.ts';
import { buildPdb, parseToLabelSelector } from '../../../src/cli/create/pdb.ts';
import { buildPriorityClass } from '../../../src/cli/create/priorityclass.ts';
import { parseHard, parseScopes } from '../../../src/cli/create/quota.ts';
import { normalizeVerbs, parseAggregationRule, parseResources, policyRules } from '../../../src/cli/create/role.ts';
import { buildClusterRoleBinding, buildRoleBinding } from '../../../src/cli/create/rolebinding.ts';
import { buildGenericSecret, dockerConfigJson } from '../../../src/cli/create/secret.ts';
import { buildService, parsePorts } from '../../../src/cli/create/service.ts';
import { buildNamespace, buildServiceAccount } from '../../../src/cli/create/simple.ts';
import { parseFileSource, parseLiteralSource } from '../../../src/cli/create/sources.ts';
import { tokenRequest, validateToken } from '../../../src/cli/create/token.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'ktl-create-'));
const base = { namespace: '', fileSources: [], literalSources: [], envFileSources: [], appendHash: false, cwd: '/', env: {} };

test('configmap: literals, files, binary content, struct order', () => {
  const dir = scratch();
  writeFileSync(join(dir, 'text'), 'hello\n');
  writeFileSync(join(dir, 'bin'), Buffer.from([0xff, 0x00]));
  mkdirSync(join(dir, 'sub'));
  const cm = buildConfigMap({ ...base, name: 'cm', cwd: dir, fileSources: ['.', 'k=text'], literalSources: ['a=b=c'] });
  assert.deepEqual(cm, {
    kind: 'ConfigMap', apiVersion: 'v1',
    metadata: { name: 'cm', namespace: undefined, creationTimestamp: null, labels: undefined, annotations: undefined, ownerReferences: undefined },
    data: { text: 'hello\n', k: 'hello\n', a: 'b=c' },
    binaryData: { bin: '/wA=' },
  });
  assert.deepEqual(Object.keys(cm), ['kind', 'apiVersion', 'metadata', 'data', 'binaryData']);
});

test('configmap: --append-hash matches kubectl', () => {
  // kubectl create cm cm4 --from-literal=a=1 --append-hash → cm4-cbbc9b5c47
  assert.equal((buildConfigMap({ ...base, name: 'cm4', literalSources: ['a=1'], appendHash: true }).metadata as { name: string }).name, 'cm4-cbbc9b5c47');
});

test('configmap: key errors and duplicates', () => {
  assert.throws(() => buildConfigMap({ ...base, name: 'x', literalSources: ['a=1', 'a=2'] }), /cannot add key "a", another key by that name already exists in Data for ConfigMap "x"/);
  assert.throws(() => buildConfigMap({ ...base, name: 'x', literalSources: ['a b=1'] }), /"a b" is not a valid key name for a ConfigMap: a valid config key/);
  assert.throws(() => buildConfigMap({ ...base, name: 'x', literalSources: ['a=1'], envFileSources: ['e'] }), /from-env-file cannot be combined/);
});

test('configmap: env files skip comments, trim leading space, read bare keys from the environment', () => {
  const dir = scratch();
  writeFileSync(join(dir, 'e.env'), '\ufeff# c\n  A=1 \r\nHOME_DIR\n\nB==x\n');
  const cm = buildConfigMap({ ...base, name: 'x', cwd: dir, envFileSources: ['e.env'], env: { HOME_DIR: '/h' } });
  assert.deepEqual(cm.data, { A: '1 ', HOME_DIR: '/h', B: '=x' });
  writeFileSync(join(dir, 'bad.env'), '9x=1\n');
  assert.throws(() => buildConfigMap({ ...base, name: 'x', cwd: dir, envFileSources: ['bad.env'] }), /"9x" is not a valid key name: a valid environment variable name/);
});

test('literal and file sources', () => {
  assert.deepEqual(parseLiteralSource('k=v=w'), ['k', 'v=w']);
  assert.throws(() => parseLiteralSource('=v'), /invalid literal source =v, expected key=value/);
  assert.deepEqual(parseFileSource('dir/sub/f.txt'), ['f.txt', 'dir/sub/f.txt']);
  assert.deepEqual(parseFileSource('k=dir/f'), ['k', 'dir/f']);
  assert.throws(() => parseFileSource('=f'), /key name for file path f missing/);
  assert.throws(() => parseFileSource('k='), /file path for key name k missing/);
  assert.throws(() => parseFileSource('a=b=c'), /key names or file paths cannot contain '='/);
});

test('secret generic: data base64 in key order, type only when given, hash like kubectl', () => {
  const s = buildGenericSecret({ ...base, name: 's', type: '', literalSources: ['b=2', 'a=1'] });
  assert.deepEqual(s.data, { a: 'MQ==', b: 'Mg==' });
  assert.equal(s.type, undefined);
  // kubectl create secret generic s --from-literal=a=1 --append-hash → s-gtkfk5m49d
  const hashed = buildGenericSecret({ ...base, name: 's', type: '', literalSources: ['a=1'], appendHash: true });
  assert.equal((hashed.metadata as { name: string }).name, 's-gtkfk5m49d');
  assert.throws(() => buildGenericSecret({ ...base, name: 's', type: '', literalSources: ['a=1', 'a=2'] }), /cannot add key a, another key by that name already exists/);
});

test('docker config JSON', () => {
  assert.equal(
    dockerConfigJson('https://index.docker.io/v1/', 'u', 'p', 'e@x'),
    '{"auths":{"https://index.docker.io/v1/":{"username":"u","password":"p","email":"e@x","auth":"dTpw"}}}',
  );
  assert.equal(dockerConfigJson('r', 'u', '<p>', ''), '{"auths":{"r":{"username":"u","password":"\\u003cp\\u003e","auth":"dTo8cD4="}}}');
});

test('deployment: containers named after images, port on the first, command', () => {
  assert.equal(containerNameFor('registry.example.com:5000/team/redis:7@sha256:1'), 'redis');
  assert.equal(containerNameFor('my_app.v2', () => 'abcde'), 'my-app-v2-abcde');
  const d = buildDeployment({ name: 'web', namespace: 'ns', images: ['nginx', 'redis'], command: [], replicas: 2, port: 80 });
  const spec = d.spec as { replicas: number; template: { spec: { containers: { name: string; ports?: unknown }[] } }; strategy: unknown };
  assert.equal(spec.replicas, 2);
  assert.deepEqual(spec.template.spec.containers.map((c) => [c.name, c.ports]), [['nginx', [{ containerPort: 80 }]], ['redis', undefined]]);
  assert.deepEqual(spec.strategy, {});
  assert.deepEqual(Object.keys(d.spec as object), ['replicas', 'selector', 'template', 'strategy']);
  assert.throws(() => buildDeployment({ name: 'w', namespace: '', images: ['a', 'b'], command: ['x'], replicas: 1, port: -1 }), /cannot specify multiple --image options and command/);
});

test('service: ports, names, validation', () => {
  assert.deepEqual(parsePorts('80'), [80, 80]);
  assert.deepEqual(parsePorts('80:http'), [80, 'http']);
  assert.deepEqual(parsePorts('80:8080'), [80, 8080]);
  assert.throws(() => parsePorts('x:1'), /strconv.ParseUint: parsing "x": invalid syntax/);
  assert.throws(() => parsePorts('70000'), /value out of range/);
  assert.throws(() => parsePorts('80:0'), /must be between 1 and 65535, inclusive/);
  const svc = buildService({ name: 's', namespace: '', type: 'NodePort', tcp: ['80:8080'], clusterIP: '', nodePort: 30000, externalName: '' });
  assert.deepEqual(svc.spec, {
    ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30000 }],
    selector: { app: 's' }, clusterIP: undefined, type: 'NodePort', externalName: undefined,
  });
  assert.deepEqual(svc.status, { loadBalancer: {} });
  const headless = buildService({ name: 's', namespace: '', type: 'ClusterIP', tcp: [], clusterIP: 'None', nodePort: 0, externalName: '' });
  assert.equal((headless.spec as { clusterIP: string }).clusterIP, 'None');
  assert.throws(() => buildService({ name: 's', namespace: '', type: 'ExternalName', tcp: [], clusterIP: '', nodePort: 0, externalName: 'Bad_Name' }), /invalid service external name Bad_Name/);
});

test('namespace and service account', () => {
  assert.deepEqual(buildNamespace('n'), { kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'n', namespace: undefined, creationTimestamp: null, labels: undefined, annotations: undefined, ownerReferences: undefined }, spec: {}, status: {} });
  assert.equal((buildServiceAccount('sa', 'ci').metadata as { namespace: string }).namespace, 'ci');
});

test('job, cron job, job from a cron job', () => {
  const job = buildJob('j', '', 'busybox', ['echo', 'hi']);
  assert.deepEqual((job.spec as { template: { spec: unknown } }).template.spec, { containers: [{ name: 'j', image: 'busybox', command: ['echo', 'hi'], resources: {} }], restartPolicy: 'Never' });
  const cj = buildCronJob('c', '', 'busybox', '* * * * *', '', []);
  const jt = (cj.spec as { jobTemplate: { metadata: { name: string }; spec: { template: { spec: { restartPolicy: string } } } } }).jobTemplate;
  assert.equal(jt.metadata.name, 'c');
  assert.equal(jt.spec.template.spec.restartPolicy, 'OnFailure');
  const manual = jobFromCronJob('m', 'ns', { metadata: { name: 'c', uid: 'u1' }, spec: { jobTemplate: { metadata: { labels: { a: 'b' }, annotations: { x: 'y' } }, spec: { backoffLimit: 2 } } } });
  assert.deepEqual(manual.metadata, {
    name: 'm', namespace: 'ns', creationTimestamp: null, labels: { a: 'b' },
    annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', x: 'y' },
    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'c', uid: 'u1', controller: true }],
  });
  assert.deepEqual(manual.spec, { backoffLimit: 2 });
});

test('role: verbs, resources, rules per group', async () => {
  assert.deepEqual(normalizeVerbs(['get', 'list', 'get']), ['get', 'list']);
  assert.deepEqual(normalizeVerbs(['get', '*', 'list']), ['*']);
  assert.deepEqual(parseResources(['pods', 'deployments.apps/scale', '*']), [{ resource: '*', group: '', subresource: '' }]);
  assert.deepEqual(parseResources(['pods/log', 'rs.apps']), [{ resource: 'pods', group: '', subresource: 'log' }, { resource: 'rs', group: 'apps', subresource: '' }]);
  const known: Record<string, { group: string; resource: string }> = { pods: { group: '', resource: 'pods' }, rs: { group: 'apps', resource: 'replicasets' } };
  const resolve = async (r: { resource: string }) => known[r.resource] ?? new Error('unknown');
  const rules = await policyRules(['get'], parseResources(['rs', 'pods', 'pods/log', 'widgets.example.com']), ['x'], ['/healthz'], resolve);
  assert.deepEqual(rules, [
    { verbs: ['get'], apiGroups: [''], resources: ['pods', 'pods/log'], resourceNames: ['x'] },
    { verbs: ['get'], apiGroups: ['apps'], resources: ['replicasets'], resourceNames: ['x'] },
    { verbs: ['get'], apiGroups: ['example.com'], resources: ['widgets'], resourceNames: ['x'] },
    { verbs: ['get'], nonResourceURLs: ['/healthz'] },
  ]);
  assert.deepEqual(parseAggregationRule(['a=b, c = d', 'e=f'], 'ktl'), { a: 'b', c: 'd', e: 'f' });
  assert.throws(() => parseAggregationRule(['ab'], 'ktl'), /invalid argument "ab" for "--aggregation-rule" flag: malformed pair, expect string=string/);
});

test('role bindings: subjects in order, role reference', () => {
  const rb = buildRoleBinding({ name: 'rb', namespace: '', role: 'r', clusterRole: '', users: ['u'], groups: ['g'], serviceAccounts: ['ns:sa'] });
  assert.deepEqual(rb.subjects, [
    { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'u' },
    { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'g' },
    { kind: 'ServiceAccount', name: 'sa', namespace: 'ns' },
  ]);
  assert.deepEqual(rb.roleRef, { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' });
  assert.throws(() => buildRoleBinding({ name: 'rb', namespace: '', role: 'r', clusterRole: 'c', users: [], groups: [], serviceAccounts: [] }), /exactly one of clusterrole or role/);
  assert.throws(() => buildClusterRoleBinding({ name: 'c', clusterRole: 'x', users: [], groups: [], serviceAccounts: [':a'] }), /serviceaccount must be <namespace>:<name>/);
  assert.equal(buildClusterRoleBinding({ name: 'c', clusterRole: 'x', users: [], groups: [], serviceAccounts: [] }).subjects, undefined);
});

test('quota: canonical quantities, sorted keys, scopes', () => {
  assert.deepEqual(parseHard('pods=10,cpu=1000m,memory=1024Mi'), { cpu: '1', memory: '1Gi', pods: '10' });
  assert.throws(() => parseHard('cpu'), /Invalid argument syntax cpu, expected <resource>=<value>/);
  assert.throws(() => parseHard('cpu=lots'), /quantities must match the regular expression/);
  assert.deepEqual(parseScopes('A,B'), ['A', 'B']);
  assert.throws(() => parseScopes('A,,B'), /invalid resource quota scope ""/);
});

test('priority class writes preemptionPolicy always, globalDefault only when set', () => {
  const pc = buildPriorityClass({ name: 'p', value: 0, globalDefault: false, description: '', preemptionPolicy: 'PreemptLowerPriority' });
  assert.deepEqual({ ...pc, metadata: undefined }, { kind: 'PriorityClass', apiVersion: 'scheduling.k8s.io/v1', metadata: undefined, value: 0, globalDefault: undefined, description: undefined, preemptionPolicy: 'PreemptLowerPriority' });
});

test('pdb: selectors and budgets', () => {
  assert.deepEqual(parseToLabelSelector('b=1,a in (y,x),!c,d'), {
    matchLabels: { b: '1' },
    matchExpressions: [{ key: 'a', operator: 'In', values: ['x', 'y'] }, { key: 'c', operator: 'DoesNotExist', values: undefined }, { key: 'd', operator: 'Exists', values: undefined }],
  });
  assert.throws(() => parseToLabelSelector('a!=b'), /"!=" is not a valid label selector operator/);
  assert.throws(() => parseToLabelSelector('a>1'), /"gt" isn't supported in label selectors/);
  const p = buildPdb({ name: 'p', namespace: '', selector: 'a=b', minAvailable: '2', maxUnavailable: '' });
  assert.equal((p.spec as { minAvailable: unknown }).minAvailable, 2);
  assert.equal((buildPdb({ name: 'p', namespace: '', selector: 'a=b', minAvailable: '', maxUnavailable: '10%' }).spec as { maxUnavailable: unknown }).maxUnavailable, '10%');
  assert.throws(() => buildPdb({ name: 'p', namespace: '', selector: 'a=b', minAvailable: '1.5', maxUnavailable: '' }), /invalid format specified for min-available/);
});

test('ingress: rules grouped by host, TLS grouped by secret, prefix paths', () => {
  const ing = buildIngress({
    name: 'i', namespace: '', ingressClass: '', annotations: ['a=b=c'], defaultBackend: '',
    rules: ['foo.com/=svc:http', 'foo.com/api*=api:8080,tls=cert', 'bar.com/x=b:80,tls=cert', '/y=c:1,tls'],
  });
  assert.deepEqual((ing.metadata as { annotations: unknown }).annotations, { a: 'b=c' });
  assert.deepEqual(ing.spec, {
    ingressClassName: undefined,
    defaultBackend: undefined,
    tls: [{ hosts: ['foo.com', 'bar.com'], secretName: 'cert' }],
    rules: [
      { host: 'foo.com', http: { paths: [
        { path: '/', pathType: 'Exact', backend: { service: { name: 'svc', port: { name: 'http' } } } },
        { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 8080 } } } },
      ] } },
      { host: 'bar.com', http: { paths: [{ path: '/x', pathType: 'Exact', backend: { service: { name: 'b', port: { number: 80 } } } }] } },
      { host: undefined, http: { paths: [{ path: '/y', pathType: 'Exact', backend: { service: { name: 'c', port: { number: 1 } } } }] } },
    ],
  });
  assert.throws(() => buildIngress({ name: 'i', namespace: '', ingressClass: '', annotations: [], defaultBackend: '', rules: ['nopath=svc:80'] }), /rule nopath=svc:80 is invalid/);
});

test('token: validation and request', () => {
  const ok = { audiences: [], duration: 0, boundObjectKind: '', boundObjectName: '', boundObjectUID: '' };
  assert.throws(() => validateToken({ ...ok, duration: 1500 }), /--duration cannot be expressed in units less than seconds/);
  assert.throws(() => validateToken({ ...ok, boundObjectKind: 'Foo' }), /supported --bound-object-kind values are Node, Pod, Secret/);
  assert.throws(() => validateToken({ ...ok, boundObjectKind: 'Pod' }), /--bound-object-name is required/);
  assert.deepEqual((tokenRequest({ ...ok, duration: 3_600_000, boundObjectKind: 'Pod', boundObjectName: 'p' }).spec), {
    audiences: null, expirationSeconds: 3600, boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'p', uid: undefined },
  });
});
