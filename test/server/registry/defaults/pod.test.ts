// Pod defaulting against what kube-apiserver 1.33 answers for the same input (pkg/apis/core/v1
// defaults.go and defaults_test.go cases).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { defaultsFor } from '../../../../src/server/registry/defaults/index.ts';

const defaultPod = (pod: KubeObject) => {
  defaultsFor('', 'Pod')!(pod);
  return pod;
};

test('a minimal pod gets the PodSpec, Pod and Container defaults', () => {
  const pod = defaultPod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } });
  assert.deepEqual(pod.spec, {
    containers: [
      {
        name: 'nginx',
        image: 'nginx',
        imagePullPolicy: 'Always',
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      },
    ],
    enableServiceLinks: true,
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    schedulerName: 'default-scheduler',
  });
});

test('imagePullPolicy: Always only for :latest or no tag; a set policy stays', () => {
  const policy = (image: string, imagePullPolicy?: string) =>
    (defaultPod({ metadata: {}, spec: { containers: [{ name: 'c', image, ...(imagePullPolicy ? { imagePullPolicy } : {}) }] } }).spec as any).containers[0]
      .imagePullPolicy;
  assert.equal(policy('nginx'), 'Always');
  assert.equal(policy('nginx:latest'), 'Always');
  assert.equal(policy('registry.k8s.io/pause:3.9'), 'IfNotPresent');
  assert.equal(policy(`nginx@sha256:${'a'.repeat(64)}`), 'IfNotPresent');
  assert.equal(policy('localhost:5000/app'), 'Always');
  assert.equal(policy('nginx:1.25', 'Always'), 'Always');
  assert.equal(policy('nginx', 'Never'), 'Never');
});

test('requests default to limits on pods, per resource, and quantities are rounded and canonical', () => {
  const pod = defaultPod({
    metadata: {},
    spec: {
      containers: [{ name: 'a', image: 'x:1', resources: { limits: { cpu: '500m', memory: '1024Mi' }, requests: { cpu: '0.0001' } } }],
      initContainers: [{ name: 'i', image: 'x:1', resources: { limits: { cpu: '1' } } }],
    },
  });
  const spec = pod.spec as any;
  assert.deepEqual(spec.containers[0].resources, { limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '1m', memory: '1Gi' } });
  assert.deepEqual(spec.initContainers[0].resources, { limits: { cpu: '1' }, requests: { cpu: '1' } });
});

test('templates get PodSpec defaults but not the Pod-only ones', () => {
  const rs: KubeObject = {
    metadata: {},
    spec: { template: { spec: { hostNetwork: true, containers: [{ name: 'a', image: 'x:1', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '1' } } }] } } },
  };
  defaultsFor('apps', 'ReplicaSet')!(rs);
  const spec = (rs.spec as any).template.spec;
  assert.equal(spec.enableServiceLinks, undefined);
  assert.deepEqual(spec.containers[0].resources, { limits: { cpu: '1' } });
  assert.deepEqual(spec.containers[0].ports, [{ containerPort: 80, protocol: 'TCP' }]);
  assert.equal(spec.dnsPolicy, 'ClusterFirst');
});

test('hostNetwork pods get hostPort = containerPort', () => {
  const pod = defaultPod({
    metadata: {},
    spec: { hostNetwork: true, containers: [{ name: 'a', image: 'x:1', ports: [{ containerPort: 80 }, { containerPort: 81, hostPort: 9000, protocol: 'UDP' }] }] },
  });
  assert.deepEqual((pod.spec as any).containers[0].ports, [
    { containerPort: 80, hostPort: 80, protocol: 'TCP' },
    { containerPort: 81, hostPort: 9000, protocol: 'UDP' },
  ]);
});

test('probes, lifecycle hooks and env fieldRefs', () => {
  const pod = defaultPod({
    metadata: {},
    spec: {
      containers: [
        {
          name: 'a',
          image: 'x:1',
          livenessProbe: { httpGet: { port: 8080 } },
          readinessProbe: { grpc: { port: 9000 }, periodSeconds: 5 },
          startupProbe: { exec: { command: ['true'] }, failureThreshold: 30 },
          lifecycle: { preStop: { httpGet: { port: 80, path: '/stop' } } },
          env: [{ name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }, { name: 'A', value: 'b' }],
        },
      ],
    },
  });
  const c = (pod.spec as any).containers[0];
  assert.deepEqual(c.livenessProbe, { httpGet: { port: 8080, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  assert.deepEqual(c.readinessProbe, { grpc: { port: 9000, service: '' }, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 });
  assert.deepEqual(c.startupProbe, { exec: { command: ['true'] }, failureThreshold: 30, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1 });
  assert.deepEqual(c.lifecycle, { preStop: { httpGet: { port: 80, path: '/stop', scheme: 'HTTP' } } });
  assert.deepEqual(c.env, [{ name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace', apiVersion: 'v1' } } }, { name: 'A', value: 'b' }]);
});

test('volumes: emptyDir when no source, modes 0644, hostPath type, token expiry, claim templates', () => {
  const pod = defaultPod({
    metadata: {},
    spec: {
      containers: [{ name: 'a', image: 'x:1' }],
      volumes: [
        { name: 'scratch' },
        { name: 'cm', configMap: { name: 'c' } },
        { name: 'sec', secret: { secretName: 's', defaultMode: 256 } },
        { name: 'host', hostPath: { path: '/data' } },
        { name: 'down', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
        { name: 'proj', projected: { sources: [{ serviceAccountToken: { path: 't' } }, { downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'metadata.name' } }] } }] } },
        { name: 'eph', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1024Mi' } } } } } },
        { name: 'rbd', rbd: { monitors: ['m'], image: 'i' } },
      ],
    },
  });
  assert.deepEqual((pod.spec as any).volumes, [
    { name: 'scratch', emptyDir: {} },
    { name: 'cm', configMap: { name: 'c', defaultMode: 420 } },
    { name: 'sec', secret: { secretName: 's', defaultMode: 256 } },
    { name: 'host', hostPath: { path: '/data', type: '' } },
    { name: 'down', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels', apiVersion: 'v1' } }], defaultMode: 420 } },
    {
      name: 'proj',
      projected: {
        sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 3600 } }, { downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'metadata.name', apiVersion: 'v1' } }] } }],
        defaultMode: 420,
      },
    },
    {
      name: 'eph',
      ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' } } },
    },
    { name: 'rbd', rbd: { monitors: ['m'], image: 'i', pool: 'rbd', user: 'admin', keyring: '/etc/ceph/keyring' } },
  ]);
});

test('serviceAccount mirrors serviceAccountName; an old client sending only serviceAccount is understood', () => {
  const oldClient = defaultPod({ metadata: {}, spec: { serviceAccount: 'builder', containers: [] } });
  assert.equal((oldClient.spec as any).serviceAccountName, 'builder');
  assert.equal((oldClient.spec as any).serviceAccount, 'builder');
  const both = defaultPod({ metadata: {}, spec: { serviceAccount: 'a', serviceAccountName: 'b', containers: [] } });
  assert.equal((both.spec as any).serviceAccount, 'b');
  const none = defaultPod({ metadata: {}, spec: { containers: [] } });
  assert.equal('serviceAccount' in (none.spec as any), false);
});

test('status podIP and podIPs are kept in step', () => {
  const only = defaultPod({ metadata: {}, spec: { containers: [] }, status: { podIP: '10.0.0.5', hostIP: '192.168.1.2' } });
  assert.deepEqual(only.status, { podIP: '10.0.0.5', hostIP: '192.168.1.2', podIPs: [{ ip: '10.0.0.5' }], hostIPs: [{ ip: '192.168.1.2' }] });
  const plural = defaultPod({ metadata: {}, spec: { containers: [] }, status: { podIPs: [{ ip: '10.0.0.6' }] } });
  assert.equal((plural.status as any).podIP, '10.0.0.6');
  // podIP wins when the two disagree
  const conflict = defaultPod({ metadata: {}, spec: { containers: [] }, status: { podIP: '10.0.0.7', podIPs: [{ ip: '10.0.0.8' }, { ip: 'fd00::1' }] } });
  assert.deepEqual((conflict.status as any).podIPs, [{ ip: '10.0.0.7' }]);
});

test('defaulting a pod twice changes nothing more', () => {
  const pod = defaultPod({
    metadata: {},
    spec: { containers: [{ name: 'a', image: 'nginx', resources: { limits: { cpu: '2' } }, livenessProbe: { tcpSocket: { port: 1 } } }], volumes: [{ name: 'v' }] },
  });
  const once = structuredClone(pod);
  defaultPod(pod);
  assert.deepEqual(pod, once);
});
