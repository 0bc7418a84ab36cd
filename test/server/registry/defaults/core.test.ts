// Defaulting of core/v1 kinds without templates, as kube-apiserver 1.33 answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { defaultsFor } from '../../../../src/server/registry/defaults/index.ts';

const run = (kind: string, obj: KubeObject) => {
  defaultsFor('', kind)!(obj);
  return obj;
};

test('Service: ClusterIP, no affinity, TCP, targetPort = port, internal traffic Cluster', () => {
  const svc = run('Service', { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }, { port: 53, protocol: 'UDP', targetPort: 'dns' }] } });
  assert.deepEqual(svc.spec, {
    selector: { app: 'web' },
    ports: [
      { port: 80, protocol: 'TCP', targetPort: 80 },
      { port: 53, protocol: 'UDP', targetPort: 'dns' },
    ],
    sessionAffinity: 'None',
    type: 'ClusterIP',
    internalTrafficPolicy: 'Cluster',
  });
});

test('Service: NodePort and LoadBalancer are externally accessible; ExternalName gets neither policy', () => {
  const np = run('Service', { metadata: {}, spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 0 }] } }).spec as any;
  assert.equal(np.externalTrafficPolicy, 'Cluster');
  assert.equal(np.internalTrafficPolicy, 'Cluster');
  assert.equal(np.ports[0].targetPort, 80);
  assert.equal(np.allocateLoadBalancerNodePorts, undefined);
  const lb = run('Service', {
    metadata: {},
    spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 443 }] },
    status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }, { hostname: 'lb.example' }] } },
  });
  assert.equal((lb.spec as any).externalTrafficPolicy, 'Local');
  assert.equal((lb.spec as any).allocateLoadBalancerNodePorts, true);
  assert.deepEqual((lb.status as any).loadBalancer.ingress, [{ ip: '1.2.3.4', ipMode: 'VIP' }, { hostname: 'lb.example' }]);
  const external = run('Service', { metadata: {}, spec: { type: 'ExternalName', externalName: 'example.com' } }).spec as any;
  assert.deepEqual(external, { type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None' });
  // a ClusterIP service with external IPs counts as externally reachable
  const withIPs = run('Service', { metadata: {}, spec: { externalIPs: ['5.6.7.8'], ports: [{ port: 1 }] } }).spec as any;
  assert.equal(withIPs.externalTrafficPolicy, 'Cluster');
});

test('Service: ClientIP affinity gets a 3-hour timeout; None drops any config', () => {
  const clientIP = run('Service', { metadata: {}, spec: { sessionAffinity: 'ClientIP' } }).spec as any;
  assert.deepEqual(clientIP.sessionAffinityConfig, { clientIP: { timeoutSeconds: 10800 } });
  const kept = run('Service', { metadata: {}, spec: { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } } }).spec as any;
  assert.deepEqual(kept.sessionAffinityConfig, { clientIP: { timeoutSeconds: 60 } });
  const none = run('Service', { metadata: {}, spec: { sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } } }).spec as any;
  assert.equal(none.sessionAffinityConfig, undefined);
});

test('Secret: Opaque, and stringData is folded into base64 data', () => {
  const secret = run('Secret', { metadata: {}, data: { a: 'b2xk', keep: 'eA==' }, stringData: { a: 'new', pass: 'héllo' } });
  assert.deepEqual(secret, { metadata: {}, type: 'Opaque', data: { a: 'bmV3', keep: 'eA==', pass: 'aMOpbGxv' } });
  const tls = run('Secret', { metadata: {}, type: 'kubernetes.io/tls' });
  assert.equal(tls.type, 'kubernetes.io/tls');
});

test('Namespace: the metadata.name label and phase Active', () => {
  const ns = run('Namespace', { metadata: { name: 'team', labels: { a: 'b' } } });
  assert.deepEqual(ns, { metadata: { name: 'team', labels: { a: 'b', 'kubernetes.io/metadata.name': 'team' } }, status: { phase: 'Active' } });
});

test('PersistentVolume and claim: Pending, Retain, Filesystem, rounded capacity', () => {
  const pv = run('PersistentVolume', { metadata: {}, spec: { capacity: { storage: '10240Mi' }, hostPath: { path: '/x' }, accessModes: ['ReadWriteOnce'] } });
  assert.deepEqual(pv, {
    metadata: {},
    spec: { capacity: { storage: '10Gi' }, hostPath: { path: '/x', type: '' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' },
    status: { phase: 'Pending' },
  });
  const pvc = run('PersistentVolumeClaim', { metadata: {}, spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Block', resources: { requests: { storage: '1G' } } } });
  assert.deepEqual(pvc, { metadata: {}, spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Block', resources: { requests: { storage: '1G' } } }, status: { phase: 'Pending' } });
});

test('Endpoints ports default to TCP', () => {
  const ep = run('Endpoints', { metadata: {}, subsets: [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }, { port: 53, protocol: 'UDP' }] }] });
  assert.deepEqual((ep.subsets as any)[0].ports, [{ port: 80, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }]);
});

test('Node: allocatable from capacity, podCIDR and podCIDRs in step', () => {
  const node = run('Node', { metadata: {}, spec: { podCIDR: '10.244.0.0/24' }, status: { capacity: { cpu: '4', memory: '8192Mi' } } });
  assert.deepEqual(node.spec, { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'] });
  assert.deepEqual(node.status, { capacity: { cpu: '4', memory: '8Gi' }, allocatable: { cpu: '4', memory: '8Gi' } });
  const given = run('Node', { metadata: {}, status: { capacity: { cpu: '4' }, allocatable: { cpu: '3500m' } } });
  assert.deepEqual((given.status as any).allocatable, { cpu: '3500m' });
});

test('LimitRange: container items fill default from max and defaultRequest from default, then min', () => {
  const lr = run('LimitRange', {
    metadata: {},
    spec: {
      limits: [
        { type: 'Container', max: { cpu: '2', memory: '1Gi' }, default: { cpu: '1' }, min: { memory: '64Mi', cpu: '100m' } },
        { type: 'Pod', max: { cpu: '4' } },
      ],
    },
  });
  assert.deepEqual((lr.spec as any).limits, [
    { type: 'Container', max: { cpu: '2', memory: '1Gi' }, default: { cpu: '1', memory: '1Gi' }, defaultRequest: { cpu: '1', memory: '1Gi' }, min: { memory: '64Mi', cpu: '100m' } },
    { type: 'Pod', max: { cpu: '4' } },
  ]);
});

test('ResourceQuota quantities are rounded up to milli units', () => {
  const rq = run('ResourceQuota', { metadata: {}, spec: { hard: { cpu: '0.0005', pods: '10' } } });
  assert.deepEqual((rq.spec as any).hard, { cpu: '1m', pods: '10' });
});

test('kinds without upstream defaults have no defaulter', () => {
  for (const [group, kind] of [
    ['', 'ConfigMap'],
    ['', 'ServiceAccount'],
    ['coordination.k8s.io', 'Lease'],
    ['policy', 'PodDisruptionBudget'],
    ['node.k8s.io', 'RuntimeClass'],
    ['networking.k8s.io', 'Ingress'],
    ['certificates.k8s.io', 'CertificateSigningRequest'],
    ['example.com', 'Widget'],
  ])
    assert.equal(defaultsFor(group!, kind!), undefined, `${group}/${kind}`);
});
