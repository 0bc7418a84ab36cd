// Defaulting outside core/apps/batch: autoscaling/v2, networking, rbac, storage, scheduling,
// discovery, admissionregistration and apiextensions (v1), as kube-apiserver 1.33 answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { defaultsFor } from '../../../../src/server/registry/defaults/index.ts';

const run = (group: string, kind: string, obj: KubeObject) => {
  defaultsFor(group, kind)!(obj);
  return obj;
};

test('HPA v2: minReplicas 1 and an 80% CPU target when no metric is given', () => {
  const hpa = run('autoscaling', 'HorizontalPodAutoscaler', { metadata: {}, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5 } });
  assert.deepEqual(hpa.spec, {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
    maxReplicas: 5,
    minReplicas: 1,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
  });
  const given = run('autoscaling', 'HorizontalPodAutoscaler', { metadata: {}, spec: { minReplicas: 2, metrics: [{ type: 'Pods' }] } });
  assert.deepEqual((given.spec as any).metrics, [{ type: 'Pods' }]);
  assert.equal((given.spec as any).behavior, undefined);
});

test('HPA v2: a behavior is completed rule by rule; scale-down keeps its window unset', () => {
  const hpa = run('autoscaling', 'HorizontalPodAutoscaler', { metadata: {}, spec: { behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } });
  assert.deepEqual((hpa.spec as any).behavior, {
    scaleUp: {
      stabilizationWindowSeconds: 0,
      selectPolicy: 'Max',
      policies: [
        { type: 'Pods', value: 4, periodSeconds: 15 },
        { type: 'Percent', value: 100, periodSeconds: 15 },
      ],
    },
    scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
  });
  const down = run('autoscaling', 'HorizontalPodAutoscaler', { metadata: {}, spec: { behavior: { scaleUp: { selectPolicy: 'Disabled' } } } });
  assert.deepEqual((down.spec as any).behavior.scaleDown, { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] });
  assert.equal((down.spec as any).behavior.scaleUp.selectPolicy, 'Disabled');
});

test('NetworkPolicy: Ingress, plus Egress when egress rules exist; ports TCP', () => {
  const ingressOnly = run('networking.k8s.io', 'NetworkPolicy', { metadata: {}, spec: { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] } });
  assert.deepEqual(ingressOnly.spec, { podSelector: {}, ingress: [{ ports: [{ port: 80, protocol: 'TCP' }] }], policyTypes: ['Ingress'] });
  const both = run('networking.k8s.io', 'NetworkPolicy', { metadata: {}, spec: { podSelector: {}, egress: [{}] } });
  assert.deepEqual((both.spec as any).policyTypes, ['Ingress', 'Egress']);
  const given = run('networking.k8s.io', 'NetworkPolicy', { metadata: {}, spec: { podSelector: {}, egress: [{}], policyTypes: ['Egress'] } });
  assert.deepEqual((given.spec as any).policyTypes, ['Egress']);
});

test('IngressClass parameters are cluster-scoped by default', () => {
  const ic = run('networking.k8s.io', 'IngressClass', { metadata: {}, spec: { controller: 'x/y', parameters: { kind: 'P', name: 'p' } } });
  assert.deepEqual((ic.spec as any).parameters, { kind: 'P', name: 'p', scope: 'Cluster' });
  const plain = run('networking.k8s.io', 'IngressClass', { metadata: {}, spec: { controller: 'x/y' } });
  assert.deepEqual(plain.spec, { controller: 'x/y' });
});

test('RBAC bindings: roleRef and User/Group subjects get the rbac group, service accounts none', () => {
  const rb = run('rbac.authorization.k8s.io', 'RoleBinding', {
    metadata: {},
    roleRef: { kind: 'Role', name: 'r' },
    subjects: [{ kind: 'User', name: 'alice' }, { kind: 'Group', name: 'devs' }, { kind: 'ServiceAccount', name: 'sa', namespace: 'default' }],
  });
  assert.deepEqual(rb.roleRef, { kind: 'Role', name: 'r', apiGroup: 'rbac.authorization.k8s.io' });
  assert.deepEqual(rb.subjects, [
    { kind: 'User', name: 'alice', apiGroup: 'rbac.authorization.k8s.io' },
    { kind: 'Group', name: 'devs', apiGroup: 'rbac.authorization.k8s.io' },
    { kind: 'ServiceAccount', name: 'sa', namespace: 'default' },
  ]);
  assert.ok(defaultsFor('rbac.authorization.k8s.io', 'ClusterRoleBinding'));
  assert.equal(defaultsFor('rbac.authorization.k8s.io', 'Role'), undefined);
});

test('StorageClass, CSIDriver and PriorityClass', () => {
  const sc = run('storage.k8s.io', 'StorageClass', { metadata: {}, provisioner: 'x' });
  assert.equal(sc.reclaimPolicy, 'Delete');
  assert.equal(sc.volumeBindingMode, 'Immediate');
  const driver = run('storage.k8s.io', 'CSIDriver', { metadata: {}, spec: {} });
  assert.deepEqual(driver.spec, {
    attachRequired: true,
    podInfoOnMount: false,
    storageCapacity: false,
    fsGroupPolicy: 'ReadWriteOnceWithFSType',
    volumeLifecycleModes: ['Persistent'],
    requiresRepublish: false,
    seLinuxMount: false,
  });
  const pc = run('scheduling.k8s.io', 'PriorityClass', { metadata: {}, value: 1000 });
  assert.equal(pc.preemptionPolicy, 'PreemptLowerPriority');
});

test('EndpointSlice ports: name "" and TCP', () => {
  const slice = run('discovery.k8s.io', 'EndpointSlice', { metadata: {}, addressType: 'IPv4', endpoints: [], ports: [{ port: 80 }, { name: 'dns', port: 53, protocol: 'UDP' }] });
  assert.deepEqual(slice.ports, [{ port: 80, name: '', protocol: 'TCP' }, { name: 'dns', port: 53, protocol: 'UDP' }]);
});

test('webhook configurations: Fail, Equivalent, match-all selectors, 10 s, scope *, port 443', () => {
  const webhook = { name: 'w.example.com', clientConfig: { service: { name: 's', namespace: 'n' } }, rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }], sideEffects: 'None', admissionReviewVersions: ['v1'] };
  const validating = run('admissionregistration.k8s.io', 'ValidatingWebhookConfiguration', { metadata: {}, webhooks: [structuredClone(webhook)] });
  assert.deepEqual((validating.webhooks as any)[0], {
    ...webhook,
    clientConfig: { service: { name: 's', namespace: 'n', port: 443 } },
    rules: [{ ...webhook.rules[0], scope: '*' }],
    failurePolicy: 'Fail',
    matchPolicy: 'Equivalent',
    namespaceSelector: {},
    objectSelector: {},
    timeoutSeconds: 10,
  });
  const mutating = run('admissionregistration.k8s.io', 'MutatingWebhookConfiguration', { metadata: {}, webhooks: [structuredClone(webhook)] });
  assert.equal((mutating.webhooks as any)[0].reinvocationPolicy, 'Never');
  assert.equal((mutating.webhooks as any)[0].sideEffects, 'None');
});

test('ValidatingAdmissionPolicy and its binding default their match resources', () => {
  const vap = run('admissionregistration.k8s.io', 'ValidatingAdmissionPolicy', {
    metadata: {},
    spec: { matchConstraints: { resourceRules: [{ apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE'], resources: ['deployments'] }] }, validations: [{ expression: 'true' }] },
  });
  assert.equal((vap.spec as any).failurePolicy, 'Fail');
  assert.deepEqual((vap.spec as any).matchConstraints, {
    resourceRules: [{ apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE'], resources: ['deployments'], scope: '*' }],
    matchPolicy: 'Equivalent',
    namespaceSelector: {},
    objectSelector: {},
  });
  const binding = run('admissionregistration.k8s.io', 'ValidatingAdmissionPolicyBinding', { metadata: {}, spec: { policyName: 'p', validationActions: ['Deny'] } });
  assert.deepEqual(binding.spec, { policyName: 'p', validationActions: ['Deny'] });
});
