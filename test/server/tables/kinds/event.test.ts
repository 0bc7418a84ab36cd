import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { tableColumns } from '../../../../src/server/tables/index.ts';
import { MINUTE, SECOND, ago, cells, columnNames } from '../helpers.ts';

const COLUMNS = ['Last Seen', 'Type', 'Reason', 'Object', 'Subobject', 'Source', 'Message', 'First Seen', 'Count', 'Name'];

test('event columns, the same for both event APIs; the wide ones have priority 1', () => {
  assert.deepEqual(columnNames('', 'events'), COLUMNS);
  assert.deepEqual(columnNames('events.k8s.io', 'events'), COLUMNS);
  assert.deepEqual(tableColumns('', 'events').map((c) => c.priority), [0, 0, 0, 0, 1, 1, 0, 1, 1, 1]);
  assert.equal(tableColumns('', 'events')[9]!.format, 'name');
});

test('a core event: LAST SEEN, OBJECT kind/name, SOURCE component, host', () => {
  const e: KubeObject = {
    apiVersion: 'v1', kind: 'Event',
    metadata: { name: 'web-1.17c3a5f6e0e0a1b2', namespace: 'default', creationTimestamp: ago(10 * MINUTE) },
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'web-1', fieldPath: 'spec.containers{web}' },
    reason: 'BackOff',
    message: '  Back-off restarting failed container web in pod web-1\n',
    source: { component: 'kubelet', host: 'node-1' },
    firstTimestamp: ago(10 * MINUTE),
    lastTimestamp: ago(2 * MINUTE),
    count: 7,
    type: 'Warning',
  };
  assert.deepEqual(cells('', 'events', e), [
    '2m', 'Warning', 'BackOff', 'pod/web-1', 'spec.containers{web}', 'kubelet, node-1', 'Back-off restarting failed container web in pod web-1', '10m', 7, 'web-1.17c3a5f6e0e0a1b2',
  ]);
});

test('new-style events: eventTime for FIRST SEEN, series for LAST SEEN and COUNT, reporting controller as source', () => {
  const base: KubeObject = {
    apiVersion: 'v1', kind: 'Event',
    metadata: { name: 'web-1.a', namespace: 'default' },
    involvedObject: { kind: 'Pod', name: 'web-1' },
    reason: 'Scheduled', message: 'Successfully assigned default/web-1 to node-1', type: 'Normal',
    eventTime: '2024-05-01T11:55:00.123456Z', reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-cp-1',
  };
  // a singleton: no count means one
  assert.deepEqual(cells('', 'events', base), ['4m59s', 'Normal', 'Scheduled', 'pod/web-1', '', 'default-scheduler, default-scheduler-cp-1', 'Successfully assigned default/web-1 to node-1', '4m59s', 1, 'web-1.a']);
  const series = { ...base, series: { count: 5, lastObservedTime: ago(30 * SECOND) } };
  const c = cells('', 'events', series);
  assert.deepEqual([c[0], c[7], c[8]], ['30s', '4m59s', 5]);
});

test('OBJECT without a name is the lower-cased kind; no timestamps print <unknown>', () => {
  const e: KubeObject = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'x' }, involvedObject: { kind: 'Node' }, type: 'Normal', reason: 'Starting', source: { component: 'kube-proxy' } };
  assert.deepEqual(cells('', 'events', e), ['<unknown>', 'Normal', 'Starting', 'node', '', 'kube-proxy', '', '<unknown>', 1, 'x']);
});

test('events.k8s.io/v1 events print through the core conversion', () => {
  const e: KubeObject = {
    apiVersion: 'events.k8s.io/v1', kind: 'Event',
    metadata: { name: 'web.b', namespace: 'default', creationTimestamp: ago(MINUTE) },
    eventTime: ago(MINUTE),
    reportingController: 'deployment-controller', reportingInstance: '',
    action: 'Scale', reason: 'ScalingReplicaSet', regarding: { kind: 'Deployment', namespace: 'default', name: 'web', apiVersion: 'apps/v1' },
    note: 'Scaled up replica set web-7d4b9c to 3', type: 'Normal',
    deprecatedSource: { component: 'deployment-controller' }, deprecatedFirstTimestamp: ago(5 * MINUTE), deprecatedLastTimestamp: ago(MINUTE), deprecatedCount: 2,
  };
  assert.deepEqual(cells('events.k8s.io', 'events', e), [
    '60s', 'Normal', 'ScalingReplicaSet', 'deployment/web', '', 'deployment-controller', 'Scaled up replica set web-7d4b9c to 3', '5m', 2, 'web.b',
  ]);
});
