import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { HOUR, ago, cells, columnNames } from '../helpers.ts';

const meta = (name: string) => ({ name, namespace: 'default', creationTimestamp: ago(5 * HOUR) });

test('config maps: DATA counts data and binaryData keys', () => {
  assert.deepEqual(columnNames('', 'configmaps'), ['Name', 'Data', 'Age']);
  const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('settings'), data: { a: '1', b: '2' }, binaryData: { logo: 'iVBORw0KGgo=' } };
  assert.deepEqual(cells('', 'configmaps', cm), ['settings', 3, '5h']);
  assert.deepEqual(cells('', 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('empty') }), ['empty', 0, '5h']);
});

test('secrets: TYPE and DATA count as a number', () => {
  assert.deepEqual(columnNames('', 'secrets'), ['Name', 'Type', 'Data', 'Age']);
  const s: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: meta('creds'), type: 'Opaque', data: { username: 'YWRtaW4=', password: 'czNjcjN0' } };
  assert.deepEqual(cells('', 'secrets', s), ['creds', 'Opaque', 2, '5h']);
  const tls: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: meta('tls'), type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '', 'ca.crt': '' } };
  assert.deepEqual(cells('', 'secrets', tls), ['tls', 'kubernetes.io/tls', 3, '5h']);
  assert.deepEqual(cells('', 'secrets', { apiVersion: 'v1', kind: 'Secret', metadata: meta('none'), type: 'Opaque' }), ['none', 'Opaque', 0, '5h']);
});

test('service accounts: SECRETS count', () => {
  assert.deepEqual(columnNames('', 'serviceaccounts'), ['Name', 'Secrets', 'Age']);
  assert.deepEqual(cells('', 'serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('default') }), ['default', 0, '5h']);
  assert.deepEqual(cells('', 'serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('bot'), secrets: [{ name: 'bot-token' }] }), ['bot', 1, '5h']);
});

test('resource quotas: REQUEST and LIMIT as used/hard, sorted by resource name', () => {
  assert.deepEqual(columnNames('', 'resourcequotas'), ['Name', 'Request', 'Limit', 'Age']);
  const q: KubeObject = {
    apiVersion: 'v1', kind: 'ResourceQuota', metadata: meta('compute'),
    spec: { hard: {} },
    status: {
      hard: { pods: '10', 'requests.cpu': '1', 'requests.memory': '1Gi', 'limits.cpu': '2', 'limits.memory': '2Gi', 'count/deployments.apps': '5' },
      used: { pods: '2', 'requests.cpu': '500m', 'limits.memory': '1024Mi', 'count/deployments.apps': '1' },
    },
  };
  assert.deepEqual(cells('', 'resourcequotas', q), [
    'compute',
    'count/deployments.apps: 1/5, pods: 2/10, requests.cpu: 500m/1, requests.memory: 0/1Gi',
    'limits.cpu: 0/2, limits.memory: 1Gi/2Gi',
    '5h',
  ]);
  assert.deepEqual(cells('', 'resourcequotas', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: meta('new') }), ['new', '', '', '5h']);
});

test('limit ranges have no printer: Name and Created At', () => {
  assert.deepEqual(columnNames('', 'limitranges'), ['Name', 'Created At']);
  assert.deepEqual(cells('', 'limitranges', { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'limits', creationTimestamp: '2024-04-30T07:00:00Z' } }), ['limits', '2024-04-30T07:00:00Z']);
});
