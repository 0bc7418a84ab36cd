// Oracle: objects that real kubectl's generators build offline (create deployment/job/service/...)
// pass validation once defaulted.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type { KubeObject } from '../../../../src/api/object.ts';
import { fieldErrorText } from '../../../../src/server/status.ts';
import { validatorFor } from '../../../../src/server/registry/validation/index.ts';
import { applyTestDefaults } from './defaults.ts';

const GENERATORS: string[][] = [
  ['create', 'deployment', 'web', '--image=nginx', '--replicas=3', '--port=80'],
  ['create', 'job', 'pi', '--image=perl', '--', 'perl', '-e', 'print 1'],
  ['create', 'cronjob', 'tick', '--image=busybox', '--schedule=*/1 * * * *', '--', 'date'],
  ['create', 'service', 'clusterip', 'web', '--tcp=80:8080'],
  ['create', 'service', 'nodeport', 'web', '--tcp=80:8080', '--node-port=30001'],
  ['create', 'service', 'loadbalancer', 'web', '--tcp=80:8080'],
  ['create', 'service', 'externalname', 'ext', '--external-name=example.com'],
  ['create', 'configmap', 'cfg', '--from-literal=a.key=1', '--from-literal=B_KEY=2'],
  ['create', 'secret', 'generic', 'sec', '--from-literal=password=s3cret'],
  ['create', 'secret', 'docker-registry', 'reg', '--docker-server=r.example.com', '--docker-username=u', '--docker-password=p'],
  ['create', 'serviceaccount', 'robot'],
  ['create', 'namespace', 'dev'],
  ['create', 'clusterrole', 'reader', '--verb=get', '--non-resource-url=/healthz'],
  ['create', 'rolebinding', 'rb', '--clusterrole=view', '--user=bob', '--serviceaccount=default:robot'],
  ['create', 'clusterrolebinding', 'crb', '--clusterrole=view', '--group=devs'],
  ['create', 'priorityclass', 'high', '--value=1000', '--description=x'],
  ['create', 'quota', 'q', '--hard=pods=2,requests.cpu=1,limits.memory=1Gi'],
  ['create', 'poddisruptionbudget', 'pdb', '--selector=app=web', '--min-available=50%'],
  ['create', 'ingress', 'ing', '--rule=foo.example.com/bar=svc:80', '--rule=/*=other:http'],
];

function kubectl(args: string[]): KubeObject | undefined {
  try {
    const out = execFileSync('kubectl', [args[0]!, '--dry-run=client', '-o', 'json', '-n', 'default', ...args.slice(1)], { env: { ...process.env, KUBECONFIG: '/dev/null' }, stdio: ['ignore', 'pipe', 'ignore'], timeout: 20000 });
    return JSON.parse(out.toString()) as KubeObject;
  } catch {
    return undefined;
  }
}

const haveKubectl = kubectl(['create', 'namespace', 'probe']) !== undefined;

test('objects built by kubectl generators pass validation', { skip: !haveKubectl && 'kubectl is not installed' }, () => {
  const failures: string[] = [];
  for (const args of GENERATORS) {
    const obj = kubectl(args);
    assert.ok(obj, `kubectl ${args.join(' ')} produced no object`);
    const [group] = obj.apiVersion!.includes('/') ? obj.apiVersion!.split('/') : [''];
    const v = validatorFor(group!, obj.kind!);
    assert.ok(v, `no validator for ${obj.kind}`);
    const errs = v.validate(applyTestDefaults(obj));
    if (errs.length) failures.push(`${args.slice(0, 3).join(' ')}: ${errs.map(fieldErrorText).join('; ')}`);
  }
  assert.deepEqual(failures, []);
});
