// DefaultStorageClass, StorageObjectInUseProtection, PersistentVolumeClaimResize,
// DefaultIngressClass and TaintNodesByCondition admission.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../src/api/object.ts';
import { findBuiltin } from '../../../src/api/resources.ts';
import { admit } from '../../../src/server/admission/index.ts';
import { ApiError } from '../../../src/server/status.ts';
import { strategyContext } from './cluster-reader.ts';

const claims = findBuiltin('', 'v1', 'persistentvolumeclaims')!;
const volumes = findBuiltin('', 'v1', 'persistentvolumes')!;
const ingresses = findBuiltin('networking.k8s.io', 'v1', 'ingresses')!;
const nodes = findBuiltin('', 'v1', 'nodes')!;

const storageClass = (name: string, created: string, isDefault?: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name, creationTimestamp: created, ...(isDefault ? { annotations: { [isDefault]: 'true' } } : {}) },
  provisioner: 'x',
  ...extra,
});
const claim = (spec: Record<string, unknown> = {}, annotations?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', namespace: 'default', ...(annotations ? { annotations } : {}) },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
});

test('a claim without a class gets the newest default class, and the protection finalizer', async () => {
  const classes = [
    storageClass('standard', '2024-01-01T00:00:00Z', 'storageclass.kubernetes.io/is-default-class'),
    storageClass('fast', '2024-06-01T00:00:00Z', 'storageclass.beta.kubernetes.io/is-default-class'),
    storageClass('newest-not-default', '2025-01-01T00:00:00Z'),
  ];
  const pvc = claim();
  await admit('create', claims, pvc, undefined, strategyContext(classes));
  assert.equal((pvc.spec as any).storageClassName, 'fast');
  assert.deepEqual(pvc.metadata.finalizers, ['kubernetes.io/pvc-protection']);
});

test('a claim that names a class (even "") or uses the beta annotation keeps it', async () => {
  const classes = [storageClass('standard', '2024-01-01T00:00:00Z', 'storageclass.kubernetes.io/is-default-class')];
  const empty = claim({ storageClassName: '' });
  await admit('create', claims, empty, undefined, strategyContext(classes));
  assert.equal((empty.spec as any).storageClassName, '');
  const annotated = claim({}, { 'volume.beta.kubernetes.io/storage-class': 'slow' });
  await admit('create', claims, annotated, undefined, strategyContext(classes));
  assert.equal((annotated.spec as any).storageClassName, undefined);
  const none = claim();
  await admit('create', claims, none, undefined, strategyContext([]));
  assert.equal((none.spec as any).storageClassName, undefined);
});

test('volumes get pv-protection once', async () => {
  const pv: KubeObject = { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv', finalizers: ['kubernetes.io/pv-protection'] }, spec: {} };
  await admit('create', volumes, pv, undefined, strategyContext([]));
  assert.deepEqual(pv.metadata.finalizers, ['kubernetes.io/pv-protection']);
});

test('growing a bound claim needs a class that allows expansion', async () => {
  const classes = [storageClass('expandable', '2024-01-01T00:00:00Z', undefined, { allowVolumeExpansion: true }), storageClass('fixed', '2024-01-01T00:00:00Z')];
  const bound = (className: string, storage: string): KubeObject => ({ ...claim({ storageClassName: className, resources: { requests: { storage } } }), status: { phase: 'Bound' } });
  await admit('update', claims, bound('expandable', '2Gi'), bound('expandable', '1Gi'), strategyContext(classes));
  try {
    await admit('update', claims, bound('fixed', '2Gi'), bound('fixed', '1Gi'), strategyContext(classes));
    assert.fail('admitted');
  } catch (e) {
    assert.ok(e instanceof ApiError);
    assert.equal(e.message, 'persistentvolumeclaims "data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize');
  }
  // shrinking or keeping the size is not this plugin's business
  await admit('update', claims, bound('fixed', '1Gi'), bound('fixed', '1Gi'), strategyContext(classes));
});

test('an ingress without a class gets the newest default IngressClass', async () => {
  const ic = (name: string, created: string, isDefault: boolean): KubeObject => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name, creationTimestamp: created, ...(isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}) },
    spec: { controller: 'x' },
  });
  const classes = [ic('nginx', '2024-01-01T00:00:00Z', true), ic('b', '2024-02-01T00:00:00Z', true), ic('a', '2024-02-01T00:00:00Z', true), ic('c', '2025-01-01T00:00:00Z', false)];
  const ingress = (extra: Record<string, unknown> = {}, annotations?: Record<string, string>): KubeObject => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'default', ...(annotations ? { annotations } : {}) },
    spec: { ...extra },
  });
  const plain = ingress();
  await admit('create', ingresses, plain, undefined, strategyContext(classes));
  // same creation time: the first by name
  assert.equal((plain.spec as any).ingressClassName, 'a');
  const named = ingress({ ingressClassName: 'c' });
  await admit('create', ingresses, named, undefined, strategyContext(classes));
  assert.equal((named.spec as any).ingressClassName, 'c');
  const legacy = ingress({}, { 'kubernetes.io/ingress.class': 'nginx' });
  await admit('create', ingresses, legacy, undefined, strategyContext(classes));
  assert.equal((legacy.spec as any).ingressClassName, undefined);
});

test('a new node starts tainted not-ready (once)', async () => {
  const node: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] } };
  await admit('create', nodes, node, undefined, strategyContext([]));
  assert.deepEqual((node.spec as any).taints, [
    { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
  ]);
  await admit('create', nodes, node, undefined, strategyContext([]));
  assert.equal((node.spec as any).taints.length, 2);
  const updated: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec: {} };
  await admit('update', nodes, updated, node, strategyContext([]));
  assert.deepEqual(updated.spec, {});
});
