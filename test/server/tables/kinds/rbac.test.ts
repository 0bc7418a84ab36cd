import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { DAY, ago, cells, columnNames } from '../helpers.ts';

const R = 'rbac.authorization.k8s.io';

test('role bindings: ROLE kind/name, wide USERS, GROUPS, SERVICEACCOUNTS', () => {
  const columns = ['Name', 'Role', 'Age', 'Users', 'Groups', 'ServiceAccounts'];
  assert.deepEqual(columnNames(R, 'rolebindings'), columns);
  assert.deepEqual(columnNames(R, 'clusterrolebindings'), columns);
  const rb: KubeObject = {
    apiVersion: `${R}/v1`, kind: 'RoleBinding', metadata: { name: 'devs', namespace: 'dev', creationTimestamp: ago(2 * DAY) },
    roleRef: { apiGroup: R, kind: 'ClusterRole', name: 'edit' },
    subjects: [
      { kind: 'User', apiGroup: R, name: 'alice' }, { kind: 'User', apiGroup: R, name: 'bob' },
      { kind: 'Group', apiGroup: R, name: 'devs' },
      { kind: 'ServiceAccount', name: 'ci', namespace: 'tools' },
      { kind: 'Other', name: 'ignored' },
    ],
  };
  assert.deepEqual(cells(R, 'rolebindings', rb), ['devs', 'ClusterRole/edit', '2d', 'alice, bob', 'devs', 'tools/ci']);
  const crb: KubeObject = { apiVersion: `${R}/v1`, kind: 'ClusterRoleBinding', metadata: { name: 'admins', creationTimestamp: ago(2 * DAY) }, roleRef: { kind: 'ClusterRole', name: 'cluster-admin' } };
  assert.deepEqual(cells(R, 'clusterrolebindings', crb), ['admins', 'ClusterRole/cluster-admin', '2d', '', '', '']);
});

test('roles and cluster roles have no printer: Name and Created At', () => {
  assert.deepEqual(columnNames(R, 'roles'), ['Name', 'Created At']);
  assert.deepEqual(columnNames(R, 'clusterroles'), ['Name', 'Created At']);
  const cr: KubeObject = { apiVersion: `${R}/v1`, kind: 'ClusterRole', metadata: { name: 'view', creationTimestamp: '2024-03-02T08:09:10Z' }, rules: [] };
  assert.deepEqual(cells(R, 'clusterroles', cr), ['view', '2024-03-02T08:09:10Z']);
});
