// LimitRanger admission: defaults into containers with the annotation, and min/max/ratio refusals.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../src/api/object.ts';
import { findBuiltin } from '../../../src/api/resources.ts';
import { admit } from '../../../src/server/admission/index.ts';
import { defaultsFor } from '../../../src/server/registry/defaults/index.ts';
import { ApiError } from '../../../src/server/status.ts';
import { strategyContext } from './cluster-reader.ts';

const pods = findBuiltin('', 'v1', 'pods')!;
const claims = findBuiltin('', 'v1', 'persistentvolumeclaims')!;
const defaultSA: KubeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } };

function limitRange(limits: unknown[]): KubeObject {
  const lr: KubeObject = { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'limits', namespace: 'default' }, spec: { limits } };
  defaultsFor('', 'LimitRange')!(lr);
  return lr;
}

const pod = (containers: unknown[], initContainers?: unknown[]): KubeObject => {
  const p: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers, ...(initContainers ? { initContainers } : {}) } };
  defaultsFor('', 'Pod')!(p);
  return p;
};

async function refusal(obj: KubeObject, objects: KubeObject[], resource = pods, old?: KubeObject): Promise<string> {
  try {
    await admit(old ? 'update' : 'create', resource, obj, old, strategyContext(objects));
  } catch (e) {
    assert.ok(e instanceof ApiError && e.code === 403, String(e));
    return e.message;
  }
  assert.fail('admitted');
}

test('container defaults fill what is missing and are noted in the annotation', async () => {
  const lr = limitRange([{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m' } }]);
  const p = pod([{ name: 'app', image: 'x:1', resources: { limits: { memory: '1Gi' } } }, { name: 'side', image: 'x:1' }], [{ name: 'init', image: 'x:1' }]);
  await admit('create', pods, p, undefined, strategyContext([defaultSA, lr]));
  const spec = p.spec as any;
  // SetDefaults_Pod already made app's memory request 1Gi from its limit
  assert.deepEqual(spec.containers[0].resources, { limits: { memory: '1Gi', cpu: '500m' }, requests: { memory: '1Gi', cpu: '100m' } });
  assert.deepEqual(spec.containers[1].resources, { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '256Mi' } });
  assert.equal(
    p.metadata.annotations!['kubernetes.io/limit-ranger'],
    'LimitRanger plugin set: cpu request for container app; cpu limit for container app; cpu, memory request for container side; cpu, memory limit for container side; cpu, memory request for init container init; cpu, memory limit for init container init',
  );
});

test('nothing to set: no annotation', async () => {
  const lr = limitRange([{ type: 'Container', default: { cpu: '1' } }]);
  const p = pod([{ name: 'app', image: 'x:1', resources: { limits: { cpu: '2' }, requests: { cpu: '1' } } }]);
  await admit('create', pods, p, undefined, strategyContext([defaultSA, lr]));
  assert.equal(p.metadata.annotations, undefined);
});

test('container min, max and ratio refusals', async () => {
  const lr = limitRange([{ type: 'Container', max: { cpu: '1' }, min: { memory: '64Mi' }, maxLimitRequestRatio: { cpu: '2' } }]);
  assert.equal(
    await refusal(pod([{ name: 'a', image: 'x:1', resources: { limits: { cpu: '2', memory: '128Mi' }, requests: { cpu: '1', memory: '128Mi' } } }]), [defaultSA, lr]),
    'pods "web" is forbidden: maximum cpu usage per Container is 1, but limit is 2',
  );
  // min memory 64Mi with a 32Mi request, and a 4x cpu ratio: both reported
  assert.equal(
    await refusal(pod([{ name: 'a', image: 'x:1', resources: { limits: { cpu: '1', memory: '32Mi' }, requests: { cpu: '250m' } } }]), [defaultSA, lr]),
    'pods "web" is forbidden: [minimum memory usage per Container is 64Mi, but request is 32Mi, cpu max limit to request ratio per Container is 2, but provided ratio is 4.000000]',
  );
});

test('pod-level limits add containers up', async () => {
  const lr = limitRange([{ type: 'Pod', max: { memory: '1Gi' } }]);
  const p = pod([
    { name: 'a', image: 'x:1', resources: { limits: { memory: '768Mi' } } },
    { name: 'b', image: 'x:1', resources: { limits: { memory: '512Mi' } } },
  ]);
  assert.equal(await refusal(p, [defaultSA, lr]), 'pods "web" is forbidden: maximum memory usage per Pod is 1Gi, but limit is 1280Mi');
});

test('claims: storage requests within min and max', async () => {
  const lr = limitRange([{ type: 'PersistentVolumeClaim', min: { storage: '1Gi' }, max: { storage: '10Gi' } }]);
  const claim = (storage: string): KubeObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { resources: { requests: { storage } } } });
  await admit('create', claims, claim('5Gi'), undefined, strategyContext([lr]));
  assert.equal(await refusal(claim('20Gi'), [lr], claims), 'persistentvolumeclaims "data" is forbidden: maximum storage usage per PersistentVolumeClaim is 10Gi, but request is 20Gi');
  assert.equal(await refusal(claim('500Mi'), [lr], claims), 'persistentvolumeclaims "data" is forbidden: minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi');
});

test('pod updates are not checked (containers are immutable)', async () => {
  const lr = limitRange([{ type: 'Container', max: { cpu: '1' } }]);
  const p = pod([{ name: 'a', image: 'x:1', resources: { limits: { cpu: '2' } } }]);
  await admit('update', pods, p, structuredClone(p), strategyContext([lr]));
  assert.equal(p.metadata.annotations, undefined);
});
