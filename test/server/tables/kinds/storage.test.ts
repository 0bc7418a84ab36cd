import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { DAY, SECOND, ago, cells, columnNames } from '../helpers.ts';

const S = 'storage.k8s.io';
const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, creationTimestamp: ago(12 * DAY), ...extra });

test('persistent volumes: capacity, access modes in fixed order, claim, class', () => {
  assert.deepEqual(columnNames('', 'persistentvolumes'), [
    'Name', 'Capacity', 'Access Modes', 'Reclaim Policy', 'Status', 'Claim', 'StorageClass', 'VolumeAttributesClass', 'Reason', 'Age', 'VolumeMode',
  ]);
  const pv: KubeObject = {
    apiVersion: 'v1', kind: 'PersistentVolume', metadata: meta('pvc-0b1c'),
    spec: {
      capacity: { storage: '10Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard', volumeMode: 'Filesystem', claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data' },
      hostPath: { path: '/tmp/data' },
    },
    status: { phase: 'Bound' },
  };
  assert.deepEqual(cells('', 'persistentvolumes', pv), ['pvc-0b1c', '10Gi', 'RWO,RWX', 'Delete', 'Bound', 'default/data', 'standard', '<unset>', '', '12d', 'Filesystem']);
  const released: KubeObject = {
    apiVersion: 'v1', kind: 'PersistentVolume',
    metadata: meta('old', { deletionTimestamp: ago(SECOND), annotations: { 'volume.beta.kubernetes.io/storage-class': 'legacy' } }),
    spec: { capacity: { storage: '1024Mi' }, accessModes: ['ReadWriteOncePod', 'ReadOnlyMany'], persistentVolumeReclaimPolicy: 'Retain', storageClassName: 'standard', volumeAttributesClassName: 'gold' },
    status: { phase: 'Released', reason: 'Reclaiming' },
  };
  assert.deepEqual(cells('', 'persistentvolumes', released), ['old', '1Gi', 'ROX,RWOP', 'Retain', 'Terminating', '', 'legacy', 'gold', 'Reclaiming', '12d', '<unset>']);
});

test('persistent volume claims: capacity and modes only once bound', () => {
  assert.deepEqual(columnNames('', 'persistentvolumeclaims'), ['Name', 'Status', 'Volume', 'Capacity', 'Access Modes', 'StorageClass', 'VolumeAttributesClass', 'Age', 'VolumeMode']);
  const pvc = (spec: Record<string, unknown>, status: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject => ({
    apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('data', extra), spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } }, ...spec }, status,
  });
  assert.deepEqual(
    cells('', 'persistentvolumeclaims', pvc({ storageClassName: 'standard', volumeName: 'pvc-0b1c', volumeMode: 'Filesystem' }, { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '5Gi' } })),
    ['data', 'Bound', 'pvc-0b1c', '5Gi', 'RWO', 'standard', '<unset>', '12d', 'Filesystem'],
  );
  assert.deepEqual(cells('', 'persistentvolumeclaims', pvc({ storageClassName: 'standard' }, { phase: 'Pending' })), ['data', 'Pending', '', '', '', 'standard', '<unset>', '12d', '<unset>']);
  // no class at all is "", the beta annotation wins even when empty
  assert.equal(cells('', 'persistentvolumeclaims', pvc({}, { phase: 'Pending' }))[5], '');
  assert.equal(cells('', 'persistentvolumeclaims', pvc({ storageClassName: 'fast' }, {}, { annotations: { 'volume.beta.kubernetes.io/storage-class': '' } }))[5], '');
  assert.equal(cells('', 'persistentvolumeclaims', pvc({}, { phase: 'Bound' }, { deletionTimestamp: ago(SECOND) }))[1], 'Terminating');
  // bound but no capacity reported: the zero quantity
  assert.equal(cells('', 'persistentvolumeclaims', pvc({ volumeName: 'v' }, { phase: 'Bound' }))[3], '0');
});

test('storage classes: (default) marker, defaults for unset policies, boolean expansion', () => {
  assert.deepEqual(columnNames(S, 'storageclasses'), ['Name', 'Provisioner', 'ReclaimPolicy', 'VolumeBindingMode', 'AllowVolumeExpansion', 'Age']);
  const sc = (annotations: Record<string, string>, rest: Record<string, unknown>): KubeObject => ({
    apiVersion: `${S}/v1`, kind: 'StorageClass', metadata: meta('standard', { annotations }), provisioner: 'rancher.io/local-path', ...rest,
  });
  assert.deepEqual(
    cells(S, 'storageclasses', sc({ 'storageclass.kubernetes.io/is-default-class': 'true' }, { reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer' })),
    ['standard (default)', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', false, '12d'],
  );
  assert.deepEqual(cells(S, 'storageclasses', sc({ 'storageclass.beta.kubernetes.io/is-default-class': 'true' }, { allowVolumeExpansion: true })).slice(0, 5), [
    'standard (default)', 'rancher.io/local-path', 'Delete', 'Immediate', true,
  ]);
  assert.equal(cells(S, 'storageclasses', sc({ 'storageclass.kubernetes.io/is-default-class': 'false' }, {}))[0], 'standard');
});

test('volume attachments, CSI drivers and CSI nodes', () => {
  const va: KubeObject = {
    apiVersion: `${S}/v1`, kind: 'VolumeAttachment', metadata: meta('csi-123'),
    spec: { attacher: 'ebs.csi.aws.com', nodeName: 'node-1', source: { persistentVolumeName: 'pvc-0b1c' } }, status: { attached: true },
  };
  assert.deepEqual(columnNames(S, 'volumeattachments'), ['Name', 'Attacher', 'PV', 'Node', 'Attached', 'Age']);
  assert.deepEqual(cells(S, 'volumeattachments', va), ['csi-123', 'ebs.csi.aws.com', 'pvc-0b1c', 'node-1', true, '12d']);
  assert.deepEqual(cells(S, 'volumeattachments', { ...va, spec: { attacher: 'x', nodeName: 'n', source: { inlineVolumeSpec: {} } }, status: {} }).slice(2, 5), ['', 'n', false]);

  assert.deepEqual(columnNames(S, 'csidrivers'), ['Name', 'AttachRequired', 'PodInfoOnMount', 'StorageCapacity', 'TokenRequests', 'RequiresRepublish', 'Modes', 'Age']);
  const driver = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: `${S}/v1`, kind: 'CSIDriver', metadata: meta('ebs.csi.aws.com'), spec });
  assert.deepEqual(cells(S, 'csidrivers', driver({})), ['ebs.csi.aws.com', true, false, false, '<unset>', false, '<none>', '12d']);
  assert.deepEqual(
    cells(S, 'csidrivers', driver({ attachRequired: false, podInfoOnMount: true, storageCapacity: true, tokenRequests: [{ audience: 'vault' }, { audience: 'gcp' }], requiresRepublish: true, volumeLifecycleModes: ['Persistent', 'Ephemeral'] })),
    ['ebs.csi.aws.com', false, true, true, 'vault,gcp', true, 'Persistent,Ephemeral', '12d'],
  );

  assert.deepEqual(columnNames(S, 'csinodes'), ['Name', 'Drivers', 'Age']);
  assert.deepEqual(cells(S, 'csinodes', { apiVersion: `${S}/v1`, kind: 'CSINode', metadata: meta('node-1'), spec: { drivers: [{ name: 'a', nodeID: 'n' }] } }), ['node-1', 1, '12d']);
});

test('CSI storage capacities use the default convertor, as their store does', () => {
  assert.deepEqual(columnNames(S, 'csistoragecapacities'), ['Name', 'Created At']);
  const c: KubeObject = { apiVersion: `${S}/v1`, kind: 'CSIStorageCapacity', metadata: { name: 'csisc-1', creationTimestamp: '2024-04-01T00:00:00Z' }, storageClassName: 'standard', capacity: '100Gi' };
  assert.deepEqual(cells(S, 'csistoragecapacities', c), ['csisc-1', '2024-04-01T00:00:00Z']);
});

test('volume attributes classes: (default) from the alpha annotation', () => {
  const vac: KubeObject = {
    apiVersion: `${S}/v1beta1`, kind: 'VolumeAttributesClass',
    metadata: meta('gold', { annotations: { 'volumeattributesclass.alpha.kubernetes.io/is-default-class': 'true' } }), driverName: 'pd.csi.storage.gke.io',
  };
  assert.deepEqual(cells(S, 'volumeattributesclasses', vac), ['gold (default)', 'pd.csi.storage.gke.io', '12d']);
});
