import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertFieldLabel, convertFieldSelector, selectableFields } from '../../../src/server/selectors/field-labels.ts';
import type { FieldTarget } from '../../../src/server/selectors/field-labels.ts';
import { parseFieldSelector } from '../../../src/server/selectors/fields.ts';
import type { KubeObject } from '../../../src/api/object.ts';

const t = (group: string, version: string, resource: string, namespaced = true): FieldTarget => ({ group, version, resource, namespaced });
const pods = t('', 'v1', 'pods');
const nodes = t('', 'v1', 'nodes', false);

function convertError(target: FieldTarget, label: string): string {
  try {
    convertFieldLabel(target, label, 'x');
  } catch (err) {
    return (err as Error).message;
  }
  assert.fail(`${label} converted`);
}

test('every resource takes metadata.name; the default conversion also metadata.namespace', () => {
  for (const target of [pods, nodes, t('apps', 'v1', 'deployments'), t('rbac.authorization.k8s.io', 'v1', 'clusterroles', false)]) {
    assert.deepEqual(convertFieldLabel(target, 'metadata.name', 'a'), ['metadata.name', 'a']);
  }
  // a cluster-scoped kind without its own conversion still accepts metadata.namespace…
  assert.deepEqual(convertFieldLabel(t('rbac.authorization.k8s.io', 'v1', 'clusterroles', false), 'metadata.namespace', ''), ['metadata.namespace', '']);
  // …those with one do not
  assert.equal(convertError(nodes, 'metadata.namespace'), 'field label not supported: metadata.namespace');
  assert.equal(convertError(t('', 'v1', 'namespaces', false), 'metadata.namespace'), 'field label not supported: metadata.namespace');
  assert.equal(convertError(t('certificates.k8s.io', 'v1', 'certificatesigningrequests', false), 'metadata.namespace'), 'field label not supported: metadata.namespace');
});

test('unsupported labels: each conversion func has its own text', () => {
  assert.equal(convertError(pods, 'spec.foo'), 'field label not supported: spec.foo');
  assert.equal(convertError(t('', 'v1', 'services'), 'spec.ports'), 'field label not supported: spec.ports');
  assert.equal(convertError(t('', 'v1', 'events'), 'involvedObject.foo'), 'field label not supported: involvedObject.foo');
  // events.k8s.io/v1 names its own fields (regarding.*), not core's
  assert.equal(convertError(t('events.k8s.io', 'v1', 'events'), 'involvedObject.name'), 'field label not supported: involvedObject.name');
  assert.equal(convertError(t('events.k8s.io', 'v1', 'events'), 'reportingComponent'), 'field label not supported: reportingComponent');
  // kubernetes/kubernetes#135136: the registry offers status.replicas, the conversion does not
  assert.equal(convertError(t('apps', 'v1', 'replicasets'), 'status.replicas'), '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"');
  assert.equal(convertError(t('apps', 'v1', 'deployments'), 'spec.replicas'), '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"');
  assert.equal(convertError(t('batch', 'v1', 'jobs'), 'status.succeeded'), 'field label "status.succeeded" not supported for batchv1.Job');
  assert.equal(convertError(t('batch', 'v1', 'cronjobs'), 'status.successful'), '"status.successful" is not a known field selector: only "metadata.name", "metadata.namespace"');
  assert.equal(
    convertError(t('resource.k8s.io', 'v1beta1', 'resourceslices', false), 'spec.pool.name'),
    'field label not supported for resource.k8s.io/v1beta1, Kind=ResourceSlice: spec.pool.name',
  );
  // the label is quoted Go-style where the text uses %q
  assert.equal(convertError(t('apps', 'v1', 'deployments'), 'a"b'), '"a\\"b" is not a known field selector: only "metadata.name", "metadata.namespace"');
});

test('supported labels per kind', () => {
  const ok: [FieldTarget, string[]][] = [
    [pods, ['metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName']],
    [nodes, ['spec.unschedulable']],
    [t('', 'v1', 'replicationcontrollers'), ['metadata.namespace', 'status.replicas']],
    [t('', 'v1', 'namespaces', false), ['status.phase']],
    [t('', 'v1', 'secrets'), ['type', 'metadata.namespace']],
    [t('', 'v1', 'services'), ['spec.clusterIP', 'spec.type', 'metadata.namespace']],
    [t('', 'v1', 'events'), ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type', 'metadata.namespace']],
    [t('events.k8s.io', 'v1', 'events'), ['reason', 'source', 'type', 'metadata.namespace']],
    [t('batch', 'v1', 'jobs'), ['status.successful', 'metadata.namespace']],
    [t('certificates.k8s.io', 'v1', 'certificatesigningrequests', false), ['spec.signerName']],
    [t('resource.k8s.io', 'v1beta2', 'resourceslices', false), ['spec.nodeName', 'spec.driver']],
  ];
  for (const [target, labels] of ok) {
    for (const label of labels) assert.deepEqual(convertFieldLabel(target, label, 'v'), [label, 'v'], `${target.resource} ${label}`);
  }
  // old v1 clients' spec.host means spec.nodeName
  assert.deepEqual(convertFieldLabel(pods, 'spec.host', 'n1'), ['spec.nodeName', 'n1']);
  // events.k8s.io/v1 labels become the core names the stored events offer
  const eventsV1 = t('events.k8s.io', 'v1', 'events');
  for (const f of ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'])
    assert.deepEqual(convertFieldLabel(eventsV1, `regarding.${f}`, 'v'), [`involvedObject.${f}`, 'v']);
  assert.deepEqual(convertFieldLabel(eventsV1, 'reportingController', 'v'), ['reportingComponent', 'v']);
});

test('convertFieldSelector: every term converted, the first failing term (in sorted order) reported', () => {
  assert.equal(convertFieldSelector(pods, parseFieldSelector('spec.host=n1,status.phase!=Failed')).toString(), 'spec.nodeName=n1,status.phase!=Failed');
  assert.throws(() => convertFieldSelector(pods, parseFieldSelector('z.z=1,a.a=1')), { message: 'field label not supported: a.a' });
  assert.throws(() => convertFieldSelector(pods, parseFieldSelector('status.phase = Running')), { message: 'field label not supported: status.phase ' });
});

const pod: KubeObject = {
  metadata: { name: 'web-1', namespace: 'shop' },
  spec: { nodeName: 'n1', restartPolicy: 'Always', schedulerName: 'default-scheduler', serviceAccount: 'legacy', hostNetwork: true },
  status: { phase: 'Running', podIPs: [{ ip: '10.0.0.7' }, { ip: 'fd00::7' }], nominatedNodeName: '' },
};

test('pod fields as the registry offers them', () => {
  assert.deepEqual(selectableFields(pods, pod), {
    'metadata.name': 'web-1',
    'metadata.namespace': 'shop',
    'spec.nodeName': 'n1',
    'spec.restartPolicy': 'Always',
    'spec.schedulerName': 'default-scheduler',
    'spec.serviceAccountName': 'legacy',
    'spec.hostNetwork': 'true',
    'status.phase': 'Running',
    'status.podIP': '10.0.0.7',
    'status.nominatedNodeName': '',
  });
  const bare = selectableFields(pods, { metadata: { name: 'p' } });
  assert.equal(bare['spec.hostNetwork'], 'false');
  assert.equal(bare['status.podIP'], '');
  assert.equal(bare['metadata.namespace'], '');
  // status.podIPs converts but is not offered: only "" matches it
  assert.equal('status.podIPs' in selectableFields(pods, pod), false);
  assert.equal(convertFieldSelector(pods, parseFieldSelector('status.podIPs=')).matches(selectableFields(pods, pod)), true);
  assert.equal(convertFieldSelector(pods, parseFieldSelector('status.podIPs=10.0.0.7')).matches(selectableFields(pods, pod)), false);
});

test('fields of other kinds', () => {
  assert.deepEqual(selectableFields(nodes, { metadata: { name: 'n1', namespace: 'ignored' }, spec: { unschedulable: true } }), {
    'metadata.name': 'n1',
    'spec.unschedulable': 'true',
  });
  assert.deepEqual(selectableFields(nodes, { metadata: { name: 'n2' } }), { 'metadata.name': 'n2', 'spec.unschedulable': 'false' });
  assert.equal(selectableFields(t('', 'v1', 'namespaces', false), { metadata: { name: 'ns' }, status: { phase: 'Terminating' } })['status.phase'], 'Terminating');
  assert.equal(selectableFields(t('', 'v1', 'secrets'), { metadata: { name: 's' }, type: 'kubernetes.io/tls' }).type, 'kubernetes.io/tls');
  assert.deepEqual(selectableFields(t('', 'v1', 'services'), { metadata: { name: 's', namespace: 'd' }, spec: { clusterIP: 'None', type: 'ClusterIP' } }), {
    'metadata.name': 's',
    'metadata.namespace': 'd',
    'spec.clusterIP': 'None',
    'spec.type': 'ClusterIP',
  });
  assert.equal(selectableFields(t('', 'v1', 'replicationcontrollers'), { metadata: { name: 'rc' }, status: { replicas: 3 } })['status.replicas'], '3');
  assert.equal(selectableFields(t('apps', 'v1', 'replicasets'), { metadata: { name: 'rs' } })['status.replicas'], '0');
  assert.equal(selectableFields(t('batch', 'v1', 'jobs'), { metadata: { name: 'j' }, status: { succeeded: 2 } })['status.successful'], '2');
  assert.equal(selectableFields(t('batch', 'v1', 'jobs'), { metadata: { name: 'j' } })['status.successful'], '0');
  assert.deepEqual(selectableFields(t('certificates.k8s.io', 'v1', 'certificatesigningrequests', false), { metadata: { name: 'c' }, spec: { signerName: 'kubernetes.io/kubelet-serving' } }), {
    'metadata.name': 'c',
    'spec.signerName': 'kubernetes.io/kubelet-serving',
  });
  assert.deepEqual(selectableFields(t('apps', 'v1', 'deployments'), { metadata: { name: 'd', namespace: 'x' }, spec: { replicas: 1 } }), {
    'metadata.name': 'd',
    'metadata.namespace': 'x',
  });
  assert.deepEqual(selectableFields(t('rbac.authorization.k8s.io', 'v1', 'clusterroles', false), { metadata: { name: 'admin' } }), { 'metadata.name': 'admin' });
});

test('event fields of the stored core/v1 shape, for both APIs; source falls back to the reporting controller', () => {
  const core = selectableFields(t('', 'v1', 'events'), {
    metadata: { name: 'web.17a', namespace: 'shop' },
    involvedObject: { kind: 'Pod', namespace: 'shop', name: 'web', uid: 'u1', apiVersion: 'v1', resourceVersion: '42', fieldPath: 'spec.containers{app}' },
    reason: 'Pulled',
    source: { component: 'kubelet', host: 'n1' },
    reportingComponent: 'kubelet',
    type: 'Normal',
  });
  assert.deepEqual(core, {
    'metadata.name': 'web.17a',
    'metadata.namespace': 'shop',
    'involvedObject.kind': 'Pod',
    'involvedObject.namespace': 'shop',
    'involvedObject.name': 'web',
    'involvedObject.uid': 'u1',
    'involvedObject.apiVersion': 'v1',
    'involvedObject.resourceVersion': '42',
    'involvedObject.fieldPath': 'spec.containers{app}',
    reason: 'Pulled',
    reportingComponent: 'kubelet',
    source: 'kubelet',
    type: 'Normal',
  });
  // an event written through events.k8s.io/v1, as stored (no source)
  const v1 = selectableFields(t('events.k8s.io', 'v1', 'events'), {
    metadata: { name: 'e', namespace: 'shop' },
    involvedObject: { kind: 'Deployment', name: 'web', namespace: 'shop' },
    reason: 'ScalingReplicaSet',
    reportingComponent: 'deployment-controller',
    type: 'Normal',
  });
  assert.equal(v1['involvedObject.kind'], 'Deployment');
  assert.equal(v1['involvedObject.name'], 'web');
  assert.equal(v1['involvedObject.uid'], '');
  assert.equal(v1.reportingComponent, 'deployment-controller');
  assert.equal(v1.source, 'deployment-controller');
  const fallback = selectableFields(t('', 'v1', 'events'), { metadata: { name: 'e' }, reportingComponent: 'scheduler' });
  assert.equal(fallback.source, 'scheduler');
});

test('custom resources: name, namespace when namespaced, the version\'s selectableFields', () => {
  const widgets: FieldTarget = { ...t('example.com', 'v1', 'widgets'), customResource: { selectableFields: ['.spec.color', '.spec.size', '.status.ready'] } };
  const cluster: FieldTarget = { ...t('example.com', 'v1', 'gadgets', false), customResource: {} };
  assert.deepEqual(convertFieldLabel(widgets, 'spec.color', 'red'), ['spec.color', 'red']);
  assert.deepEqual(convertFieldLabel(widgets, 'metadata.namespace', 'a'), ['metadata.namespace', 'a']);
  assert.equal(convertError(widgets, 'spec.shape'), 'field label not supported: spec.shape');
  assert.equal(convertError(widgets, '.spec.color'), 'field label not supported: .spec.color');
  assert.equal(convertError(cluster, 'metadata.namespace'), 'field label not supported: metadata.namespace');
  assert.deepEqual(selectableFields(widgets, { metadata: { name: 'w', namespace: 'd' }, spec: { color: 'red', size: 3 }, status: { ready: false } } as KubeObject), {
    'metadata.name': 'w',
    'metadata.namespace': 'd',
    'spec.color': 'red',
    'spec.size': '3',
    'status.ready': 'false',
  });
  assert.deepEqual(selectableFields(widgets, { metadata: { name: 'w', namespace: 'd' } }), {
    'metadata.name': 'w',
    'metadata.namespace': 'd',
    'spec.color': '',
    'spec.size': '',
    'status.ready': '',
  });
  assert.deepEqual(selectableFields(cluster, { metadata: { name: 'g' } }), { 'metadata.name': 'g' });
});
