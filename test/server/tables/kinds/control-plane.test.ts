// Certificates, flow control, leases, priority and runtime classes, API services.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { toTable } from '../../../../src/server/tables/index.ts';
import { DAY, MINUTE, NOW, ago, cells, columnNames } from '../helpers.ts';

const C = 'certificates.k8s.io';

test('certificate signing requests: CONDITION and REQUESTEDDURATION', () => {
  assert.deepEqual(columnNames(C, 'certificatesigningrequests'), ['Name', 'Age', 'SignerName', 'Requestor', 'RequestedDuration', 'Condition']);
  const csr = (spec: Record<string, unknown>, status: Record<string, unknown>): KubeObject => ({
    apiVersion: `${C}/v1`, kind: 'CertificateSigningRequest', metadata: { name: 'csr-abc', creationTimestamp: ago(3 * MINUTE) },
    spec: { request: 'LS0t', username: 'system:node:node-1', usages: ['client auth'], ...spec }, status,
  });
  assert.deepEqual(cells(C, 'certificatesigningrequests', csr({ signerName: 'kubernetes.io/kube-apiserver-client-kubelet' }, {})), [
    'csr-abc', '3m', 'kubernetes.io/kube-apiserver-client-kubelet', 'system:node:node-1', '<none>', 'Pending',
  ]);
  const issued = csr({ signerName: 'example.com/signer', expirationSeconds: 86400 }, { conditions: [{ type: 'Approved', status: 'True' }], certificate: 'LS0tLS1CRUdJTg==' });
  assert.deepEqual(cells(C, 'certificatesigningrequests', issued).slice(4), ['24h', 'Approved,Issued']);
  const denied = csr({ expirationSeconds: 3600 }, { conditions: [{ type: 'Approved', status: 'True' }, { type: 'Denied', status: 'True' }, { type: 'Failed', status: 'True' }] });
  assert.deepEqual(cells(C, 'certificatesigningrequests', denied).slice(2), ['<none>', 'system:node:node-1', '60m', 'Denied,Failed']);
});

test('cluster trust bundles', () => {
  assert.deepEqual(columnNames(C, 'clustertrustbundles'), ['Name', 'SignerName']);
  assert.deepEqual(cells(C, 'clustertrustbundles', { apiVersion: `${C}/v1beta1`, kind: 'ClusterTrustBundle', metadata: { name: 'b' }, spec: { trustBundle: '' } }), ['b', '<none>']);
});

const F = 'flowcontrol.apiserver.k8s.io';

test('flow schemas print by matching precedence, then name', () => {
  assert.deepEqual(columnNames(F, 'flowschemas'), ['Name', 'PriorityLevel', 'MatchingPrecedence', 'DistinguisherMethod', 'Age', 'MissingPL']);
  const fs = (name: string, matchingPrecedence: number, extra: Record<string, unknown> = {}, status: Record<string, unknown> = {}): KubeObject => ({
    apiVersion: `${F}/v1`, kind: 'FlowSchema', metadata: { name, creationTimestamp: ago(DAY) },
    spec: { priorityLevelConfiguration: { name: 'workload-low' }, matchingPrecedence, ...extra }, status,
  });
  const t = toTable(F, 'flowschemas', [fs('service-accounts', 9000), fs('exempt', 1), fs('catch-all', 10000), fs('b-same', 9000)], { now: NOW, listMeta: {} });
  assert.deepEqual(t.rows!.map((r) => r.cells[0]), ['exempt', 'b-same', 'service-accounts', 'catch-all']);
  assert.deepEqual(cells(F, 'flowschemas', fs('probes', 2, { distinguisherMethod: { type: 'ByUser' } }, { conditions: [{ type: 'Dangling', status: 'False' }] })), [
    'probes', 'workload-low', 2, 'ByUser', '24h', 'False',
  ]);
  assert.deepEqual(cells(F, 'flowschemas', fs('x', 5)).slice(3), ['<none>', '24h', '?']);
});

test('priority level configurations: numbers for limited levels, <none> for exempt', () => {
  assert.deepEqual(columnNames(F, 'prioritylevelconfigurations'), ['Name', 'Type', 'NominalConcurrencyShares', 'Queues', 'HandSize', 'QueueLengthLimit', 'Age']);
  const plc = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: `${F}/v1`, kind: 'PriorityLevelConfiguration', metadata: { name: 'p', creationTimestamp: ago(DAY) }, spec });
  assert.deepEqual(cells(F, 'prioritylevelconfigurations', plc({ type: 'Exempt', exempt: {} })), ['p', 'Exempt', '<none>', '<none>', '<none>', '<none>', '24h']);
  assert.deepEqual(
    cells(F, 'prioritylevelconfigurations', plc({ type: 'Limited', limited: { nominalConcurrencyShares: 30, limitResponse: { type: 'Queue', queuing: { queues: 64, handSize: 6, queueLengthLimit: 50 } } } })),
    ['p', 'Limited', 30, 64, 6, 50, '24h'],
  );
  assert.deepEqual(cells(F, 'prioritylevelconfigurations', plc({ type: 'Limited', limited: { nominalConcurrencyShares: 5, limitResponse: { type: 'Reject' } } })).slice(2, 6), [5, '<none>', '<none>', '<none>']);
});

test('leases, lease candidates, priority classes, runtime classes', () => {
  const holder = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'kube-scheduler', creationTimestamp: ago(DAY) }, spec });
  assert.deepEqual(columnNames('coordination.k8s.io', 'leases'), ['Name', 'Holder', 'Age']);
  assert.deepEqual(cells('coordination.k8s.io', 'leases', holder({ holderIdentity: 'cp-1_5f2c' })), ['kube-scheduler', 'cp-1_5f2c', '24h']);
  assert.equal(cells('coordination.k8s.io', 'leases', holder({}))[1], '');
  const lc: KubeObject = {
    apiVersion: 'coordination.k8s.io/v1beta1', kind: 'LeaseCandidate', metadata: { name: 'c', creationTimestamp: ago(DAY) },
    spec: { leaseName: 'kube-scheduler', binaryVersion: '1.33.0', emulationVersion: '1.33.0', strategy: 'OldestEmulationVersion' },
  };
  assert.deepEqual(cells('coordination.k8s.io', 'leasecandidates', lc), ['c', 'kube-scheduler', '1.33.0', '1.33.0', '24h']);

  assert.deepEqual(columnNames('scheduling.k8s.io', 'priorityclasses'), ['Name', 'Value', 'Global-Default', 'Age', 'PreemptionPolicy']);
  const pc: KubeObject = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'system-node-critical', creationTimestamp: ago(DAY) }, value: 2000001000, preemptionPolicy: 'PreemptLowerPriority' };
  assert.deepEqual(cells('scheduling.k8s.io', 'priorityclasses', pc), ['system-node-critical', 2000001000, false, '24h', 'PreemptLowerPriority']);

  const rc: KubeObject = { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'gvisor', creationTimestamp: ago(DAY) }, handler: 'runsc' };
  assert.deepEqual(cells('node.k8s.io', 'runtimeclasses', rc), ['gvisor', 'runsc', '24h']);
});

test('API services: SERVICE or Local, AVAILABLE with the reason when false; columns even with noHeaders', () => {
  const G = 'apiregistration.k8s.io';
  const svc = (spec: Record<string, unknown>, conditions?: unknown[]): KubeObject => ({
    apiVersion: `${G}/v1`, kind: 'APIService', metadata: { name: 'v1beta1.metrics.k8s.io', creationTimestamp: ago(DAY) }, spec, status: conditions ? { conditions } : {},
  });
  assert.deepEqual(columnNames(G, 'apiservices'), ['Name', 'Service', 'Available', 'Age']);
  assert.deepEqual(cells(G, 'apiservices', svc({ group: 'apps', version: 'v1' }, [{ type: 'Available', status: 'True', reason: 'Local' }])), ['v1beta1.metrics.k8s.io', 'Local', 'True', '24h']);
  const remote = svc({ service: { namespace: 'kube-system', name: 'metrics-server' } }, [{ type: 'Available', status: 'False', reason: 'MissingEndpoints' }]);
  assert.deepEqual(cells(G, 'apiservices', remote).slice(1, 3), ['kube-system/metrics-server', 'False (MissingEndpoints)']);
  assert.equal(cells(G, 'apiservices', svc({}))[2], 'Unknown');
  assert.equal(toTable(G, 'apiservices', [svc({})], { now: NOW, noHeaders: true }).columnDefinitions!.length, 4);
});
