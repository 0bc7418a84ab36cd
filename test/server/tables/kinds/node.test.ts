import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { DAY, ago, cells, columnNames } from '../helpers.ts';

const node = (labels: Record<string, string>, spec: Record<string, unknown>, status: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1', labels, creationTimestamp: ago(40 * DAY) }, spec, status,
});
const info = { kubeletVersion: 'v1.33.1', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.1.0-18-amd64', containerRuntimeVersion: 'containerd://1.7.13' };
const readyCondition = (status: string) => ({ type: 'Ready', status, reason: 'KubeletReady' });

test('node columns', () => {
  assert.deepEqual(columnNames('', 'nodes'), ['Name', 'Status', 'Roles', 'Age', 'Version', 'Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime']);
});

test('a ready control-plane node, every column', () => {
  const n = node(
    { 'kubernetes.io/hostname': 'node-1', 'node-role.kubernetes.io/control-plane': '' },
    {},
    {
      conditions: [{ type: 'MemoryPressure', status: 'False' }, readyCondition('True')],
      addresses: [{ type: 'Hostname', address: 'node-1' }, { type: 'InternalIP', address: '172.18.0.2' }],
      nodeInfo: info,
    },
  );
  assert.deepEqual(cells('', 'nodes', n), [
    'node-1', 'Ready', 'control-plane', '40d', 'v1.33.1', '172.18.0.2', '<none>', 'Debian GNU/Linux 12 (bookworm)', '6.1.0-18-amd64', 'containerd://1.7.13',
  ]);
});

test('STATUS: NotReady, Unknown without a Ready condition, SchedulingDisabled when cordoned', () => {
  const statusOf = (conditions: unknown[], unschedulable?: boolean) =>
    cells('', 'nodes', node({}, unschedulable === undefined ? {} : { unschedulable }, { conditions, nodeInfo: info }))[1];
  assert.equal(statusOf([readyCondition('False')]), 'NotReady');
  assert.equal(statusOf([readyCondition('Unknown')]), 'NotReady');
  assert.equal(statusOf([]), 'Unknown');
  assert.equal(statusOf([readyCondition('True')], true), 'Ready,SchedulingDisabled');
  assert.equal(statusOf([], true), 'Unknown,SchedulingDisabled');
  // the last Ready condition listed wins
  assert.equal(statusOf([readyCondition('False'), readyCondition('True')]), 'Ready');
});

test('ROLES from role labels, sorted and de-duplicated; <none> without', () => {
  const roles = (labels: Record<string, string>) => cells('', 'nodes', node(labels, {}, {}))[2];
  assert.equal(roles({ 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': 'true', 'kubernetes.io/role': 'worker' }), 'control-plane,worker');
  assert.equal(roles({ 'kubernetes.io/role': 'infra' }), 'infra');
  assert.equal(roles({ 'node-role.kubernetes.io/': '', 'kubernetes.io/role': '' }), '<none>');
  assert.equal(roles({}), '<none>');
});

test('wide columns: <none> addresses, <unknown> node info', () => {
  const n = node({}, {}, { addresses: [{ type: 'ExternalIP', address: '203.0.113.10' }, { type: 'InternalIP', address: '10.0.0.4' }, { type: 'InternalIP', address: '10.0.0.5' }] });
  assert.deepEqual(cells('', 'nodes', n).slice(4), ['', '10.0.0.4', '203.0.113.10', '<unknown>', '<unknown>', '<unknown>']);
});

test('namespaces and component statuses', () => {
  assert.deepEqual(columnNames('', 'namespaces'), ['Name', 'Status', 'Age']);
  const ns = (phase: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', creationTimestamp: ago(40 * DAY) }, status: { phase } });
  assert.deepEqual(cells('', 'namespaces', ns('Active')), ['default', 'Active', '40d']);
  assert.equal(cells('', 'namespaces', ns('Terminating'))[1], 'Terminating');

  assert.deepEqual(columnNames('', 'componentstatuses'), ['Name', 'Status', 'Message', 'Error']);
  const cs = (conditions: unknown[]): KubeObject => ({ apiVersion: 'v1', kind: 'ComponentStatus', metadata: { name: 'etcd-0' }, conditions });
  assert.deepEqual(cells('', 'componentstatuses', cs([{ type: 'Healthy', status: 'True', message: 'ok' }])), ['etcd-0', 'Healthy', 'ok', '']);
  assert.deepEqual(cells('', 'componentstatuses', cs([{ type: 'Healthy', status: 'False', error: 'connection refused' }])), ['etcd-0', 'Unhealthy', '', 'connection refused']);
  assert.deepEqual(cells('', 'componentstatuses', cs([])), ['etcd-0', 'Unknown', '', '']);
});
